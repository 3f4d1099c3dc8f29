import { KPI_CATEGORIES } from '../../../../shared/domain';
import { kpiTarget, kpiValue } from '../../../../shared/export/format';
import { STATUS_GLYPH } from '../../../../shared/export/palette';
import { STATUS_LABEL } from '../../../../shared/export/format';
import type { DeckContext } from '../deckContext';
import { Flow, type Cell } from '../flow';
import { kpiFigure } from '../notes';
import { commentaryNotes } from './commentaryNotes';
import { statusCell, trendText } from '../parts';
import { COLOURS, STATUS_HEX } from '../theme';
import { cleanLine } from '../text';
import { commentaryItems } from './commentary';

/** The KPI scorecard: every KPI by category, value, target, status (colour, shape and word), trend, commentary. */
export function scorecardSlides(d: DeckContext): void {
  const r = d.data.report;
  const c = d.currency;
  const notes = commentaryNotes(
    d.data,
    `Status: ${(['green', 'amber', 'red', 'no_data'] as const).map((s) => `${STATUS_GLYPH[s]} ${STATUS_LABEL[s]}`).join(', ')}. Trend compares with the previous quarter in the KPI's good direction. The commentary is the one written on the Narrative screen; under each, the report figures it cites.`,
    r.kpis
      .map((k) => ({
        title: `Commentary on ${cleanLine(k.name)}`,
        items: commentaryItems(d.data, 'kpi', k.id),
      }))
      .filter((g) => g.items.length > 0),
    r.kpis.map((k) => kpiFigure(k, c)),
  );
  const flow = new Flow(
    d,
    'KPI scorecard',
    notes,
    `${r.period.label} · targets, status and trend against last quarter`,
  );
  flow.block(0.25, (slide, y) =>
    slide.addText(
      (['green', 'amber', 'red', 'no_data'] as const).map((s) => ({
        text: `${STATUS_GLYPH[s]} ${STATUS_LABEL[s]}     `,
        options: { color: STATUS_HEX[s], bold: true },
      })),
      { x: 0.5, y, w: 8, h: 0.25, fontFace: 'Arial', fontSize: 10, margin: 0 },
    ),
  );
  const rows: Cell[][] = [];
  for (const cat of KPI_CATEGORIES) {
    const kpis = r.kpis.filter((k) => k.category === cat);
    if (kpis.length === 0) continue;
    rows.push([{ text: cat, bold: true, colour: COLOURS.cost, fill: 'E2E8F0', colspan: 6 }]);
    for (const k of kpis)
      rows.push([
        `${cleanLine(k.name)}${k.derived ? ' (derived)' : ''}`,
        kpiValue(k.value, k, c),
        kpiTarget(k, c),
        statusCell(k.status),
        trendText(k.trend),
        commentaryItems(d.data, 'kpi', k.id).join('\n') || (k.status === 'red' ? 'No commentary.' : ''),
      ]);
  }
  flow.table(
    [
      { header: 'KPI', w: 3.1 },
      { header: 'Value', w: 1.25, align: 'right' },
      { header: 'Target', w: 1.6, align: 'right' },
      { header: 'Status', w: 1.3 },
      { header: 'Trend', w: 1.3 },
      { header: 'Commentary', w: 3.783 },
    ],
    rows,
    { fontPt: 9 },
  );
}
