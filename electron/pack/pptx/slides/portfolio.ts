import { boardMoney as money, irrPct, payback, pct, wholeUnitsNote } from '../../../../shared/export/format';
import { IRR_NOT_MEANINGFUL_NOTE, irrNotMeaningful } from '../../../../shared/export/irrShown';
import { ROI_CHART_MAX, roiChartInitiatives } from '../../../../shared/export/roiChartSelection';
import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { explainNotes } from '../notes';
import { addBarChart, addChartPlaceholder, addTiles, TILE_H, type Tile } from '../parts';
import { COLOURS, CONTENT_W, MARGIN } from '../theme';
import { cleanLine } from '../text';

/** Portfolio value: the PDF's four tiles, ROI and payback by initiative as native bar charts, the return table. */
export function portfolioSlides(d: DeckContext): void {
  const r = d.data.report;
  const c = d.currency;
  const p = r.portfolio;
  const tiles: Tile[] = [
    {
      label: 'Cost (quarter)',
      value: money(p.cost.micro, c),
      detail: `Shared platform ${money(p.sharedPlatformCost.micro, c)}`,
    },
    {
      label: 'Realized benefit (quarter)',
      value: money(p.benefit.micro, c),
      detail: `ROI ${pct(p.roi.value)}`,
    },
    {
      label: 'NPV to date',
      value: money(p.npv.micro, c),
      detail: `Discount rate ${pct(r.assumptions.discountRateAnnual)} a year`,
    },
    {
      label: 'IRR (annual)',
      value: irrPct(p.irr.value),
      detail: `Cumulative ROI ${pct(p.cumulativeRoi.value)}`,
    },
  ];
  const charted = roiChartInitiatives(r);
  const withPayback = charted.filter((i) => i.paybackMonths.value !== null);
  const notes = explainNotes(
    d.data,
    [
      p.cost.explain,
      p.sharedPlatformCost.explain,
      p.benefit.explain,
      p.roi.explain,
      p.npv.explain,
      p.irr.explain,
      p.cumulativeRoi.explain,
      ...charted.flatMap((i) => [i.roi.explain, i.paybackMonths.explain]),
    ],
    `The charts show ${charted.length > ROI_CHART_MAX - 1 ? `the ${ROI_CHART_MAX} initiatives with the largest cost` : 'every initiative with cost in the quarter'}, largest cost first; their data is embedded (right-click › Edit data). Payback: months from the first month with spend to the month cumulative benefit reaches cumulative cost; initiatives that have not paid back are left out of the payback chart${
      charted.length > withPayback.length
        ? ` (${charted
            .filter((i) => i.paybackMonths.value === null)
            .map((i) => cleanLine(i.name))
            .join(', ')})`
        : ''
    }.${irrNotMeaningful(p.irr.value) ? ` ${IRR_NOT_MEANINGFUL_NOTE}` : ''}`,
  );
  const flow = new Flow(d, 'Portfolio value', notes, `${r.period.label} · return on the AI portfolio`);
  flow.block(TILE_H, (slide, y) => addTiles(slide, tiles, y), 0.2);
  const chartH = Math.min(flow.room(), 4.2);
  flow.block(chartH, (slide, y) => {
    const w = (CONTENT_W - 0.3) / 2;
    if (charted.length === 0) {
      addChartPlaceholder(slide, 'No initiative has cost in the quarter, so there is no ROI to chart.', {
        x: MARGIN,
        y,
        w,
      });
      return;
    }
    addBarChart(
      d,
      slide,
      { x: MARGIN, y, w, h: chartH },
      {
        title:
          charted.length >= ROI_CHART_MAX
            ? `ROI of the ${ROI_CHART_MAX} largest initiatives, ${r.period.label}`
            : `ROI by initiative, ${r.period.label}`,
        labels: charted.map((i) => i.name),
        series: [{ name: 'ROI (quarter)', values: charted.map((i) => i.roi.value), colour: COLOURS.benefit }],
        negativeColour: COLOURS.over,
        horizontal: true,
        valueFormat: '0.0%',
        axisFormat: '0%',
        dataLabels: true,
      },
    );
    if (withPayback.length === 0) {
      addChartPlaceholder(slide, 'No initiative has paid back yet.', { x: MARGIN + w + 0.3, y, w });
      return;
    }
    addBarChart(
      d,
      slide,
      { x: MARGIN + w + 0.3, y, w, h: chartH },
      {
        title: 'Payback by initiative (months)',
        labels: withPayback.map((i) => i.name),
        series: [
          {
            name: 'Payback (months)',
            values: withPayback.map((i) => i.paybackMonths.value),
            colour: COLOURS.cost,
          },
        ],
        horizontal: true,
        valueFormat: '0" mo"',
        dataLabels: true,
        fromZero: true,
      },
    );
  });

  const tableNotes = explainNotes(
    d.data,
    [
      ...r.initiatives.flatMap((i) => [
        i.cost.explain,
        i.benefit.explain,
        i.roi.explain,
        i.cumulativeRoi.explain,
        i.paybackMonths.explain,
        i.npv.explain,
      ]),
      p.sharedPlatformCost.explain,
      p.sharedPlatformNpv.explain,
      p.cost.explain,
      p.benefit.explain,
      p.roi.explain,
      p.cumulativeRoi.explain,
      p.npv.explain,
    ],
    wholeUnitsNote(c),
  );
  const table = new Flow(
    d,
    'Return by initiative',
    tableNotes,
    `${r.period.label} · cost, realized benefit, ROI, payback and NPV`,
  );
  table.table(
    [
      { header: 'Initiative', w: 3.2 },
      { header: 'Stage', w: 1.2 },
      { header: 'Cost', w: 1.55, align: 'right' },
      { header: 'Benefit', w: 1.55, align: 'right' },
      { header: 'ROI', w: 0.95, align: 'right' },
      { header: 'Cum. ROI', w: 1.05, align: 'right' },
      { header: 'Payback', w: 1.0, align: 'right' },
      { header: 'NPV', w: 1.833, align: 'right' },
    ],
    r.initiatives.map((i) => [
      cleanLine(i.name),
      i.stage.charAt(0).toUpperCase() + i.stage.slice(1),
      money(i.cost.micro, c),
      money(i.benefit.micro, c),
      pct(i.roi.value),
      pct(i.cumulativeRoi.value),
      payback(i.paybackMonths.value, i.stage),
      money(i.npv.micro, c),
    ]),
    {
      fontPt: 10,
      footRows: [
        [
          'Shared platform (not allocated)',
          '',
          money(p.sharedPlatformCost.micro, c),
          '—',
          '',
          '',
          '',
          money(p.sharedPlatformNpv.micro, c),
        ],
        [
          'Portfolio',
          '',
          money(p.cost.micro, c),
          money(p.benefit.micro, c),
          pct(p.roi.value),
          pct(p.cumulativeRoi.value),
          '',
          money(p.npv.micro, c),
        ],
      ],
      caption: wholeUnitsNote(c),
    },
  );
}
