import { breakable, kpiTarget, kpiValue } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import type { KpiReport } from '../../../../shared/report';
import { commentaryFor } from '../commentary';
import { Commentary } from '../components/Commentary';
import { KpiSparkline } from '../../kit/KpiSparkline';
import { StatusBadge } from '../../kit/StatusBadge';
import { TrendMark } from '../../kit/TrendMark';
import { PackTable } from '../components/PackTable';

export function ScorecardTable({ title, kpis, data }: { title: string; kpis: KpiReport[]; data: PackData }) {
  const c = data.report.currency;
  const prevQuarter = data.report.period.previous;
  return (
    <PackTable
      rows={kpis.length}
      title={title}
      columns={7}
      className="scorecard"
      colgroup={
        <colgroup>
          <col style={{ width: '20%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '24%' }} />
        </colgroup>
      }
      head={
        <tr>
          <th>KPI</th>
          <th className="num">Value</th>
          <th className="num">Target</th>
          <th>Status</th>
          <th>Trend</th>
          <th>6 quarters</th>
          <th>Commentary</th>
        </tr>
      }
    >
      <tbody>
        {kpis.map((k) => (
          <tr key={k.id}>
            <td>
              {breakable(k.name)}
              {k.derived ? <span className="tag">derived</span> : null}
            </td>
            <td className="num">{kpiValue(k.value, k, c)}</td>
            <td className="num">
              {kpiTarget(k, c)}
              {k.targetChange ? (
                <div className="target-was" data-target-was={k.id}>
                  was {kpiValue(k.targetChange.from.target, k, c)} to {prevQuarter}
                </div>
              ) : null}
            </td>
            <td>
              <StatusBadge status={k.status} />
            </td>
            <td>
              <TrendMark trend={k.trend} value={k.value} previous={k.previousValue} />
            </td>
            <td>
              <KpiSparkline kpi={k} currency={c} />
            </td>
            <td className="commentary">
              <Commentary text={commentaryFor(data.commentary, 'kpi', k.id)} red={k.status === 'red'} />
            </td>
          </tr>
        ))}
      </tbody>
    </PackTable>
  );
}
