import { KPI_CATEGORIES } from '../../../../shared/domain';
import type { PackData } from '../../../../shared/export/packTypes';
import { Section } from '../components/Section';
import { StatusLegend } from '../components/StatusLegend';
import { ScorecardTable } from './ScorecardTable';

export function Scorecard({ data }: { data: PackData }) {
  const { report } = data;
  return (
    <Section id="kpi-scorecard" title="KPI scorecard">
      <StatusLegend />
      {KPI_CATEGORIES.map((cat) => {
        const kpis = report.kpis.filter((k) => k.category === cat);
        if (kpis.length === 0) return null;
        return (
          <div key={cat} className="block">
            <h2>{cat}</h2>
            <ScorecardTable title={cat} kpis={kpis} data={data} />
          </div>
        );
      })}
    </Section>
  );
}
