import { boardMoney, shortMonth } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { TotalsNote } from '../components/TotalsNote';
import { PackTable } from '../components/PackTable';
import { EXHAUSTION_LABEL } from '../../../../shared/labels';

export function RunRateTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  const rows = [...r.runRate.byCategory, r.runRate.portfolio];
  return (
    <>
      <p className="note">
        Monthly burn = mean of {r.runRate.months.map(shortMonth).join(', ') || 'no complete months'}.
      </p>
      <PackTable
        rows={rows.length}
        title="Run-rate and budget exhaustion"
        columns={5}
        caption={<TotalsNote currency={c} />}
        colgroup={
          <colgroup>
            <col style={{ width: '15%' }} />
            <col style={{ width: '15%' }} />
            <col style={{ width: '16%' }} />
            <col style={{ width: '16%' }} />
            <col style={{ width: '38%' }} />
          </colgroup>
        }
        head={
          <tr>
            <th>Category</th>
            <th className="num">Monthly burn</th>
            <th className="num">Annual budget</th>
            <th className="num">Year to date</th>
            <th>Budget runs out</th>
          </tr>
        }
      >
        <tbody>
          {rows.map((l) => (
            <tr key={l.category ?? 'portfolio'} className={l.category === null ? 'total' : undefined}>
              <td>{l.label}</td>
              <td className="num">{boardMoney(l.monthlyBurn.micro, c)}</td>
              <td className="num">{boardMoney(l.annualBudget.micro, c)}</td>
              <td className="num">{boardMoney(l.ytdActual.micro, c)}</td>
              <td>
                {l.exhaustionMonth ? `${shortMonth(l.exhaustionMonth)} — ` : ''}
                {EXHAUSTION_LABEL[l.exhaustionStatus]}
              </td>
            </tr>
          ))}
        </tbody>
      </PackTable>
    </>
  );
}
