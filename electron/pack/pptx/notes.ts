import {
  boardMoney,
  boardSignedMoney,
  KIND_LABEL,
  kpiTarget,
  kpiValue,
  STATUS_LABEL,
  money,
  num,
  pct,
  shortMonth,
  signedMoney,
  utcTime,
} from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import type { BatchRef, ExplainKey, Explanation, ExplanationInput, KpiScore } from '../../../shared/report';
import type { RagStatus } from '../../../shared/domain';

/** Where explanations are looked up: the current report, or the earlier model a change is measured against. */
export interface ExplanationSet {
  explanations: Record<ExplainKey, Explanation>;
  batches: Record<number, BatchRef>;
  currency: string;
}

/**
 * A figure on a slide: its explanation key, the value as the slide shows it (when the explanation's own
 * format differs, e.g. a KPI's unit) and lines the slide adds (a chart's points, a target).
 */
export interface NoteFigure {
  key: ExplainKey | null | undefined;
  shown?: string;
  lines?: string[];
}

export type NoteItem = ExplainKey | null | undefined | NoteFigure;

/** A KPI as its row shows it: the value in the KPI's unit and decimals, and its target. */
export function kpiFigure(k: KpiScore, currency: string): NoteFigure {
  return {
    key: k.explain,
    shown: kpiValue(k.value, k, currency),
    lines: [`Target: ${kpiTarget(k, currency)}; status ${STATUS_LABEL[k.status]}.`],
  };
}

/**
 * A money figure (or a signed change) as the board slides show it (whole units) and, when that rounds, exactly:
 * "$1,870,661 (exactly $1,870,661.23)".
 */
export function asShownAndExact(micro: number | null, currency: string, signed = false): string {
  const shown = signed ? boardSignedMoney(micro, currency) : boardMoney(micro, currency);
  const exact = signed ? signedMoney(micro, currency) : money(micro, currency);
  return shown === exact ? shown : `${shown} (exactly ${exact})`;
}

/** A figure's value as the explanation states it, in the pack's formats. */
function result(e: Explanation, currency: string): string {
  const r = e.result;
  if (r === null) return '—';
  if (typeof r === 'string')
    return e.unit === 'month' ? shortMonth(r) : e.unit === 'status' ? (STATUS_LABEL[r as RagStatus] ?? r) : r;
  switch (e.unit) {
    case 'money':
      return asShownAndExact(r, currency);
    case 'ratio':
      return pct(r);
    case 'months':
      return `${num(r)} months`;
    case 'days':
      return `${num(r, 1)} days`;
    case 'count':
      return num(r);
    default:
      return num(r, 4);
  }
}

function inputValue(i: ExplanationInput, currency: string): string {
  if (i.micro !== undefined) return money(i.micro, currency);
  if (i.value === undefined || i.value === null) return '—';
  if (typeof i.value === 'string') return i.value;
  return i.unit === 'ratio' ? pct(i.value) : num(i.value, 4);
}

/**
 * The import batches behind a figure: those of its inputs, and of the figures it is computed from
 * (an ROI's benefit and cost), followed down to the stored lines.
 */
export function batchesBehind(set: ExplanationSet, key: ExplainKey, seen = new Set<ExplainKey>()): number[] {
  const e = set.explanations[key];
  if (!e || seen.has(key)) return [];
  seen.add(key);
  const ids = new Set<number>();
  for (const i of e.inputs) {
    for (const b of i.batchIds) ids.add(b);
    if (i.ref) for (const b of batchesBehind(set, i.ref, seen)) ids.add(b);
  }
  return [...ids].sort((a, b) => a - b);
}

function batchList(ids: number[]): string {
  return `batch${ids.length === 1 ? '' : 'es'} ${ids.map((b) => `#${b}`).join(', ')}`;
}

