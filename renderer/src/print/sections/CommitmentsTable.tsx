import {
  COMMITMENT_TYPE_LABEL,
  commitmentOutlookText,
  commitmentStatus,
} from '../../../../shared/format/commitment';
import { boardMoney, shortMonth } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { StatusShape } from '../../kit/StatusShape';
import { PackTable } from '../components/PackTable';

/** Commitments and prepaid credits: drawdown, run rate and outlook, then each warning in full. */
export function CommitmentsTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  const rows = r.commitments;
  const warnings = rows.filter((x) => x.warning !== null);
  return (
    <div data-section="commitments">
      <p className="note">
        Used = spend with the vendor in the commitment's months, to {r.period.end}; run rate = mean monthly
        spend with the vendor over {r.runRate.months.map(shortMonth).join(', ')}; a negative remaining amount
        is an overrun. Amounts in {c}; a commitment stated in another currency is converted at its start
        month's rate.
      </p>
      <PackTable
        rows={rows.length}
        title="Commitments and prepaid credits"
        columns={6}
        colgroup={
          <colgroup>
            <col style={{ width: '22%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '12%' }} />
            <col style={{ width: '27%' }} />
          </colgroup>
        }
        head={
          <tr>
            <th>Commitment</th>
            <th className="num">Amount</th>
            <th className="num">Used</th>
            <th className="num">Remaining</th>
            <th className="num">Rate / month</th>
            <th>Outlook at the current rate</th>
          </tr>
        }
      >
        <tbody>
          {rows.map((x) => (
            <tr key={x.id}>
              <td>
                <strong>{x.vendor}</strong> · {COMMITMENT_TYPE_LABEL[x.type]}
                <br />
                <span className="muted">
                  {x.start} to {x.end}
                  {x.statedCurrency !== c ? ` · ${boardMoney(x.statedAmount, x.statedCurrency)} stated` : ''}
                  {x.initiative ? ` · ${x.initiative}` : ''}
                </span>
              </td>
              <td className="num">{boardMoney(x.amount.micro, c)}</td>
              <td className="num">{boardMoney(x.used.micro, c)}</td>
              <td className="num">{boardMoney(x.remaining.micro, c)}</td>
              <td className="num">{boardMoney(x.monthlyRate.micro, c)}</td>
              <td>
                <StatusShape status={commitmentStatus(x)} /> {commitmentOutlookText(x, c)}
              </td>
            </tr>
          ))}
        </tbody>
      </PackTable>
      {warnings.length > 0 ? (
        <ul className="commitment-warnings">
          {warnings.map((x) => (
            <li key={x.id}>{x.warning}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
