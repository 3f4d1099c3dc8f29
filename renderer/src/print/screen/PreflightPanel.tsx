import type { Preflight } from '../../../../shared/export/packTypes';

/** What stands between the pack and the board: blocking issues first, then advisories. */
export function PreflightPanel({ preflight }: { preflight: Preflight }) {
  const blocking = preflight.issues.filter((i) => i.blocking);
  const advisories = preflight.issues.filter((i) => !i.blocking);
  return (
    <section className="panel" aria-labelledby="preflight-title">
      <h2 id="preflight-title">Preflight</h2>
      {blocking.length === 0 ? (
        <p className="notice notice-ok">Every red KPI has commentary: the pack is ready to export.</p>
      ) : (
        <div className="notice notice-error" role="alert">
          <strong>
            {blocking.length} red KPI{blocking.length === 1 ? '' : 's'} without commentary — export is blocked
          </strong>
          <ul className="flag-list">
            {blocking.map((i) => (
              <li key={i.ref}>{i.message}</li>
            ))}
          </ul>
          <p>
            Write the commentary on the <a href="#/narrative">Narrative</a> screen, or export with the
            explicit override below.
          </p>
        </div>
      )}
      {advisories.length > 0 && (
        <ul className="flag-list" aria-label="Advisories">
          {advisories.map((i) => (
            <li key={`${i.kind}-${i.ref}`}>{i.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
