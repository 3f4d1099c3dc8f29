import type { ReportModel } from '../../../shared/report';
import { BudgetStatusBadge } from '../kit/BudgetStatusBadge';
import { Figure } from '../explain/Figure';
import { formatMoney, formatSignedMoney, formatSignedPct } from '../format';
import { exhaustionShort } from '../report/exhaustion';

/** Budget vs actual by category with variance, status, and each category's run rate. */
export function CategoryTable({ report }: { report: ReportModel }) {
  const c = report.currency;
  const b = report.budget;
  const runRate = new Map(report.runRate.byCategory.map((r) => [r.category, r]));
  return (
    <table
      className="table table-compact"
      aria-label="Budget vs actual by category"
      data-testid="budget-categories"
    >
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col" className="num">
            Budget
          </th>
          <th scope="col" className="num">
            Actual
          </th>
          <th scope="col" className="num">
            Variance
          </th>
          <th scope="col" className="num">
            %
          </th>
          <th scope="col">Status</th>
          <th scope="col">Runs out</th>
        </tr>
      </thead>
      <tbody>
        {b.byCategory.map((row) => {
          const rr = runRate.get(row.category);
          return (
            <tr key={row.category ?? 'none'}>
              <th scope="row">{row.label}</th>
              <td className="num">
                <Figure explain={row.budget.explain} label={`${row.label} budget`}>
                  {formatMoney(row.budget.micro, c)}
                </Figure>
              </td>
              <td className="num">
                <Figure explain={row.actual.explain} label={`${row.label} actual`}>
                  {formatMoney(row.actual.micro, c)}
                </Figure>
              </td>
              <td className="num">
                <Figure explain={row.variance.explain} label={`${row.label} variance`}>
                  {formatSignedMoney(row.variance.micro, c)}
                </Figure>
              </td>
              <td className="num">
                <Figure explain={row.variancePct.explain} label={`${row.label} variance %`}>
                  {formatSignedPct(row.variancePct.value)}
                </Figure>
              </td>
              <td>
                <BudgetStatusBadge status={row.status} variance={row.variance.micro} />
              </td>
              <td>
                {rr ? (
                  <Figure explain={rr.explain} label={`${row.label} budget exhaustion`}>
                    {exhaustionShort(rr)}
                  </Figure>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num">{formatMoney(b.budget.micro, c)}</td>
          <td className="num">{formatMoney(b.actual.micro, c)}</td>
          <td className="num">{formatSignedMoney(b.variance.micro, c)}</td>
          <td className="num">{formatSignedPct(b.variancePct.value)}</td>
          <td>
            <BudgetStatusBadge status={b.status} variance={b.variance.micro} />
          </td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
