import { useMemo } from 'react';
import type { RagStatus } from '../../../shared/domain';
import { api } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Panel } from '../components/Panel';
import { ScreenHeader } from '../components/ScreenHeader';
import { Skeleton } from '../components/Skeleton';
import { CommentaryField } from '../narrative/CommentaryField';
import { KpiCommentaryList } from '../narrative/KpiCommentaryList';
import { MissingCommentary } from '../narrative/MissingCommentary';
import { SummaryEditor } from '../narrative/SummaryEditor';
import { ReportSubtitle } from '../report/ReportSubtitle';
import { useReport } from '../report/useReport';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

const RANK: Record<RagStatus, number> = { red: 0, amber: 1, no_data: 2, green: 3 };

export function NarrativeScreen() {
  const { period, info } = useWorkspace();
  const report = useReport();
  const notes = useAsync(
    async () => ({ period, list: period ? await api.call('commentary.list', { period }) : [] }),
    [period, info],
  );
  const byKey = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of notes.data?.list ?? []) m.set(`${c.scope}:${c.ref}`, c.body);
    return m;
  }, [notes.data]);

  if (report.status === 'empty')
    return (
      <section aria-labelledby="screen-title">
        <ScreenHeader title="Narrative" />
        <EmptyState title="Nothing to comment on yet">
          Import data first: commentary is written per fiscal quarter.
        </EmptyState>
      </section>
    );
  const data = report.data;
  // Reloads after a save keep the fields mounted; a new quarter waits for its own figures and commentary.
  const ready = data && data.period.label === period && notes.data?.period === period;
  const kpis = data ? [...data.kpis].sort((a, b) => RANK[a.status] - RANK[b.status]) : [];
  return (
    <section aria-labelledby="screen-title">
      <ScreenHeader title="Narrative" subtitle={data ? <ReportSubtitle report={data} /> : period} />
      {notes.status === 'error' && (
        <ErrorNotice title="Commentary could not be loaded" error={notes.error} onRetry={notes.reload} />
      )}
      {report.status === 'error' && (
        <ErrorNotice title="The figures could not be loaded" error={report.error} onRetry={report.reload} />
      )}
      {!ready || !data ? (
        <Skeleton lines={10} label="Loading commentary" />
      ) : (
        <div className="stack" key={data.period.label} data-testid="narrative">
          <MissingCommentary kpis={data.kpis} byKey={byKey} />
          <Panel title="Executive summary">
            <SummaryEditor report={data} saved={byKey.get('summary:')} onSaved={notes.reload} />
          </Panel>
          <div className="grid-3">
            <Panel title="Risks">
              <CommentaryField
                id="risks"
                label="Risks to raise with the board"
                hint="One per line."
                period={data.period.label}
                scope="risks"
                initial={byKey.get('risks:') ?? ''}
                rows={6}
                onSaved={notes.reload}
              />
            </Panel>
            <Panel title="Decisions requested">
              <CommentaryField
                id="decisions"
                label="Decisions the board is asked to take"
                hint="One per line."
                period={data.period.label}
                scope="decisions"
                initial={byKey.get('decisions:') ?? ''}
                rows={6}
                onSaved={notes.reload}
              />
            </Panel>
            <Panel title="Next-quarter priorities">
              <CommentaryField
                id="priorities"
                label={`Priorities after ${data.period.label}`}
                hint="One per line."
                period={data.period.label}
                scope="priorities"
                initial={byKey.get('priorities:') ?? ''}
                rows={6}
                onSaved={notes.reload}
              />
            </Panel>
          </div>
          <Panel title="Commentary per KPI">
            <KpiCommentaryList
              kpis={kpis.filter((k) => k.status !== 'green')}
              report={data}
              byKey={byKey}
              onSaved={notes.reload}
            />
            <details className="on-track-details">
              <summary>On-track KPIs ({kpis.filter((k) => k.status === 'green').length})</summary>
              <KpiCommentaryList
                kpis={kpis.filter((k) => k.status === 'green')}
                report={data}
                byKey={byKey}
                onSaved={notes.reload}
              />
            </details>
          </Panel>
        </div>
      )}
    </section>
  );
}