function inputLine(set: ExplanationSet, i: ExplanationInput, indent: string): string {
  const parts: string[] = [];
  if (i.lineCount > 0) parts.push(`${num(i.lineCount)} line${i.lineCount === 1 ? '' : 's'}`);
  const batches = i.batchIds.length ? i.batchIds : i.ref ? batchesBehind(set, i.ref) : [];
  if (batches.length > 0) parts.push(`${i.ref && !i.batchIds.length ? 'from ' : ''}${batchList(batches)}`);
  if (i.unbatchedLineCount) parts.push(`${num(i.unbatchedLineCount)} entered without an import`);
  return `${indent}  - ${i.label}: ${inputValue(i, set.currency)}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/**
 * One figure's explanation: "Label: value", the formula in words, the inputs with their sums, line counts
 * and batches, the notes. Returns the lines and the batches it names (the figures' own and those behind them).
 */
export function explanationBlock(
  set: ExplanationSet,
  key: ExplainKey,
  opts: { shown?: string; lines?: string[]; indent?: string; label?: string } = {},
): { lines: string[]; batchIds: number[] } | null {
  const e = set.explanations[key];
  if (!e) return null;
  const ind = opts.indent ?? '';
  const lines = [
    `${ind}${opts.label ?? e.label}: ${opts.shown ?? result(e, set.currency)}`,
    `${ind}  Formula: ${e.formula}`,
  ];
  if (e.inputs.length) lines.push(`${ind}  Inputs:`, ...e.inputs.map((i) => inputLine(set, i, ind)));
  for (const l of opts.lines ?? []) lines.push(`${ind}  ${l}`);
  for (const n of e.notes) lines.push(`${ind}  Note: ${n}`);
  const batchIds = batchesBehind(set, key);
  if (batchIds.length) lines.push(`${ind}  Source: ${batchList(batchIds)} (files below)`);
  return { lines, batchIds };
}

/** The current report's explanations. */
export function currentSet(data: PackData): ExplanationSet {
  return {
    explanations: data.report.explanations,
    batches: data.report.batches,
    currency: data.report.currency,
  };
}

/**
 * Speaker notes for a slide: for each figure, the formula in words, its inputs with their sums, line counts
 * and batches, then the source files of those batches (name, kind, rows, time, SHA-256) — what the presenter
 * needs to answer "where does this come from?". Figures come from the report model's explanations.
 */
export function explainNotes(data: PackData, items: NoteItem[], intro?: string): string {
  const { blocks, batchIds } = figureBlocks(data, items);
  const out: string[] = [];
  if (intro) out.push(intro);
  out.push(...blocks);
  if (batchIds.length) out.push(sourcesText(data, batchIds));
  return out.join('\n\n');
}

/** The explanation blocks of figures (each once: `seen` carries the keys already explained) and their batches. */
export function figureBlocks(
  data: PackData,
  items: NoteItem[],
  seen = new Set<ExplainKey>(),
): { blocks: string[]; batchIds: number[] } {
  const set = currentSet(data);
  const blocks: string[] = [];
  const batchIds = new Set<number>();
  for (const item of items) {
    const f: NoteFigure = typeof item === 'object' && item !== null ? item : { key: item };
    if (!f.key || seen.has(f.key)) continue;
    seen.add(f.key);
    const block = explanationBlock(set, f.key, {
      ...(f.shown !== undefined ? { shown: f.shown } : {}),
      ...(f.lines ? { lines: f.lines } : {}),
    });
    if (!block) continue;
    blocks.push(block.lines.join('\n'));
    for (const b of block.batchIds) batchIds.add(b);
  }
  return { blocks, batchIds: [...batchIds] };
}

/**
 * "Source files:" with each batch's file, kind, rows, import time and SHA-256 — from the current report, or
 * from `earlier` (an earlier pack's record) for a batch undone since.
 */
export function sourcesText(data: PackData, ids: number[], earlier?: Record<number, BatchRef>): string {
  const rows = [...new Set(ids)]
    .sort((a, b) => a - b)
    .map((id) => {
      const stored = data.batches.find((x) => x.id === id);
      const b: BatchRef | undefined = data.report.batches[id] ?? earlier?.[id] ?? stored;
      if (!b) return `  #${id}: (batch no longer present)`;
      const gone = !stored ? ' (undone since; as the earlier pack recorded it)' : '';
      const count = stored ? `, ${num(stored.rows)} rows` : '';
      return `  #${b.id} ${b.fileName} — ${KIND_LABEL[b.kind] ?? b.kind}, ${b.format}${b.sheet ? `, sheet ${b.sheet}` : ''}${count}, imported ${utcTime(b.importedAt)}, SHA-256 ${b.fileSha256}${gone}`;
    });
  return ['Source files:', ...rows].join('\n');
}
