import {
  boardMoney as money,
  boardSignedMoney as signedMoney,
  pct,
  signedPct,
  wholeUnitsNote,
} from '../../../../shared/export/format';
import { draftSummary } from '../../../../shared/narrative/draftSummary';
import { BOARD_SUMMARY_FORMAT } from '../../../../shared/export/summaryFormat';
import { STATUS_GLYPH } from '../../../../shared/export/palette';
import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { explainNotes, kpiFigure, type NoteItem } from '../notes';
import { citedFigures } from './commentaryNotes';
import { addTiles, TILE_H, type Tile } from '../parts';
import { COLOURS } from '../theme';
import { commentaryFor } from './commentary';

/** The PDF's six headline tiles, then the written summary (or the draft the PDF prints when none was written). */
export function summarySlides(d: DeckContext): void {
  const r = d.data.report;
  const c = d.currency;
  const p = r.portfolio;
  const b = r.budget;
  const incidents = r.kpis.find((k) => k.id === 'incident_count');
  const counts = (s: string) => r.kpis.filter((k) => k.status === s).length;
  const tiles: Tile[] = [
    {
      label: 'Portfolio ROI (quarter)',
      value: pct(p.roi.value),
      detail: `Benefit ${money(p.benefit.micro, c)} on cost ${money(p.cost.micro, c)}`,
    },
    {
      label: 'Cumulative ROI',
      value: pct(p.cumulativeRoi.value),
      detail: `To ${r.period.end}: benefit ${money(p.cumulativeBenefit.micro, c)}, cost ${money(p.cumulativeCost.micro, c)}`,
    },
    {
      label: 'Spend vs budget (quarter)',
      value: money(b.actual.micro, c),
      detail:
        b.variancePct.value === null
          ? 'No budget recorded for the quarter'
          : `Budget ${money(b.budget.micro, c)}; variance ${signedPct(b.variancePct.value)}`,
      status: b.status,
      budgetVariance: b.variance.micro,
    },
    {
      label: `Year-end forecast (FY${r.period.fiscalYear})`,
      value: money(b.forecastYearEnd.micro, c),
      detail:
        b.forecastVariancePct.value === null
          ? 'No annual budget recorded'
          : `Annual budget ${money(b.annualBudget.micro, c)}; ${signedPct(b.forecastVariancePct.value)}`,
      status: b.forecastStatus,
      budgetVariance: b.forecastVariance.micro,
    },
    {
      label: 'KPIs on / off track',
      value: `${STATUS_GLYPH.green} ${counts('green')} on · ${STATUS_GLYPH.red} ${counts('red')} off`,
      detail: `${STATUS_GLYPH.amber} ${counts('amber')} at risk · ${STATUS_GLYPH.no_data} ${counts('no_data')} no data`,
    },
    incidents
      ? {
          label: 'AI incidents (quarter)',
          value: incidents.value === null ? '—' : String(incidents.value),
          detail: `Target max ${incidents.target}`,
          status: incidents.status,
        }
      : { label: 'AI incidents (quarter)', value: '—', detail: 'Not tracked' },
  ];
  const written = commentaryFor(d.data, 'summary');
  const text = written ?? draftSummary(r, BOARD_SUMMARY_FORMAT);
  // The figures the summary's text cites: the KPIs it names, the amounts that are report figures.
  const inText: NoteItem[] = citedFigures(d.data, text).cited.map((f) => {
    const k = r.kpis.find((x) => x.explain === f.key);
    return k ? kpiFigure(k, c) : f;
  });
  const notes = explainNotes(
    d.data,
    [
      p.roi.explain,
      p.benefit.explain,
      p.cost.explain,
      p.cumulativeRoi.explain,
      p.cumulativeBenefit.explain,
      p.cumulativeCost.explain,
      b.actual.explain,
      b.budget.explain,
      b.variancePct.explain,
      b.forecastYearEnd.explain,
      b.annualBudget.explain,
      b.forecastVariancePct.explain,
      incidents ? kpiFigure(incidents, c) : null,
      ...inText,
      // The draft names the largest anomaly by its deviation from the usual level.
      ...r.anomalies.map((a) => ({
        key: a.explain,
        lines: [`Deviation from the usual level: ${signedMoney(a.deviation, c)}`],
      })),
    ],
    [
      written
        ? 'The summary is the one written on the Narrative screen for the quarter.'
        : 'No summary was written: the text is the draft made from the figures (the Narrative screen\'s "Draft from the figures"), as the PDF prints it.',
      // The on / off track tile is a count of the scorecard's statuses, each explained on the scorecard slide.
      [
        `KPIs on / off track: ${counts('green')} on track, ${counts('red')} off track, ${counts('amber')} at risk, ${counts('no_data')} no data, of ${r.kpis.length} KPIs`,
        "  Formula: count of the quarter's KPIs by status (value against target and amber threshold); each KPI's value, target and sources are in the KPI scorecard slide's notes.",
      ].join('\n'),
    ].join('\n\n'),
  );
  const flow = new Flow(
    d,
    'Executive summary',
    notes,
    `${r.period.label} · ${r.period.start} to ${r.period.end}`,
  );
  flow.block(TILE_H * 2 + 0.2, (slide, y) => addTiles(slide, tiles, y, 3), 0.25);
  flow.heading('Summary');
  if (!written)
    flow.paragraph(
      `No summary was written for ${r.period.label}: this is the draft the Narrative screen proposes, written from the figures alone.`,
      { fontPt: 10, italic: true, colour: COLOURS.muted },
    );
  for (const para of text.split(/\n{2,}/)) if (para.trim()) flow.paragraph(para.trim(), { fontPt: 12 });
  flow.paragraph(wholeUnitsNote(c), { fontPt: 9, italic: true, colour: COLOURS.muted });
}
