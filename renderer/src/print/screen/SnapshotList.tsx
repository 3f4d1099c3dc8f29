import type { PackSnapshot } from '../../../../shared/export/packTypes';
import { PackFileActions } from './PackFileActions';

/** Earlier exports: when, which quarter, from which inputs, which files. */
export function SnapshotList({ snapshots }: { snapshots: PackSnapshot[] }) {
  if (snapshots.length === 0)
    return <p className="muted">No pack has been exported from this workspace yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Exported (UTC)</th>
          <th>Quarter</th>
          <th>Inputs SHA-256</th>
          <th>Files</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((s) => (
          <tr key={s.id}>
            <td>{s.createdAt.slice(0, 16).replace('T', ' ')}</td>
            <td>{s.period}</td>
            <td>
              <code>{s.inputsSha256.slice(0, 16)}…</code>
            </td>
            <td>
              <ul className="flag-list">
                {s.files.map((f) => (
                  <li key={f.kind}>
                    {f.name} <PackFileActions snapshot={s.id} file={f} />
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
