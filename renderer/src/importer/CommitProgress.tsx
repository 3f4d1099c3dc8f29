import type { ImportJobStatus } from '../../../shared/api';
import { formatNumber } from '../format';

/** The running import: a real progress bar (bytes read, or rows when counted) and a cancel button. */
export function CommitProgress({
  job,
  fileName,
  onCancel,
}: {
  job: ImportJobStatus | null;
  fileName: string;
  onCancel(): void;
}) {
  const p = job?.progress;
  const fraction = !p ? 0 : p.totalRows ? p.rows / p.totalRows : p.totalBytes ? p.bytes / p.totalBytes : 0;
  const pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div className="panel commit-progress" data-testid="commit-progress">
      <h2 id="progress-label">Importing {fileName}…</h2>
      <progress
        className="progress"
        max={100}
        value={pct}
        aria-labelledby="progress-label"
        aria-valuetext={`${pct}%`}
      />
      <p className="muted">
        {pct}% · {formatNumber(p?.rows ?? 0)} rows read. The import is one transaction: cancelling leaves the
        workspace untouched.
      </p>
      <button type="button" className="danger" onClick={onCancel} disabled={!job || job.state !== 'running'}>
        Cancel import
      </button>
    </div>
  );
}
