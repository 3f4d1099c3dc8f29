import type { KpiReport } from '../../../shared/report';

/** Flags red KPIs without commentary and a missing summary: what to fix before exporting the pack. */
export function MissingCommentary({ kpis, byKey }: { kpis: KpiReport[]; byKey: Map<string, string> }) {
  const missing = kpis.filter((k) => k.status === 'red' && !byKey.get(`kpi:${k.id}`)?.trim());
  const noSummary = !byKey.get('summary:')?.trim();
  if (missing.length === 0 && !noSummary)
    return (
      <div className="notice notice-ok" role="status" data-testid="narrative-complete">
        ● Every off-track KPI has commentary and the executive summary is written: ready for the pack.
      </div>
    );
  return (
    <div className="notice notice-warn" role="status" data-testid="narrative-missing">
      <strong>Before exporting the pack</strong>
      <ul className="flag-list">
        {noSummary && (
          <li>
            <button
              type="button"
              className="link-button"
              onClick={() => document.getElementById('summary')?.focus()}
            >
              Write the executive summary
            </button>{' '}
            — until you do, the pack prints the draft made from the figures (the Draft button below)
          </li>
        )}
        {missing.map((k) => (
          <li key={k.id}>
            ■ {k.name} is off track and has no commentary —{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => document.getElementById(`kpi-${k.id}`)?.focus()}
              aria-label={`Add commentary on ${k.name}`}
            >
              add it
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
