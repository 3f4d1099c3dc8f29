import type { RagStatus } from '../../../../shared/domain';
import type { KpiReport } from '../../../../shared/report';
import { StatusShape } from '../components/StatusShape';

const ORDER: RagStatus[] = ['green', 'amber', 'red', 'no_data'];
const WORD: Record<RagStatus, string> = {
  green: 'on track',
  amber: 'at risk',
  red: 'off track',
  no_data: 'no data',
};

/** Counts of KPIs by status, each with its shape. */
export function KpiCounts({ kpis }: { kpis: KpiReport[] }) {
  return (
    <span className="kpi-counts">
      {ORDER.map((s) => (
        <span key={s} className="kpi-count">
          <StatusShape status={s} size={9} /> {kpis.filter((k) => k.status === s).length} {WORD[s]}
        </span>
      ))}
    </span>
  );
}
