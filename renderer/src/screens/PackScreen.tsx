import { useState } from 'react';
import type { PackExportResult } from '../../../shared/export/packTypes';
import { api } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { ScreenHeader } from '../components/ScreenHeader';
import { Skeleton } from '../components/Skeleton';
import { ExportControls, type ExportChoice } from '../print/screen/ExportControls';
import { ExportResultView } from '../print/screen/ExportResultView';
import { localDate } from '../print/screen/localDate';
import { PackPreview } from '../print/screen/PackPreview';
import { PreflightPanel } from '../print/screen/PreflightPanel';
import { SnapshotList } from '../print/screen/SnapshotList';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

/** The Briefing pack screen: preflight, export (PDF, Excel, PowerPoint) with progress, where the files went, preview. */
export function PackScreen() {
  const { info, period } = useWorkspace();
  const data = useAsync(
    () => (period ? api.call('pack.data', { period }) : Promise.resolve(null)),
    [period, info],
  );
  const snapshots = useAsync(() => api.call('pack.snapshots', {}), [info]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PackExportResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [packDate] = useState(localDate);

  if (!period)
    return (
      <>
        <ScreenHeader title="Briefing pack" />
        <EmptyState title="No quarter to report yet">
          Import spend data to prepare a briefing pack.
        </EmptyState>
      </>
    );

  const run = async (choice: ExportChoice) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.call('pack.export', { period, packDate, ...choice }));
      snapshots.reload();
      data.reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const pack = data.data;
  return (
    <>
      <ScreenHeader
        title="Briefing pack"
        subtitle={`AI Board Briefing — ${period}: a PDF for the board, an Excel workbook for finance and a PowerPoint deck for the board's slides`}
      />
      {data.status === 'error' && (
        <ErrorNotice title="The pack could not be prepared" error={data.error} onRetry={data.reload} />
      )}
      {!pack && data.status === 'loading' && <Skeleton />}
      {pack && (
        <div className="stack">
          <PreflightPanel preflight={pack.preflight} />
          <section className="panel" aria-labelledby="export-title">
            <h2 id="export-title">Export</h2>
            <ExportControls
              blockingCount={pack.preflight.issues.filter((i) => i.blocking).length}
              busy={busy}
              onExport={(c) => void run(c)}
            />
            {error && <ErrorNotice title="The export failed" error={error} />}
            {result && <ExportResultView result={result} />}
          </section>
          <section className="panel" aria-labelledby="snapshots-title">
            <h2 id="snapshots-title">Earlier exports</h2>
            <SnapshotList snapshots={snapshots.data ?? []} />
          </section>
          <section className="panel" aria-labelledby="preview-title">
            <h2 id="preview-title">Preview of the pages</h2>
            <PackPreview data={pack} packDate={packDate} />
          </section>
        </div>
      )}
    </>
  );
}
