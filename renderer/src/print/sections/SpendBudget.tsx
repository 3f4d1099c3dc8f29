import { useMemo } from 'react';
import { boardMoney, boardSignedMoney, shortMonth, signedPct } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { EXHAUSTION_TILE_LABEL } from '../../../../shared/labels';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../../kit/ChartCanvas';
import { budgetVsActualChart, PRINT_LOOK, varianceByCategoryChart } from '../../kit/charts';
import { Section } from '../components/Section';
import { BudgetStatusBadge } from '../../kit/BudgetStatusBadge';
import { Tile } from '../../kit/Tile';
import { ForecastRangeBar } from '../../kit/ForecastRangeBar';
import { AnomalyTable } from './AnomalyTable';
import { ForecastTrackTable } from './ForecastTrackTable';
import { CategoryBudgetTable } from './CategoryBudgetTable';
import { CommitmentsTable } from './CommitmentsTable';
import { RunRateTable } from './RunRateTable';
import { UnitCostTable } from './UnitCostTable';
import { VendorTable } from './VendorTable';

export function SpendBudget({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  const b = r.budget;
  const rr = r.runRate.portfolio;
  const monthly = useMemo(() => budgetVsActualChart(r, PRINT_LOOK) as ChartConfiguration, [r]);
  const variance = useMemo(() => varianceByCategoryChart(r, PRINT_LOOK) as ChartConfiguration, [r]);
  return (
    <Section id="spend-budget" title="Spend and budget">
      <div className="tiles tiles-4">
        <Tile
          label={`Actual vs budget, ${r.period.label}`}
          value={boardMoney(b.actual.micro, c)}
          detail={
            <>
              Budget {boardMoney(b.budget.micro, c)}{' '}
              <BudgetStatusBadge status={b.status} variance={b.variance.micro} />
            </>
          }
        />
        <Tile
          label="Variance (quarter)"
          value={boardSignedMoney(b.variance.micro, c)}
          detail={
            b.variancePct.value === null
              ? 'No budget recorded for the quarter'
              : `${signedPct(b.variancePct.value)} of budget; + is over-spend`
          }
        />
        <Tile
          label={`Year-end forecast FY${r.period.fiscalYear}`}
          value={boardMoney(b.forecastYearEnd.micro, c)}
          detail={
            <>
              vs {boardMoney(b.annualBudget.micro, c)} ({signedPct(b.forecastVariancePct.value)}){' '}
              <BudgetStatusBadge status={b.forecastStatus} variance={b.forecastVariance.micro} />
              <br />
              {b.forecastRange ? (
                <>
                  <span data-forecast-range>
                    80% range {boardMoney(b.forecastRange.low.micro, c)} –{' '}
                    {boardMoney(b.forecastRange.high.micro, c)}
                  </span>
                  <ForecastRangeBar
                    low={b.forecastRange.low.micro}
                    high={b.forecastRange.high.micro}
                    forecast={b.forecastYearEnd.micro}
                    ytd={b.ytdActual.micro}
                    budget={b.annualBudget.micro === 0 ? null : b.annualBudget.micro}
                    format={(micro) => boardMoney(micro, c)}
                    width={150}
                    height={20}
                  />
                </>
              ) : (
                'No range: fewer than 3 complete months of spend'
              )}
            </>
          }
        />
        <Tile
          label="Budget exhaustion at current burn"
          value={rr.exhaustionMonth ? shortMonth(rr.exhaustionMonth) : '—'}
          detail={`${EXHAUSTION_TILE_LABEL[rr.exhaustionStatus]}; burn ${boardMoney(rr.monthlyBurn.micro, c)}/month`}
        />
      </div>
      <div className="figure-row keep">
        <figure className="figure">
          <figcaption>Budget vs actual by month, FY{r.period.fiscalYear}</figcaption>
          <ChartCanvas
            config={monthly}
            width={380}
            height={190}
            chartId="budgetMonthly"
            label="Budget against actual spend by month"
          />
        </figure>
        <figure className="figure">
          <figcaption>Variance by category, {r.period.label}</figcaption>
          <ChartCanvas
            config={variance}
            width={280}
            height={190}
            chartId="varianceByCategory"
            label="Budget variance by spend category"
          />
        </figure>
      </div>
      <h2>Variance by category</h2>
      <CategoryBudgetTable data={data} />
      <h2>Forecast track record</h2>
      <ForecastTrackTable data={data} />
      <h2>Run-rate and budget exhaustion</h2>
      <RunRateTable data={data} />
      {r.commitments.length > 0 ? (
        <>
          <h2>Commitments and prepaid credits</h2>
          <CommitmentsTable data={data} />
        </>
      ) : null}
      <h2>Inference cost per key action</h2>
      <UnitCostTable data={data} />
      <h2>Spend by vendor</h2>
      <VendorTable data={data} />
      <h2>Spend anomalies</h2>
      <AnomalyTable data={data} />
    </Section>
  );
}
