import type { PackExportResult } from '../../../../shared/export/packTypes';
import { PackFileActions } from './PackFileActions';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Where the files went, with their fingerprints, and anything the user should know. */
export function ExportResultView({ result }: { result: PackExportResult }) {
  return (
    <div className="notice notice-ok" role="status" data-testid="pack-result">
      <strong>Briefing pack saved to {result.outDir}</strong>
      <ul className="flag-list">
        {result.files.map((f) => (
          <li key={f.path}>
            <code>{f.name}</code> — {size(f.bytes)}, SHA-256{' '}
            <code className="hash">{f.sha256.slice(0, 16)}…</code>{' '}
            <PackFileActions snapshot={result.snapshot.id} file={f} />
          </li>
        ))}
      </ul>
      <p>
        Snapshot {result.snapshot.id} recorded (inputs SHA-256{' '}
        <code>{result.snapshot.inputsSha256.slice(0, 16)}…</code>
        ).
      </p>
      {result.warnings.map((w) => (
        <p key={w} className="notice notice-warn">
          {w}
        </p>
      ))}
    </div>
  );
}
