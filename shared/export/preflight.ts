import type { Commentary } from '../api/workspace';
import type { ReportModel } from '../report';
import type { Preflight, PreflightIssue } from './packTypes';

function hasText(commentary: Commentary[], scope: Commentary['scope'], ref = ''): boolean {
  return commentary.some((c) => c.scope === scope && c.ref === ref && c.body.trim() !== '');
}

/**
 * The checks before a pack goes to the board. A red KPI without commentary blocks the export (a board
 * asks "why?" of every red); the rest are advisories.
 */
export function preflightPack(report: ReportModel, commentary: Commentary[]): Preflight {
  const issues: PreflightIssue[] = [];
  for (const k of report.kpis) {
    if (k.status === 'red' && !hasText(commentary, 'kpi', k.id)) {
      issues.push({
        kind: 'red_kpi_without_commentary',
        blocking: true,
        ref: k.id,
        message: `${k.name} is red and has no commentary for ${report.period.label}.`,
      });
    }
  }
  for (const k of report.kpis) {
    if (k.status === 'no_data') {
      issues.push({
        kind: 'no_data_kpi',
        blocking: false,
        ref: k.id,
        message: `${k.name} has no data for ${report.period.label}; the pack shows it as "No data".`,
      });
    }
  }
  if (!hasText(commentary, 'summary')) {
    issues.push({
      kind: 'no_summary',
      blocking: false,
      ref: '',
      message: 'No edited executive summary: the pack uses the headline figures only.',
    });
  }
  if (!hasText(commentary, 'decisions')) {
    issues.push({
      kind: 'no_decisions',
      blocking: false,
      ref: '',
      message: 'No decisions requested from the board are recorded for this quarter.',
    });
  }
  return { period: report.period.label, ok: !issues.some((i) => i.blocking), issues };
}
