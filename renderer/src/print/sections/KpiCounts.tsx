import type { RagStatus } from '../../../../shared/domain';
import type { KpiReport } from '../../../../shared/report';
import { STATUS_LABEL } from '../../../../shared/labels';
import { StatusShape } from '../../kit/StatusShape';

const ORDER: RagStatus[] = ['green', 'amber', 'red', 'no_data'];

/** Counts of KPIs by status, each with its shape. */
export function KpiCounts({ kpis }: { kpis: KpiReport[] }) {
  return (
    <span className="kpi-counts">
      {ORDER.map((s) => (
        <span key={s} className="kpi-count">
          <StatusShape status={s} size={9} /> {kpis.filter((k) => k.status === s).length}{' '}
          {STATUS_LABEL[s].toLowerCase()}
        </span>
      ))}
    </span>
  );
}
