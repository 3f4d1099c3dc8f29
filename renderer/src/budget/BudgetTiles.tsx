import { exhaustionText } from '../../../shared/format/exhaustion';
import type { ReportModel } from '../../../shared/report';
import { BudgetStatusBadge } from '../kit/BudgetStatusBadge';
import { Tile } from '../kit/Tile';
import { Figure } from '../explain/Figure';
import { ForecastRangeLine } from './ForecastRangeLine';
import { formatMoney, formatSignedMoney, formatSignedPct } from '../format';
import { monthLabel } from '../kit/charts/axis';

/** Quarter, year-to-date, forecast and run-rate headline figures. */
export function BudgetTiles({ report }: { report: ReportModel }) {
  const b = report.budget;
  const c = report.currency;
  const rr = report.runRate.portfolio;
  return (
    <div className="tiles tiles-4">
      <Tile
        label={`Quarter: actual vs budget`}
        badge={<BudgetStatusBadge status={b.status} variance={b.variance.micro} />}
        value={
          <Figure explain={b.actual.explain} label="Quarter actual" testId="budget-actual">
            {formatMoney(b.actual.micro, c)}
          </Figure>
        }
        detail={
          <>
            Budget{' '}
            <Figure explain={b.budget.explain} label="Quarter budget">
              {formatMoney(b.budget.micro, c)}
            </Figure>
            <br />
            Variance{' '}
            <Figure explain={b.variance.explain} label="Quarter variance" testId="budget-variance">
              {formatSignedMoney(b.variance.micro, c)}
            </Figure>{' '}
            (
            <Figure explain={b.variancePct.explain} label="Quarter variance %">
              {formatSignedPct(b.variancePct.value)}
            </Figure>
            )
          </>
        }
      />
      <Tile
        label="Fiscal year to date"
        value={
          <Figure explain={b.ytdActual.explain} label="Year-to-date actual">
            {formatMoney(b.ytdActual.micro, c)}
          </Figure>
        }
        detail={
          <>
            YTD budget{' '}
            <Figure explain={b.ytdBudget.explain} label="Year-to-date budget">
              {formatMoney(b.ytdBudget.micro, c)}
            </Figure>
            <br />
            Annual budget{' '}
            <Figure explain={b.annualBudget.explain} label="Annual budget">
              {formatMoney(b.annualBudget.micro, c)}
            </Figure>
          </>
        }
      />
      <Tile
        label="Year-end forecast"
        badge={<BudgetStatusBadge status={b.forecastStatus} variance={b.forecastVariance.micro} />}
        value={
          <Figure explain={b.forecastYearEnd.explain} label="Year-end forecast" testId="budget-forecast">
            {formatMoney(b.forecastYearEnd.micro, c)}
          </Figure>
        }
        detail={
          <>
            vs annual budget{' '}
            <Figure explain={b.forecastVariance.explain} label="Forecast variance">
              {formatSignedMoney(b.forecastVariance.micro, c)}
            </Figure>{' '}
            (
            <Figure explain={b.forecastVariancePct.explain} label="Forecast variance %">
              {formatSignedPct(b.forecastVariancePct.value)}
            </Figure>
            ) · {b.monthsLeftInYear} months left
            <br />
            <ForecastRangeLine report={report} />
          </>
        }
      />
      <Tile
        label="Monthly burn (last 3 complete months)"
        value={
          <Figure explain={rr.monthlyBurn.explain} label="Monthly burn">
            {formatMoney(rr.monthlyBurn.micro, c)}
          </Figure>
        }
        detail={
          <>
            {report.runRate.months.length > 0 &&
              `${report.runRate.months.map((m) => monthLabel(m, true)).join(', ')} · `}
            <Figure explain={rr.explain} label="Budget exhaustion">
              {exhaustionText(rr, monthLabel)}
            </Figure>
          </>
        }
      />
    </div>
  );
}
