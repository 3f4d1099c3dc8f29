import type { ReportModel } from '../../../shared/report';
import { ForecastRangeBar } from '../kit/ForecastRangeBar';
import { Figure } from '../explain/Figure';
import { formatMoney } from '../format';

/** The year-end forecast's 80% range in words (each end opening its explanation) and as a bar. */
export function ForecastRangeLine({ report, compact = false }: { report: ReportModel; compact?: boolean }) {
  const b = report.budget;
  const c = report.currency;
  const r = b.forecastRange;
  if (!r)
    return (
      <span className="muted" data-testid="forecast-range">
        No range yet: fewer than 3 complete months of spend
      </span>
    );
  return (
    <span data-testid="forecast-range">
      80% range{' '}
      <Figure explain={r.low.explain} label="Forecast range, low end" testId="forecast-range-low">
        {formatMoney(r.low.micro, c, { compact })}
      </Figure>
      {' – '}
      <Figure explain={r.high.explain} label="Forecast range, high end" testId="forecast-range-high">
        {formatMoney(r.high.micro, c, { compact })}
      </Figure>
      <ForecastRangeBar
        low={r.low.micro}
        high={r.high.micro}
        forecast={b.forecastYearEnd.micro}
        ytd={b.ytdActual.micro}
        budget={b.annualBudget.micro === 0 ? null : b.annualBudget.micro}
        format={(micro) => formatMoney(micro, c)}
        width={compact ? 180 : 220}
      />
    </span>
  );
}
