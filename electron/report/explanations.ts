import type { Tally } from '../../shared/metrics/tally';
import type { Micro } from '../../shared/money';
import type {
  ExplainKey,
  Explanation,
  ExplanationInput,
  ExplanationSource,
  ExplanationUnit,
  MoneyFigure,
  NumberFigure,
} from '../../shared/report';

/** An input that is a sum of stored lines. */
export function tallyInput(label: string, source: ExplanationSource, t: Tally): ExplanationInput {
  const input: ExplanationInput = {
    label,
    source,
    micro: t.micro,
    lineCount: t.lines,
    batchIds: t.batchIds(),
  };
  if (t.unbatchedLines > 0) input.unbatchedLineCount = t.unbatchedLines;
  return input;
}

/** An input that is another figure of the report. */
export function figureInput(label: string, figure: MoneyFigure | NumberFigure): ExplanationInput {
  return 'micro' in figure
    ? { label, source: 'figure', micro: figure.micro, lineCount: 0, batchIds: [], ref: figure.explain }
    : { label, source: 'figure', value: figure.value, lineCount: 0, batchIds: [], ref: figure.explain };
}

/** A money amount that is not a plain sum of lines (a median, a net flow), in micro-units. */
export function moneyInput(label: string, source: ExplanationSource, micro: Micro): ExplanationInput {
  return { label, source, micro: Math.sign(micro) * Math.round(Math.abs(micro)), lineCount: 0, batchIds: [] };
}

/** A fraction as a percentage for an explanation's words, to at most `digits` decimals, no float noise (0.05 → "5%"). */
export function percentText(fraction: number, digits = 4): string {
  return `${Number((fraction * 100).toFixed(digits))}%`;
}

/** A rate or share input, shown as a percentage (0.1 → 10%). */
export function ratioInput(label: string, source: ExplanationSource, value: number | null): ExplanationInput {
  return { label, source, value, unit: 'ratio', lineCount: 0, batchIds: [] };
}

/** A plain value input (a setting, a count, a KPI value). */
export function valueInput(
  label: string,
  source: ExplanationSource,
  value: number | string | null,
  lineCount = 0,
  batchIds: number[] = [],
): ExplanationInput {
  return { label, source, value, lineCount, batchIds };
}

interface Spec {
  label: string;
  formula: string;
  inputs: ExplanationInput[];
  notes?: string[];
}

/**
 * The batch ids of a long inputs list, once per list: the long ones are an NPV's months, kept between reports
 * with their cash flows (cashflows.ts), so each is walked once, not once per report.
 */
const batchIdsByInputs = new WeakMap<readonly ExplanationInput[], readonly number[]>();
const LONG_INPUTS = 8;

function longInputBatchIds(inputs: readonly ExplanationInput[]): readonly number[] {
  const hit = batchIdsByInputs.get(inputs);
  if (hit) return hit;
  const ids = new Set<number>();
  for (const i of inputs) for (const b of i.batchIds) ids.add(b);
  const list = [...ids];
  batchIdsByInputs.set(inputs, list);
  return list;
}

/** Collects every figure's explanation while the report is built; figures reference them by key. */
export class ExplanationBook {
  readonly entries: Record<ExplainKey, Explanation> = {};
  /** How many inputs of the current explanations name each import batch. */
  private readonly batches = new Map<number, number>();

  private put(
    key: ExplainKey,
    unit: ExplanationUnit,
    result: number | string | null,
    spec: Spec,
  ): ExplainKey {
    // A key put again (a figure stated in two places) replaces its explanation, and its inputs' batches.
    const replaced = this.entries[key];
    if (replaced) this.countBatches(replaced.inputs, -1);
    this.entries[key] = {
      key,
      label: spec.label,
      formula: spec.formula,
      unit,
      result,
      inputs: spec.inputs,
      notes: spec.notes ?? [],
    };
    this.countBatches(spec.inputs, 1);
    return key;
  }

  money(key: ExplainKey, micro: Micro, spec: Spec): MoneyFigure {
    return { micro, explain: this.put(key, 'money', micro, spec) };
  }

  /** A money figure that is exactly one sum of stored lines. */
  sum(
    key: ExplainKey,
    t: Tally,
    source: ExplanationSource,
    spec: Omit<Spec, 'inputs'> & { inputLabel?: string },
  ): MoneyFigure {
    return this.money(key, t.micro, {
      ...spec,
      inputs: [tallyInput(spec.inputLabel ?? spec.label, source, t)],
    });
  }

  number(key: ExplainKey, unit: ExplanationUnit, value: number | null, spec: Spec): NumberFigure {
    return { value, explain: this.put(key, unit, value, spec) };
  }

  other(key: ExplainKey, unit: ExplanationUnit, result: number | string | null, spec: Spec): ExplainKey {
    return this.put(key, unit, result, spec);
  }

  /** Import batch ids referenced anywhere (counted as figures are put). */
  batchIds(): number[] {
    const ids: number[] = [];
    for (const [b, n] of this.batches) if (n > 0) ids.push(b);
    return ids.sort((a, b) => a - b);
  }

  private countBatches(inputs: readonly ExplanationInput[], by: 1 | -1): void {
    const count = (b: number) => this.batches.set(b, (this.batches.get(b) ?? 0) + by);
    if (inputs.length > LONG_INPUTS) for (const b of longInputBatchIds(inputs)) count(b);
    else for (const i of inputs) for (const b of i.batchIds) count(b);
  }
}
