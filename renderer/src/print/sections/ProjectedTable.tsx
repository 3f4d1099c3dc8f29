import { boardMoney } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { TotalsNote } from '../components/TotalsNote';
import { PackTable } from '../components/PackTable';

export function ProjectedTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  const rows = r.initiatives.filter(
    (i) => i.projectedBenefit.micro !== 0 || i.cumulativeProjectedBenefit.micro !== 0,
  );
  if (rows.length === 0) return <p className="muted">No projected benefits are recorded.</p>;
  return (
    <PackTable
      rows={rows.length + 1}
      title="Projected benefits"
      columns={3}
      className="narrow"
      caption={<TotalsNote currency={c} />}
      head={
        <tr>
          <th>Initiative</th>
          <th className="num">Projected, {r.period.label}</th>
          <th className="num">Projected, cumulative</th>
        </tr>
      }
    >
      <tbody>
        {rows.map((i) => (
          <tr key={i.id}>
            <td>{i.name}</td>
            <td className="num">{boardMoney(i.projectedBenefit.micro, c)}</td>
            <td className="num">{boardMoney(i.cumulativeProjectedBenefit.micro, c)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="total">
          <td>Portfolio</td>
          <td className="num">{boardMoney(r.portfolio.projectedBenefit.micro, c)}</td>
          <td className="num">{boardMoney(r.portfolio.cumulativeProjectedBenefit.micro, c)}</td>
        </tr>
      </tfoot>
    </PackTable>
  );
}
