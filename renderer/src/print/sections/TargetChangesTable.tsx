import { STATUS_LABEL } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { targetChangeText, targetStatusEffect } from '../../../../shared/export/targetChangeText';
import { PackTable } from '../components/PackTable';

/** KPIs whose target changed since the last pack, apart from performance: what changed, from when, and its effect. */
export function TargetChangesTable({ data }: { data: PackData }) {
  const changes = data.changes.targetChanges ?? [];
  const c = data.report.currency;
  if (changes.length === 0) return <p className="muted">No KPI target changed.</p>;
  return (
    <PackTable
      rows={changes.length}
      title="Target changes"
      columns={4}
      head={
        <tr>
          <th>KPI</th>
          <th>Target</th>
          <th>In force from</th>
          <th>Effect on status</th>
        </tr>
      }
    >
      <tbody>
        {changes.map((t) => (
          <tr key={t.id} data-target-change={t.id}>
            <td>{t.name}</td>
            <td>
              {targetChangeText(t, c)}
              {t.note ? <div className="muted">{t.note}</div> : null}
            </td>
            <td>{t.effectiveFrom ?? '—'}</td>
            <td>{targetStatusEffect(t, (s) => STATUS_LABEL[s])}</td>
          </tr>
        ))}
      </tbody>
    </PackTable>
  );
}
