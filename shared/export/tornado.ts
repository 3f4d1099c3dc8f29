import type { SensitivityDriver, SensitivityReport } from '../report';

/** Bars a tornado shows: the largest swings (the JSON and the workbook list every driver). */
export const TORNADO_MAX = 10;

/** The drivers a tornado chart shows, largest swing first (the report's own order). */
export function tornadoDrivers(s: SensitivityReport, max = TORNADO_MAX): SensitivityDriver[] {
  return s.drivers.slice(0, max);
}

/** "Tickets deflected × cost per ticket — Customer Support Copilot": a bar's label. */
export function driverLabel(d: SensitivityDriver): string {
  const who = d.initiative ?? `${d.initiatives.length} initiatives`;
  return `${d.assumption} — ${who}`;
}
