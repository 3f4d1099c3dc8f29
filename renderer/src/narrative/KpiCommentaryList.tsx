import type { KpiReport, ReportModel } from '../../../shared/report';
import { StatusBadge } from '../kit/StatusBadge';
import { formatKpiTarget, kpiFormatter } from '../kpiFormat';
import { CommentaryField } from './CommentaryField';

/** One commentary field per KPI, beside its status, value and target; red ones without text are flagged. */
export function KpiCommentaryList({
  kpis,
  report,
  byKey,
  onSaved,
}: {
  kpis: KpiReport[];
  report: ReportModel;
  byKey: Map<string, string>;
  onSaved(): void;
}) {
  return (
    <ul className="kpi-commentary-list">
      {kpis.map((k) => (
        <li key={k.id} data-kpi={k.id}>
          <div className="kpi-commentary-head">
            <StatusBadge status={k.status} />
            <strong>{k.name}</strong>
            <span className="muted small">
              {kpiFormatter(k, report.currency)(k.value)} · target {formatKpiTarget(k, report.currency)}
            </span>
          </div>
          <CommentaryField
            id={`kpi-${k.id}`}
            label={`Commentary on ${k.name}`}
            period={report.period.label}
            scope="kpi"
            refKey={k.id}
            initial={byKey.get(`kpi:${k.id}`) ?? ''}
            rows={2}
            flagged={
              k.status === 'red' && !byKey.get(`kpi:${k.id}`)?.trim()
                ? 'Off track and no commentary: the board will ask why'
                : undefined
            }
            onSaved={onSaved}
          />
        </li>
      ))}
    </ul>
  );
}
