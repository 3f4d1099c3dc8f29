import { boardMoney, payback, pct } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { TotalsNote } from '../components/TotalsNote';
import { PackTable } from '../components/PackTable';

export function InitiativeTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  return (
    <PackTable
      rows={r.initiatives.length + 2}
      title="Return by initiative"
      columns={8}
      caption={<TotalsNote currency={c} />}
      colgroup={
        <colgroup>
          <col style={{ width: '22%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '14%' }} />
        </colgroup>
      }
      head={
        <tr>
          <th>Initiative</th>
          <th>Stage</th>
          <th className="num">Cost</th>
          <th className="num">Benefit</th>
          <th className="num">ROI</th>
          <th className="num">Cum. ROI</th>
          <th className="num">Payback</th>
          <th className="num">NPV</th>
        </tr>
      }
    >
      <tbody>
        {r.initiatives.map((i) => (
          <tr key={i.id}>
            <td>{i.name}</td>
            <td className="cap">{i.stage}</td>
            <td className="num">{boardMoney(i.cost.micro, c)}</td>
            <td className="num">{boardMoney(i.benefit.micro, c)}</td>
            <td className="num">{pct(i.roi.value)}</td>
            <td className="num">{pct(i.cumulativeRoi.value)}</td>
            <td className="num">{payback(i.paybackMonths.value, i.stage)}</td>
            <td className="num">{boardMoney(i.npv.micro, c)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>Shared platform (not allocated)</td>
          <td />
          <td className="num">{boardMoney(r.portfolio.sharedPlatformCost.micro, c)}</td>
          <td className="num">—</td>
          <td colSpan={3} />
          <td className="num">{boardMoney(r.portfolio.sharedPlatformNpv.micro, c)}</td>
        </tr>
        <tr className="total">
          <td>Portfolio</td>
          <td />
          <td className="num">{boardMoney(r.portfolio.cost.micro, c)}</td>
          <td className="num">{boardMoney(r.portfolio.benefit.micro, c)}</td>
          <td className="num">{pct(r.portfolio.roi.value)}</td>
          <td className="num">{pct(r.portfolio.cumulativeRoi.value)}</td>
          <td />
          <td className="num">{boardMoney(r.portfolio.npv.micro, c)}</td>
        </tr>
      </tfoot>
    </PackTable>
  );
}
