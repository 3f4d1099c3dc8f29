import { boardMoney, kpiValue, money, pct } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import type { ExplainKey } from '../../../../shared/report';
import { currentSet, explanationBlock, figureBlocks, sourcesText, type NoteItem } from '../notes';

interface Cited {
  key: ExplainKey;
  shown?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` names `name` as a whole phrase (case-insensitive; a plural's singular counts). */
function names(text: string, name: string): boolean {
  const n = name.trim().replace(/s$/i, '');
  return n.length > 2 && new RegExp(`(^|[^\\p{L}\\p{N}])${escape(n)}s?($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Amounts and percentages written in a line: "$1,200.00", "12%", "+5.4%". */
const FIGURE = /[+-]?(?:[$€£]\s?[\d,]+(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?%)/g;

/**
 * The report's figures a decision or priority cites: the initiatives, KPIs and spend categories it names
 * (their headline figures), and any amount or percentage in it that is one of the report's figures as the
 * pack shows them. Amounts that are not (a proposed increase) are listed as the text's own.
 */
export function citedFigures(data: PackData, line: string): { cited: Cited[]; own: string[] } {
  const r = data.report;
  const c = r.currency;
  const cited: Cited[] = [];
  for (const i of r.initiatives)
    if (names(line, i.name))
      cited.push(
        { key: i.cost.explain },
        { key: i.benefit.explain },
        { key: i.roi.explain },
        { key: i.paybackMonths.explain },
      );
  for (const k of r.kpis)
    if (names(line, k.name)) cited.push({ key: k.explain, shown: kpiValue(k.value, k, c) });
  // "Other" names no category in a sentence.
  for (const row of r.budget.byCategory)
    if (row.category !== 'other' && names(line, row.label))
      cited.push({ key: row.budget.explain }, { key: row.actual.explain }, { key: row.variance.explain });
  const own: string[] = [];
  for (const token of line.match(FIGURE) ?? []) {
    const t = token.replace(/^\+/, '').replace(/\s/g, '');
    const match = Object.values(r.explanations).find((e) => {
      if (typeof e.result !== 'number') return false;
      if (e.unit === 'money') return money(e.result, c) === t || boardMoney(e.result, c) === t;
      // The pack shows ratios to one decimal: "15%" written in a sentence is the writer's own figure.
      if (e.unit === 'ratio') return /\.\d%$/.test(t) && pct(e.result, 1) === t;
      return false;
    });
    if (match) cited.push({ key: match.key, shown: t });
    else own.push(token.trim());
  }
  return { cited, own };
}

/**
 * Notes for a slide of written commentary (decisions, priorities, risks): the slide's own figures first,
 * then each item as written with the report's figures it cites and their explanations (formula, sums,
 * batches), then the source files.
 */
export function commentaryNotes(
  data: PackData,
  intro: string,
  groups: { title: string; items: string[] }[],
  figures: NoteItem[] = [],
): string {
  const set = currentSet(data);
  const explained = new Set<ExplainKey>();
  const own = figureBlocks(data, figures, explained);
  const blocks = [intro, ...own.blocks];
  const ids: number[] = [...own.batchIds];
  for (const g of groups)
    g.items.forEach((item, n) => {
      const { cited, own } = citedFigures(data, item);
      const lines = [`${g.title}${g.items.length > 1 ? ` ${n + 1}` : ''}: ${item}`];
      if (cited.length === 0) lines.push('  Cites no figure of the report.');
      for (const t of own)
        lines.push(`  “${t}” is written in the text: a figure of its own, not one of the report’s.`);
      for (const f of cited) {
        const label = set.explanations[f.key]?.label;
        if (!label) continue;
        if (explained.has(f.key)) {
          lines.push(`  ${label}: explained above.`);
          continue;
        }
        explained.add(f.key);
        const b = explanationBlock(set, f.key, { indent: '  ', ...(f.shown ? { shown: f.shown } : {}) });
        if (!b) continue;
        lines.push(...b.lines);
        ids.push(...b.batchIds);
      }
      blocks.push(lines.join('\n'));
    });
  if (ids.length) blocks.push(sourcesText(data, ids));
  return blocks.join('\n\n');
}
