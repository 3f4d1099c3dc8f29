import type { KpiDefinition } from '../../../shared/domain';
import type { KpiReport } from '../../../shared/report';
import { KpiRow } from './KpiRow';
import { KpiScoreHeaders } from './KpiScoreHeaders';

/** The KPIs of one category. */
export function KpiGroupTable({
  category,
  kpis,
  defs,
  currency,
  commentary,
  onEdit,
}: {
  category: string;
  kpis: KpiReport[];
  defs: Map<string, KpiDefinition>;
  currency: string;
  commentary: Map<string, string>;
  onEdit(id: string): void;
}) {
  const id = `kpi-group-${category.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className="kpi-group" aria-labelledby={id}>
      <div className="table-wrap">
        <table className="table kpi-table">
          <caption className="sr-only">{category} KPIs</caption>
          {/* Widths in styles.css (.kpi-table col.*): below 1280px the trend folds under the sparkline. */}
          <colgroup>
            <col className="col-name" />
            <col className="col-value" />
            <col className="col-target" />
            <col className="col-status" />
            <col className="col-trend" />
            <col className="col-spark" />
            <col />
            <col className="col-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" id={id}>
                {category}
              </th>
              <KpiScoreHeaders />
              <th scope="col">Commentary</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {kpis.map((k) => (
              <KpiRow
                key={k.id}
                kpi={k}
                def={defs.get(k.id)}
                currency={currency}
                commentary={commentary.get(k.id)}
                onEdit={() => onEdit(k.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
