import type { DataKind } from '../../../shared/domain';
import type { ReportModel } from '../../../shared/report';
import { formatDateTime } from '../format';
import { KIND_LABEL } from '../labels';
import { CopyButton } from './CopyButton';

/** The import batches behind a figure: what an auditor needs to find the source file. */
export function ExplainBatches({ report, batchIds }: { report: ReportModel; batchIds: number[] }) {
  if (batchIds.length === 0) return null;
  return (
    <section aria-labelledby="explain-batches">
      <h3 id="explain-batches">Source files</h3>
      <ul className="batch-list">
        {batchIds.map((id) => {
          const b = report.batches[id];
          if (!b) return <li key={id}>Batch #{id}</li>;
          return (
            <li key={id} className="batch-ref">
              <div className="batch-ref-title">
                <span className="badge">#{b.id}</span> {b.fileName}
                {b.sheet && <span className="muted"> · sheet “{b.sheet}”</span>}
              </div>
              <div className="muted small">
                {KIND_LABEL[b.kind as DataKind] ?? b.kind} · {b.format} · imported{' '}
                {formatDateTime(b.importedAt)}
              </div>
              {b.reconciliation && (
                <div
                  className={`small${b.reconciliation.includes('✗') ? ' flag' : ''}`}
                  data-testid="batch-reconciliation"
                >
                  {b.reconciliation}
                </div>
              )}
              {(b.notes ?? []).map((n) => (
                <div key={n} className="small" data-testid="batch-note">
                  {n}
                </div>
              ))}
              <div className="sha" title="SHA-256 of the imported file">
                SHA-256 <code>{b.fileSha256}</code>{' '}
                <CopyButton value={b.fileSha256} label={`Copy the SHA-256 of ${b.fileName}`} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
