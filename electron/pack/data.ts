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

let builds = 0;

/**
 * How many times pack data (and so the quarter's report model) has been built in this process: an export
 * builds it exactly once, whatever its transport (test/electron/pack/buildOnce.test.ts).
 */
export function packDataBuilds(): number {
  return builds;
}

/**
 * The snapshot's inputs hash: the report model, the commentary and the pack settings the pages print.
 * The print view's copy of the report has no explanations (slimPackData): pass the full report.
 */
export function packInputsSha256(inputs: Pick<PackData, 'report' | 'commentary' | 'settings'>): string {
  const { report, commentary, settings } = inputs;
  return sha256(
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
}

/** Gathers what a pack shows for one quarter; every figure is the report model's. */
export function loadPackData(db: ReadableDb, period: string): PackData {
  builds++;
  const report = buildReport(db, period);
  const settings = getSettings(db);
  const commentary = listCommentary(db, period);
  const kpiDefinitions = listKpis(db);
  const initiatives = listInitiatives(db);
  const batches = listBatches(db)
    .filter((b) => b.status === 'committed')
    .sort((a, b) => a.id - b.id);
  const inputsSha256 = packInputsSha256({ report, commentary, settings });
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
