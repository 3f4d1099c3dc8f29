import { useMemo } from 'react';
import { boardMoney, irrPct, pct } from '../../../../shared/export/format';
import { IRR_NOT_MEANINGFUL_NOTE, irrNotMeaningful } from '../../../../shared/export/irrShown';
import type { PackData } from '../../../../shared/export/packTypes';
import type { ChartConfiguration } from 'chart.js';
import { ROI_CHART_MAX, roiChartInitiatives } from '../../../../shared/export/roiChartSelection';
import { ChartCanvas } from '../../kit/ChartCanvas';
import { cumulativeChart, PRINT_LOOK, roiByInitiativeChart } from '../../kit/charts';
import { Section } from '../components/Section';
import { Tile } from '../../kit/Tile';
import { InitiativeTable } from './InitiativeTable';
import { ProjectedTable } from './ProjectedTable';

export function PortfolioValue({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  const p = r.portfolio;
  const cumulative = useMemo(() => cumulativeChart(r, PRINT_LOOK) as ChartConfiguration, [r]);
  const roi = useMemo(
    () => roiByInitiativeChart(roiChartInitiatives(r), ['quarter'], PRINT_LOOK) as ChartConfiguration,
    [r],
  );
  const withRoi = r.initiatives.filter((i) => i.roi.value !== null).length;
  return (
    <Section id="portfolio-value" title="Portfolio value">
      <div className="tiles tiles-4">
        <Tile
          label="Cost (quarter)"
          value={boardMoney(p.cost.micro, c)}
          detail={`Shared platform ${boardMoney(p.sharedPlatformCost.micro, c)}`}
        />
        <Tile
          label="Realized benefit (quarter)"
          value={boardMoney(p.benefit.micro, c)}
          detail={`ROI ${pct(p.roi.value)}`}
        />
        <Tile
          label="NPV to date"
          value={boardMoney(p.npv.micro, c)}
          detail={`Discount rate ${pct(r.assumptions.discountRateAnnual)} a year`}
        />
        <Tile
          label="IRR (annual)"
          value={irrPct(p.irr.value)}
          detail={`Cumulative ROI ${pct(p.cumulativeRoi.value)}`}
        />
      </div>
      {irrNotMeaningful(p.irr.value) ? <p className="footnote">{IRR_NOT_MEANINGFUL_NOTE}</p> : null}
      <h2>Return by initiative</h2>
      <InitiativeTable data={data} />
      <div className="figure-row keep">
        <figure className="figure">
          <figcaption>
            {withRoi > ROI_CHART_MAX
              ? `ROI of the ${ROI_CHART_MAX} initiatives with the largest cost, ${r.period.label}`
              : `ROI by initiative, ${r.period.label}`}
            <span className="figure-sub">Initiatives in order of cost, largest first</span>
          </figcaption>
          {withRoi > 0 ? (
            <ChartCanvas
              config={roi}
              width={320}
              height={200}
              chartId="roiByInitiative"
              label="ROI by initiative"
            />
          ) : (
            <p className="muted chart-empty">
              No initiative has cost in the quarter, so there is no ROI to chart.
            </p>
          )}
        </figure>
        <figure className="figure">
          <figcaption>
            Cumulative benefit vs cost
            <span className="figure-sub">By month, from the first month with data to {r.period.end}</span>
          </figcaption>
          <ChartCanvas
            config={cumulative}
            width={340}
            height={200}
            chartId="cumulative"
            label="Cumulative realized benefit against cumulative cost, by month"
          />
        </figure>
      </div>
      <h2>Projected benefits (shown apart, not in ROI)</h2>
      <ProjectedTable data={data} />
    </Section>
  );
}
