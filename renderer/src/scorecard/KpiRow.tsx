import type { KpiDefinition } from '../../../shared/domain';
import type { KpiReport } from '../../../shared/report';
import { SlashBreaks } from '../components/SlashBreaks';
import { KpiScoreCells } from './KpiScoreCells';

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
  const missingNote = kpi.status === 'red' && !commentary;
  return (
    <tr data-kpi={kpi.id} data-status={kpi.status}>
      <th scope="row">
        <div className="kpi-name">
          <SlashBreaks text={kpi.name} />
        </div>
        <div className="kpi-desc">
          <span className={`badge${kpi.derived ? ' badge-accent' : ''}`}>
            {kpi.derived ? 'Derived' : 'Imported'}
          </span>{' '}
          {def?.owner ? `Owner: ${def.owner}` : !def?.builtin && def ? 'Custom KPI' : ''}
        </div>
      </th>
      <KpiScoreCells kpi={kpi} currency={currency} />
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
