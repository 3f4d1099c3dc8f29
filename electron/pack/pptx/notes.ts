import {
  KIND_LABEL,
  STATUS_LABEL,
  money,
  num,
  pct,
  shortMonth,
  utcTime,
} from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import type { Explanation, ExplanationInput } from '../../../shared/report';
import type { RagStatus } from '../../../shared/domain';

/** A figure's value as the explanation states it, in the pack's formats. */
function result(e: Explanation, currency: string): string {
  const r = e.result;
  if (r === null) return '—';
  if (typeof r === 'string')
    return e.unit === 'month' ? shortMonth(r) : e.unit === 'status' ? (STATUS_LABEL[r as RagStatus] ?? r) : r;
  switch (e.unit) {
    case 'money':
      return money(r, currency);
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

function inputLine(i: ExplanationInput, currency: string): string {
  const parts: string[] = [];
  if (i.lineCount > 0) parts.push(`${num(i.lineCount)} line${i.lineCount === 1 ? '' : 's'}`);
  if (i.batchIds.length > 0)
    parts.push(`batch${i.batchIds.length === 1 ? '' : 'es'} ${i.batchIds.map((b) => `#${b}`).join(', ')}`);
  if (i.unbatchedLineCount) parts.push(`${num(i.unbatchedLineCount)} entered without an import`);
  return `  - ${i.label}: ${inputValue(i, currency)}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/**
 * Speaker notes for a slide: for each figure, the formula in words, its inputs with their sums, line counts
 * and batches, then the source files of those batches (name, kind, time, SHA-256) — what the presenter
 * needs to answer "where does this come from?". Figures come from the report model's explanations.
 */
export function explainNotes(data: PackData, keys: (string | null | undefined)[], intro?: string): string {
  const r = data.report;
  const c = r.currency;
  const seen = new Set<string>();
  const blocks: string[] = [];
  const batchIds = new Set<number>();
  for (const key of keys) {
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const e = r.explanations[key];
    if (!e) continue;
    const lines = [`${e.label}: ${result(e, c)}`, `  Formula: ${e.formula}`];
    if (e.inputs.length) lines.push('  Inputs:', ...e.inputs.map((i) => inputLine(i, c)));
    for (const n of e.notes) lines.push(`  Note: ${n}`);
    for (const i of e.inputs) for (const b of i.batchIds) batchIds.add(b);
    blocks.push(lines.join('\n'));
  }
  const out: string[] = [];
  if (intro) out.push(intro);
  out.push(...blocks);
  if (batchIds.size) out.push(sourcesText(data, [...batchIds]));
  return out.join('\n\n');
}

/** "Source files:" with each batch's file, kind, rows, import time and SHA-256. */
export function sourcesText(data: PackData, ids: number[]): string {
  const rows = [...new Set(ids)]
    .sort((a, b) => a - b)
    .map((id) => {
      const b = data.report.batches[id];
      if (!b) return `  #${id}: (batch no longer present)`;
      return `  #${b.id} ${b.fileName} — ${KIND_LABEL[b.kind] ?? b.kind}, ${b.format}${b.sheet ? `, sheet ${b.sheet}` : ''}, imported ${utcTime(b.importedAt)}, SHA-256 ${b.fileSha256}`;
    });
  return ['Source files:', ...rows].join('\n');
}
