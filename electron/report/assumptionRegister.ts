import type { IsoDate } from '../../shared/fiscal';
import { compareText } from '../../shared/metrics/order';
import type { Micro } from '../../shared/money';
import type { AssumptionRegisterEntry, ExplanationInput } from '../../shared/report';
import type { ReportContext } from './context';
import type { RegisterLine, WorkspaceFacts } from './facts';

/** Days from `from` to `to` (ISO dates). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The one value all lines state, `several` when they differ, null when none states one. */
function agreed<T>(values: (T | null)[]): T | 'several' | null {
  const set = new Set(values.filter((v): v is T => v !== null));
  return set.size === 0 ? null : set.size === 1 ? [...set][0]! : 'several';
}

function sumInput(label: string, micro: Micro, lines: readonly RegisterLine[]): ExplanationInput {
  const batchIds = [...new Set(lines.map((l) => l.batchId).filter((b) => b !== 0))].sort((a, b) => a - b);
  const unbatched = lines.filter((l) => l.batchId === 0).length;
  const input: ExplanationInput = { label, source: 'benefits', micro, lineCount: lines.length, batchIds };
  if (unbatched > 0) input.unbatchedLineCount = unbatched;
  return input;
}

/**
 * The assumption register as of the period's end: benefit lines with any register field, dated on or before
 * it, one entry per initiative, kind (realized or projected) and assumption; sorted by initiative, realized
 * first, then assumption.
 */
/** The register's grouping by facts (a new object after every write) and period end: a quarter switch reuses it. */
const grouped = new WeakMap<WorkspaceFacts, Map<string, Grouped[]>>();

interface Grouped {
  lines: RegisterLine[];
  first: RegisterLine;
  initiative: string;
}

function groupLines(ctx: ReportContext): Grouped[] {
  const { facts } = ctx;
  let byEnd = grouped.get(facts);
  if (!byEnd) grouped.set(facts, (byEnd = new Map()));
  const hit = byEnd.get(ctx.asOf);
  if (hit) return hit;
  const names = new Map(facts.initiatives.map((i) => [i.id, i.name]));
  const groups = new Map<string, RegisterLine[]>();
  for (const l of facts.register) {
    if (l.month > ctx.asOf) continue;
    const key = `${l.initiativeId}|${l.realized ? 0 : 1}|${l.group}`;
    const list = groups.get(key);
    if (list) list.push(l);
    else groups.set(key, [l]);
  }
  const entries = [...groups.values()].map((lines) => {
    const first = lines[0]!;
    const initiative = names.get(first.initiativeId) ?? `#${first.initiativeId}`;
    return { lines, first, initiative };
  });
  entries.sort(
    (a, b) =>
      compareText(a.initiative, b.initiative) ||
      Number(b.first.realized) - Number(a.first.realized) ||
      compareText(a.first.assumption ?? '', b.first.assumption ?? '') ||
      a.first.id - b.first.id,
  );
  byEnd.set(ctx.asOf, entries);
  return entries;
}

type Ends = 'base' | 'low' | 'high';

/** An entry's fields and its figures' inputs: everything but the figures, kept with the grouping. */
interface Prepared {
  entry: Omit<AssumptionRegisterEntry, Ends>;
  sums: Record<Ends, Micro>;
  /** Each figure's explanation but its key and result (the period end is the grouping's: see groupLines). */
  specs: Record<Ends, FigureSpec>;
}

interface FigureSpec {
  label: string;
  formula: string;
  inputs: ExplanationInput[];
  notes: string[];
}

const CASE_LABEL: Record<Ends, string> = { base: 'Base case', low: 'Low case', high: 'High case' };

const prepared = new WeakMap<Grouped, Prepared>();

function prepare(ctx: ReportContext, g: Grouped): Prepared {
  const hit = prepared.get(g);
  if (hit) return hit;
  const { lines, first, initiative } = g;
  const kind = first.realized ? 'realized' : 'projected';
  const what = `${first.assumption ?? `line ${first.id} (no assumption named)`}, ${initiative} (${kind})`;
  const dates = lines.map((l) => l.date).sort();
  const evidence = lines
    .map((l) => l.evidenceDate)
    .filter((d): d is string => d !== null)
    .sort();
  const edits = lines
    .map((l) => l.editedAt)
    .filter((d): d is string => d !== null)
    .sort();
  const sum = (f: Ends) => lines.reduce((s, l) => s + l[f], 0);
  const sums = { base: sum('base'), low: sum('low'), high: sum('high') };
  const ranged = lines.filter((l) => l.statedLow !== null && l.statedLow < (l.statedHigh ?? 0));
  const currencies = [...new Set(lines.map((l) => l.currency))].sort();
  const converted = currencies.some((c) => c !== ctx.facts.settings.currency);
  const label = `Benefit lines ${dates[0]} to ${dates[dates.length - 1]}`;
  const oldest = evidence[0] ?? null;
  const notes = [
    `${ranged.length} of ${lines.length} line${lines.length === 1 ? '' : 's'} state a range; a line without one counts at its amount.`,
    ...(converted ? [`Stated in ${currencies.join(', ')}; converted at monthly FX rates.`] : []),
    ...(edits.length
      ? [`Register fields last edited in the app on ${edits[edits.length - 1]!.slice(0, 10)}.`]
      : []),
  ];
  const spec = (f: Ends): FigureSpec => ({
    label: `${CASE_LABEL[f]}, ${what}, to ${ctx.quarter.end}`,
    formula:
      f === 'base'
        ? 'Sum of the lines’ amounts (the base case).'
        : `Sum of the lines’ ${f} case (a line without a range at its amount).`,
    inputs: [sumInput(label, sums[f], lines)],
    notes,
  });
  const p: Prepared = {
    sums,
    specs: { base: spec('base'), low: spec('low'), high: spec('high') },
    entry: {
      assumption: first.assumption,
      initiativeId: first.initiativeId,
      initiative,
      realized: first.realized,
      lines: lines.length,
      rangedLines: ranged.length,
      firstDate: dates[0]!,
      lastDate: dates[dates.length - 1]!,
      currencies,
      owner: agreed(lines.map((l) => l.owner)),
      source: agreed(lines.map((l) => l.source)),
      confidence: agreed(lines.map((l) => l.confidence)),
      evidenceDate: oldest,
      evidenceAgeDays: oldest === null ? null : daysBetween(oldest, ctx.quarter.end),
      editedAt: edits.length ? edits[edits.length - 1]! : null,
      lineIds: lines.map((l) => l.id),
    },
  };
  prepared.set(g, p);
  return p;
}

export function buildAssumptionRegister(ctx: ReportContext): AssumptionRegisterEntry[] {
  const { book } = ctx;
  return groupLines(ctx).map((g, n) => {
    const p = prepare(ctx, g);
    return {
      ...p.entry,
      base: book.money(`register.${n}.base`, p.sums.base, p.specs.base),
      low: book.money(`register.${n}.low`, p.sums.low, p.specs.low),
      high: book.money(`register.${n}.high`, p.sums.high, p.specs.high),
    };
  });
}
