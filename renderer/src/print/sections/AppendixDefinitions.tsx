import { kpiTarget } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { Section } from '../components/Section';
import { PackTable } from '../components/PackTable';

export function AppendixDefinitions({ data }: { data: PackData }) {
  const r = data.report;
  const defs = new Map(data.kpiDefinitions.map((d) => [d.id, d]));
  return (
    <Section id="appendix-definitions" title="Appendix B — Metric definitions">
      <PackTable
        rows={data.definitions.length}
        title="Metric definitions"
        columns={2}
        colgroup={
          <colgroup>
            <col style={{ width: '25%' }} />
            <col style={{ width: '75%' }} />
          </colgroup>
        }
        head={
          <tr>
            <th>Metric</th>
            <th>Definition</th>
          </tr>
        }
      >
        <tbody>
          {data.definitions.map((d) => (
            <tr key={d.name}>
              <td>{d.name}</td>
              <td>{d.formula}</td>
            </tr>
          ))}
        </tbody>
      </PackTable>
      <h2>KPI definitions</h2>
      <PackTable
        rows={r.kpis.length}
        title="KPI definitions"
        columns={3}
        colgroup={
          <colgroup>
            <col style={{ width: '25%' }} />
            <col style={{ width: '47%' }} />
            <col style={{ width: '28%' }} />
          </colgroup>
        }
        head={
          <tr>
            <th>KPI</th>
            <th>Definition</th>
            <th>Target · quarter value</th>
          </tr>
        }
      >
        <tbody>
          {r.kpis.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{defs.get(k.id)?.description ?? ''}</td>
              <td>
                {kpiTarget(k, r.currency)} ·{' '}
                {k.derived ? 'derived from data' : `${k.aggregation} of the quarter`}
              </td>
            </tr>
          ))}
        </tbody>
      </PackTable>
    </Section>
  );
}
