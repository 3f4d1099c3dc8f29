import { money, num } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';

export function VendorTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  if (r.budget.byVendor.length === 0) return <p className="muted">No spend in the quarter.</p>;
  return (
    <table className="table narrow">
      <thead>
        <tr>
          <th>Vendor</th>
          <th className="num">Actual, {r.period.label}</th>
          <th className="num">Lines</th>
        </tr>
      </thead>
      <tbody>
        {r.budget.byVendor.map((v) => (
          <tr key={v.vendor}>
            <td>{v.label}</td>
            <td className="num">{money(v.actual.micro, c)}</td>
            <td className="num">{num(v.lineCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
