import { metricDefinitions } from '../../shared/export/definitions';
import { preflightPack } from '../../shared/export/preflight';
import type { PackData } from '../../shared/export/packTypes';
import { buildReport } from '../report/buildReport';
import { listBatches } from '../store/batches';
import { listCommentary } from '../store/commentary';
import type { ReadableDb } from '../store/connection';
import { listInitiatives } from '../store/initiatives';
import { listKpis } from '../store/kpis';
import { getSettings } from '../store/settings';
import { buildChanges } from './changes';
import { canonicalJson, sha256 } from './hash';

/** Gathers what a pack shows for one quarter; every figure is the report model's. */
export function loadPackData(db: ReadableDb, period: string): PackData {
  const report = buildReport(db, period);
  const settings = getSettings(db);
  const commentary = listCommentary(db, period);
  const kpiDefinitions = listKpis(db);
  const initiatives = listInitiatives(db);
  const batches = listBatches(db)
    .filter((b) => b.status === 'committed')
    .sort((a, b) => a.id - b.id);
  const inputsSha256 = sha256(
    canonicalJson({
      report,
      commentary: commentary.map((c) => ({ scope: c.scope, ref: c.ref, body: c.body })),
      pack: {
        companyName: settings.companyName,
        preparedBy: settings.preparedBy,
        confidentiality: settings.confidentiality,
        pageSize: settings.pageSize,
        logo: settings.logoDataUrl ? sha256(settings.logoDataUrl) : null,
      },
    }),
  );
  return {
    period: report.period.label,
    report,
    settings,
    commentary,
    kpiDefinitions,
    initiatives,
    batches,
    changes: buildChanges(db, report, batches),
    preflight: preflightPack(report, commentary),
    definitions: metricDefinitions(report),
    inputsSha256,
  };
}

/**
 * The pack data as the print view gets it: the per-figure explanations (their inputs and batch lists,
 * megabytes on a large workspace) are left out — the pack prints the formulas from `definitions` and the
 * sources from `batches`; the snapshot keeps the full model.
 */
export function slimPackData(data: PackData): PackData {
  return {
    ...data,
    report: { ...data.report, explanations: {} },
    changes: { ...data.changes, earlier: null },
  };
}
