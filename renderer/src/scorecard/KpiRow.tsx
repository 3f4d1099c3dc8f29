import type { KpiDefinition } from '../../../shared/domain';
import type { KpiReport } from '../../../shared/report';
import { Sparkline } from '../charts/Sparkline';
import { StatusBadge } from '../components/StatusBadge';
import { TrendIndicator } from '../components/TrendIndicator';
import { Figure } from '../explain/Figure';
import { formatKpiTarget, formatKpiValue } from '../kpiFormat';

/** One KPI of the scorecard: value, target, status (colour + shape + words), trend, 6 quarters, source, commentary. */
export function KpiRow({
  kpi,
  def,
  currency,
  commentary,
  onEdit,
}: {
  kpi: KpiReport;
  def: KpiDefinition | undefined;
  currency: string;
  commentary: string | undefined;
  onEdit(): void;
}) {
  const fmt = (v: number) => formatKpiValue(kpi.unit, v, currency);
  const missingNote = kpi.status === 'red' && !commentary;
  return (
    <tr data-kpi={kpi.id} data-status={kpi.status}>
      <th scope="row">
        <div className="kpi-name">{kpi.name}</div>
        <div className="kpi-desc">
          <span className={`badge${kpi.derived ? ' badge-accent' : ''}`}>
            {kpi.derived ? 'Derived' : 'Imported'}
          </span>{' '}
          {def?.owner ? `Owner: ${def.owner}` : !def?.builtin && def ? 'Custom KPI' : ''}
        </div>
      </th>
      <td className="num kpi-value">
        <Figure explain={kpi.explain} label={kpi.name} testId={`kpi-value-${kpi.id}`}>
          {formatKpiValue(kpi.unit, kpi.value, currency)}
        </Figure>
      </td>
      <td className="num" data-testid={`kpi-target-${kpi.id}`}>
        {formatKpiTarget(kpi, currency)}
      </td>
      <td data-testid={`kpi-status-${kpi.id}`}>
        <StatusBadge status={kpi.status} />
      </td>
      <td>
        <TrendIndicator trend={kpi.trend} value={kpi.value} previous={kpi.previousValue} />
      </td>
      <td>
        <Sparkline
          values={kpi.history.map((h) => h.value)}
          labels={kpi.history.map((h) => h.period)}
          label={`${kpi.name}, last ${kpi.history.length} quarters`}
          format={fmt}
        />
      </td>
      <td className="commentary-snippet">
        {commentary ? (
          <span title={commentary}>
            {commentary.length > 110 ? `${commentary.slice(0, 107)}…` : commentary}
          </span>
        ) : missingNote ? (
          <a href="#/narrative" className="flag">
            ■ Needs commentary
          </a>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="num">
        <button type="button" className="edit-button" onClick={onEdit} aria-label={`Edit ${kpi.name}`}>
          Edit
        </button>
      </td>
    </tr>
  );
}
