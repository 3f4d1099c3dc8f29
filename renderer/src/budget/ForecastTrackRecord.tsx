import type { ReportModel } from '../../../shared/report';
import { Figure } from '../explain/Figure';
import { formatMoney, formatSignedPct } from '../format';

/**
 * Was the forecast any good? The year-end forecast as each earlier quarter end computed it (recomputed by
 * the as-of rule), against the year's actual once that year is complete.
 */
export function ForecastTrackRecord({ report }: { report: ReportModel }) {
  const c = report.currency;
  const rows = report.budget.forecastTrackRecord;
  if (rows.length === 0)
    return <p className="muted">No earlier quarter end with spend in this or the previous fiscal year.</p>;
  return (
    <table
      className="table table-compact"
      aria-label="Forecast track record"
      data-testid="forecast-track-record"
    >
      <thead>
        <tr>
          <th scope="col">As of</th>
          <th scope="col" className="num">
            Forecast
          </th>
          <th scope="col" className="num">
            Actual
          </th>
          <th scope="col" className="num">
            Error
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.period}>
            <th scope="row">
              {t.asOf}
              <div className="muted">{t.period}</div>
            </th>
            <td className="num">
              <Figure explain={t.forecastYearEnd.explain} label={`Forecast as of ${t.asOf}`}>
                {formatMoney(t.forecastYearEnd.micro, c)}
              </Figure>
            </td>
            <td className="num">
              {t.actualYearEnd ? (
                <Figure explain={t.actualYearEnd.explain} label={`Actual FY${t.fiscalYear}`}>
                  {formatMoney(t.actualYearEnd.micro, c)}
                </Figure>
              ) : (
                <span className="muted" title={`FY${t.fiscalYear} is not over yet`}>
                  not over
                </span>
              )}
            </td>
            <td className="num">
              <Figure explain={t.errorPct.explain} label={`Forecast error as of ${t.asOf}`}>
                {t.errorPct.value === null ? '—' : formatSignedPct(t.errorPct.value)}
              </Figure>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
