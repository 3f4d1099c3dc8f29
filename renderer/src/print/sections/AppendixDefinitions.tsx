import { kpiTarget, printable } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { Section } from '../components/Section';

export function AppendixDefinitions({ data }: { data: PackData }) {
  const r = data.report;
  const defs = new Map(data.kpiDefinitions.map((d) => [d.id, d]));
  return (
    <Section id="appendix-definitions" title="Appendix B — Metric definitions">
      <table className="table">
        <colgroup>
          <col style={{ width: '25%' }} />
          <col style={{ width: '75%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>Metric</th>
            <th>Definition</th>
          </tr>
        </thead>
        <tbody>
          {data.definitions.map((d) => (
            <tr key={d.name}>
              <td>{d.name}</td>
              <td>{printable(d.formula)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>KPI definitions</h2>
      <table className="table">
        <colgroup>
          <col style={{ width: '25%' }} />
          <col style={{ width: '55%' }} />
          <col style={{ width: '20%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>KPI</th>
            <th>Definition</th>
            <th>Target · quarter value</th>
          </tr>
        </thead>
        <tbody>
          {r.kpis.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{printable(defs.get(k.id)?.description ?? '')}</td>
              <td>
                {kpiTarget(k, r.currency)} ·{' '}
                {k.derived ? 'derived from data' : `${k.aggregation} of the quarter`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
