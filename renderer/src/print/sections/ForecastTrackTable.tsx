import { boardMoney, signedPct } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { PackTable } from '../components/PackTable';

/** The year-end forecast as each earlier quarter end computed it, against the year's actual once complete. */
export function ForecastTrackTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  const rows = r.budget.forecastTrackRecord;
  if (rows.length === 0)
    return <p className="muted">No earlier quarter end with spend in this or the previous fiscal year.</p>;
  return (
    <PackTable
      rows={rows.length}
      title="Forecast track record"
      columns={4}
      className="narrow"
      caption={
        <caption className="table-note">
          Each forecast recomputed as of its quarter end (data dated on or before it) from the data as now
          stored; error = (forecast − actual) ÷ actual, blank until the fiscal year is complete.
        </caption>
      }
      head={
        <tr>
          <th>Forecast as of</th>
          <th className="num">Year-end forecast</th>
          <th className="num">Actual year end</th>
          <th className="num">Error</th>
        </tr>
      }
    >
      <tbody>
        {rows.map((t) => (
          <tr key={t.period} data-track={t.period}>
            <td className="nowrap">
              {t.asOf} ({t.period})
            </td>
            <td className="num">{boardMoney(t.forecastYearEnd.micro, c)}</td>
            <td className="num">
              {t.actualYearEnd ? boardMoney(t.actualYearEnd.micro, c) : `FY${t.fiscalYear} not complete`}
            </td>
            <td className="num">{t.errorPct.value === null ? '—' : signedPct(t.errorPct.value)}</td>
          </tr>
        ))}
      </tbody>
    </PackTable>
  );
}
