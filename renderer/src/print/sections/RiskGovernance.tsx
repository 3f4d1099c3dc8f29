import { breakable, kpiTarget, kpiValue } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { commentaryFor } from '../commentary';
import { ApprovalMark } from '../components/ApprovalMark';
import { Section } from '../components/Section';
import { StatusBadge } from '../../kit/StatusBadge';
import { TextList } from '../components/TextList';
import { TrendMark } from '../../kit/TrendMark';
import { PackTable } from '../components/PackTable';

export function RiskGovernance({ data }: { data: PackData }) {
  const c = data.report.currency;
  const highRisk = data.initiatives.filter((i) => i.riskTier >= 3 && i.stage !== 'retired');
  const kpis = data.report.kpis.filter((k) => k.category === 'Governance & risk');
  return (
    <Section id="risk-governance" title="Risk and governance">
      <h2>High-risk use cases (tier 3–4)</h2>
      {highRisk.length === 0 ? (
        <p className="muted">No active initiative is rated tier 3 or 4.</p>
      ) : (
        <PackTable
          rows={highRisk.length}
          title="High-risk use cases"
          columns={5}
          colgroup={
            <colgroup>
              <col style={{ width: '28%' }} />
              <col style={{ width: '22%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '25%' }} />
            </colgroup>
          }
          head={
            <tr>
              <th>Initiative</th>
              <th>Owner</th>
              <th>Risk tier</th>
              <th>Stage</th>
              <th>Formal approval</th>
            </tr>
          }
        >
          <tbody>
            {highRisk.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.owner ?? '—'}</td>
                <td>Tier {i.riskTier}</td>
                <td className="cap">{i.stage}</td>
                <td>
                  <ApprovalMark date={i.approvalDate} />
                </td>
              </tr>
            ))}
          </tbody>
        </PackTable>
      )}
      <h2>Safety, compliance and incident KPIs</h2>
      <PackTable
        rows={kpis.length}
        title="Safety, compliance and incident KPIs"
        columns={5}
        head={
          <tr>
            <th>KPI</th>
            <th className="num">Value</th>
            <th className="num">Target</th>
            <th>Status</th>
            <th>Trend</th>
          </tr>
        }
      >
        <tbody>
          {kpis.map((k) => (
            <tr key={k.id}>
              <td>{breakable(k.name)}</td>
              <td className="num">{kpiValue(k.value, k, c)}</td>
              <td className="num">{kpiTarget(k, c)}</td>
              <td>
                <StatusBadge status={k.status} />
              </td>
              <td>
                <TrendMark trend={k.trend} value={k.value} previous={k.previousValue} />
              </td>
            </tr>
          ))}
        </tbody>
      </PackTable>
      <h2>Key risks</h2>
      <TextList
        text={commentaryFor(data.commentary, 'risks')}
        empty="No risks were recorded for this quarter."
      />
    </Section>
  );
}
