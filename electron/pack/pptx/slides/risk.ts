import { kpiTarget, kpiValue, longDate } from '../../../../shared/export/format';
import { STATUS_GLYPH } from '../../../../shared/export/palette';
import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { kpiFigure } from '../notes';
import { commentaryNotes } from './commentaryNotes';
import { statusCell, trendText } from '../parts';
import { COLOURS, STATUS_HEX } from '../theme';
import { cleanLine } from '../text';
import { commentaryItems } from './commentary';

/** Risks and governance: high-risk use cases and their approval, the governance KPIs, the key risks written. */
export function riskSlides(d: DeckContext): void {
  const r = d.data.report;
  const c = d.currency;
  const highRisk = d.data.initiatives.filter((i) => i.riskTier >= 3 && i.stage !== 'retired');
  const kpis = r.kpis.filter((k) => k.category === 'Governance & risk');
  const risks = commentaryItems(d.data, 'risks');
  const notes = commentaryNotes(
    d.data,
    'High-risk use cases are active initiatives rated risk tier 3 or 4; formal approval is the approval date recorded on the initiative. Key risks are the ones written on the Narrative screen for the quarter; under each, the report figures it cites.',
    [{ title: 'Risk', items: risks }],
    kpis.map((k) => kpiFigure(k, c)),
  );
  const flow = new Flow(d, 'Risks and governance', notes, `${r.period.label} · risk posture and compliance`);
  flow.heading('High-risk use cases (tier 3–4)');
  if (highRisk.length === 0)
    flow.paragraph('No active initiative is rated tier 3 or 4.', { italic: true, colour: COLOURS.muted });
  else
    flow.table(
      [
        { header: 'Initiative', w: 4.0 },
        { header: 'Owner', w: 2.8 },
        { header: 'Risk tier', w: 1.2 },
        { header: 'Stage', w: 1.5 },
        { header: 'Formal approval', w: 2.833 },
      ],
      highRisk.map((i) => [
        cleanLine(i.name),
        cleanLine(i.owner ?? '—'),
        `Tier ${i.riskTier}`,
        i.stage.charAt(0).toUpperCase() + i.stage.slice(1),
        i.approvalDate
          ? { text: `${STATUS_GLYPH.green} Approved ${longDate(i.approvalDate)}`, colour: STATUS_HEX.green }
          : { text: `${STATUS_GLYPH.red} Not approved`, colour: STATUS_HEX.red, bold: true },
      ]),
      // 9 pt as on the scorecard: both tables and the key risks fit one slide for a usual portfolio.
      { fontPt: 9 },
    );
  flow.heading('Safety, compliance and incident KPIs');
  flow.table(
    [
      { header: 'KPI', w: 4.6 },
      { header: 'Value', w: 1.8, align: 'right' },
      { header: 'Target', w: 2.0, align: 'right' },
      { header: 'Status', w: 1.8 },
      { header: 'Trend', w: 2.133 },
    ],
    kpis.map((k) => [
      cleanLine(k.name),
      kpiValue(k.value, k, c),
      kpiTarget(k, c),
      statusCell(k.status),
      trendText(k.trend),
    ]),
    { fontPt: 9 },
  );
  flow.heading('Key risks');
  flow.bullets(risks, 'No risks were recorded for this quarter.', 11);
}
