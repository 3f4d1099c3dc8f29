import { boardMoney, boardSignedMoney, signedPct } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { BudgetStatusBadge } from '../../kit/BudgetStatusBadge';
import { TotalsNote } from '../components/TotalsNote';
import { PackTable } from '../components/PackTable';

export function CategoryBudgetTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  const b = r.budget;
  return (
    <PackTable
      rows={b.byCategory.length + 1}
      title="Variance by category"
      columns={6}
      caption={<TotalsNote currency={c} />}
      head={
        <tr>
          <th>Category</th>
          <th className="num">Budget</th>
          <th className="num">Actual</th>
          <th className="num">Variance</th>
          <th className="num">Variance %</th>
          <th>Status</th>
        </tr>
      }
    >
      <tbody>
        {b.byCategory.map((row) => (
          <tr key={row.category ?? 'none'}>
            <td>{row.label}</td>
            <td className="num">{boardMoney(row.budget.micro, c)}</td>
            <td className="num">{boardMoney(row.actual.micro, c)}</td>
            <td className="num">{boardSignedMoney(row.variance.micro, c)}</td>
            <td className="num">{signedPct(row.variancePct.value)}</td>
            <td>
              <BudgetStatusBadge status={row.status} variance={row.variance.micro} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="total">
          <td>Total</td>
          <td className="num">{boardMoney(b.budget.micro, c)}</td>
          <td className="num">{boardMoney(b.actual.micro, c)}</td>
          <td className="num">{boardSignedMoney(b.variance.micro, c)}</td>
          <td className="num">{signedPct(b.variancePct.value)}</td>
          <td>
            <BudgetStatusBadge status={b.status} variance={b.variance.micro} />
          </td>
        </tr>
      </tfoot>
    </PackTable>
  );
}
