import { addMonths, type Month } from '../../shared/fiscal';
import { compareText } from '../../shared/metrics/order';
import { checkAnomaly, type AnomalyRule } from '../../shared/metrics/anomaly';
import { mulDivMicro } from '../../shared/metrics/exact';
import { majorToMicro, type Micro } from '../../shared/money';
import type { Anomaly, AnomalyContributor, AnomalyDimension, AnomalySettings } from '../../shared/report';
import { CATEGORY_LABEL } from '../../shared/labels';
import type { ReportContext } from './context';
import { moneyInput, tallyInput } from './explanations';
import type { SpendCell } from './facts';
import type { MonthlySeries } from './series';

export const BASELINE_MONTHS = 6;

export function anomalySettings(ctx: Pick<ReportContext, 'facts'>): AnomalySettings {
  const s = ctx.facts.settings;
  return {
    madFactor: s.anomalyMadFactor,
    minPct: s.anomalyMinPct,
    minAmount: majorToMicro(s.anomalyMinAmount),
    baselineMonths: BASELINE_MONTHS,
  };
}

function keyOf(cell: SpendCell, d: AnomalyDimension): string {
  return d === 'vendor' ? cell[3] : d === 'category' ? cell[2] : String(cell[1]);
}

function labeler(ctx: ReportContext): (d: AnomalyDimension, key: string) => string {
  const names = new Map(ctx.facts.initiatives.map((i) => [String(i.id), i.name]));
  return (d, key) => {
    if (d === 'vendor') return key === '' ? '(no vendor)' : key;
    if (d === 'category') return CATEGORY_LABEL[key as keyof typeof CATEGORY_LABEL] ?? key;
    return key === '0' ? 'Shared platform' : (names.get(key) ?? `Initiative ${key}`);
  };
}

/** The biggest changes behind a flagged month, by the two other dimensions (vs their trailing-6-month mean). */
function contributors(
  ctx: ReportContext,
  d: AnomalyDimension,
  key: string,
  month: Month,
  label: (d: AnomalyDimension, key: string) => string,
): AnomalyContributor[] {
  const from = addMonths(month, -BASELINE_MONTHS);
  const others = (['vendor', 'category', 'initiative'] as AnomalyDimension[]).filter((x) => x !== d);
  const sums = new Map<string, { now: Micro; before: Micro }>();
  for (const c of ctx.facts.spendCells) {
    const cellMonth = c[0];
    if (cellMonth < from || cellMonth > month || keyOf(c, d) !== key) continue;
    for (const o of others) {
      const id = `${o}|${keyOf(c, o)}`;
      const s = sums.get(id) ?? { now: 0, before: 0 };
      if (cellMonth === month) s.now += c[6];
      else s.before += c[6];
      sums.set(id, s);
    }
  }
  return [...sums.entries()]
    .map(([id, s]) => {
      const [dim, k] = [id.slice(0, id.indexOf('|')) as AnomalyDimension, id.slice(id.indexOf('|') + 1)];
      return {
        dimension: dim,
        key: k,
        label: label(dim, k),
        change: s.now - mulDivMicro(s.before, 1, BASELINE_MONTHS),
      };
    })
    .filter((c) => c.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, 3);
}

function roundHalfAway(x: number): Micro {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * For each vendor, category and initiative, each month of the quarter is tested against its trailing
 * 6 months (months without spend are 0). A month is tested only when the whole baseline lies within
 * the workspace's spend history and the month itself is reported (on or before the last month with spend).
 */
export function buildAnomalies(ctx: ReportContext, settings: AnomalySettings): Anomaly[] {
  const { facts, quarter: q, book } = ctx;
  const first = ctx.firstSpendMonth;
  // Months after the last month with any spend are not reported yet: no spend there is not a drop.
  const last = ctx.dataThrough;
  if (first === null || last === null) return [];
  const rule: AnomalyRule = {
    madFactor: settings.madFactor,
    minPct: settings.minPct,
    minAmount: settings.minAmount,
  };
  const label = labeler(ctx);
  const out: Anomaly[] = [];
  const scan = <K>(d: AnomalyDimension, series: MonthlySeries<K>, toKey: (k: K) => string) => {
    for (const k of series.keys()) {
      for (const month of q.months) {
        const baseFrom = addMonths(month, -BASELINE_MONTHS);
        if (baseFrom < first || month > last) continue;
        const baseline = series.amounts(k, baseFrom, addMonths(month, -1));
        const amount = series.month(k, month);
        const check = checkAnomaly(amount, baseline, rule);
        if (!check.flagged) continue;
        const key = toKey(k);
        const name = label(d, key);
        const explain = book.other(`anomaly.${d}.${key}.${month}`, 'money', amount, {
          label: `Spend anomaly: ${name} (${d}), ${month}`,
          formula:
            `Flagged because |amount − baseline median| > ${rule.madFactor} × MAD (median absolute deviation) of the ` +
            `trailing ${BASELINE_MONTHS} months, and ≥ ${rule.minPct} of the median, and ≥ the minimum amount (settings).`,
          inputs: [
            tallyInput(`Spend ${month}`, 'spend', series.sum(k, month, month)),
            ...baseline.map((_, i) => {
              const m = addMonths(baseFrom, i);
              return tallyInput(`Baseline ${m}`, 'spend', series.sum(k, m, m));
            }),
            moneyInput('Baseline median', 'figure', check.median),
            moneyInput('Median absolute deviation (MAD)', 'figure', check.mad),
            moneyInput('Minimum amount (setting)', 'settings', rule.minAmount),
          ],
          notes: [],
        });
        out.push({
          dimension: d,
          key,
          label: name,
          month,
          amount,
          baselineMedian: roundHalfAway(check.median),
          deviation: roundHalfAway(check.deviation),
          deviationPct: check.deviationPct,
          madMultiple: check.madMultiple,
          direction: check.deviation > 0 ? 'spike' : 'drop',
          contributors: contributors(ctx, d, key, month, label),
          explain,
        });
      }
    }
  };
  scan('vendor', facts.spendByVendor, (k) => k);
  scan('category', facts.spendByCategory, (k) => k);
  scan('initiative', facts.spendByInitiative, (k) => String(k));
  return out.sort(
    (a, b) =>
      Math.abs(b.deviation) - Math.abs(a.deviation) ||
      compareText(a.month, b.month) ||
      compareText(a.dimension, b.dimension) ||
      compareText(a.key, b.key),
  );
}
