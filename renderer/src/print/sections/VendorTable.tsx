import { boardMoney, num } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { PackTable } from '../components/PackTable';
import { TotalsNote } from '../components/TotalsNote';

export function VendorTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  const vendors = r.budget.byVendor;
  if (vendors.length === 0) return <p className="muted">No spend in the quarter.</p>;
  return (
    <PackTable
      rows={vendors.length + 1}
      title="Spend by vendor"
      columns={3}
      className="narrow"
      caption={<TotalsNote currency={c} />}
      head={
        <tr>
          <th>Vendor</th>
          <th className="num">Actual, {r.period.label}</th>
          <th className="num">Lines</th>
        </tr>
      }
    >
      <tbody>
        {vendors.map((v) => (
          <tr key={v.vendor}>
            <td>{v.label}</td>
            <td className="num">{boardMoney(v.actual.micro, c)}</td>
            <td className="num">{num(v.lineCount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {/* Every spend line has a vendor row (lines without one as "(no vendor)"): the total is the quarter's spend. */}
        <tr className="total">
          <td>Total</td>
          <td className="num">{boardMoney(r.budget.actual.micro, c)}</td>
          <td className="num">{num(vendors.reduce((n, v) => n + v.lineCount, 0))}</td>
        </tr>
      </tfoot>
    </PackTable>
  );
}
