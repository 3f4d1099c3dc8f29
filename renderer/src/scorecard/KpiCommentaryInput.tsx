import { controlProps } from '../components/Field';

/**
 * The KPI's commentary for one quarter, in the scorecard's Edit dialog: the same text the Narrative screen
 * edits, the pack prints beside the KPI and its explanation shows.
 */
export function KpiCommentaryInput({
  period,
  value,
  flagged,
  onChange,
}: {
  period: string;
  value: string;
  flagged: boolean;
  onChange(v: string): void;
}) {
  const id = 'kpi-commentary';
  const hint = flagged
    ? 'Off track and no commentary: the board will ask why.'
    : 'Shown beside the KPI on the scorecard, in the pack and in its explanation; the Narrative screen edits the same text.';
  return (
    <div className={`field kpi-commentary-input${flagged ? ' flagged' : ''}`}>
      <label htmlFor={id}>Commentary for {period}</label>
      <textarea
        {...controlProps(id, undefined, hint)}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className={flagged ? 'flag' : 'field-hint'} id={`${id}-hint`}>
        {flagged && '■ '}
        {hint}
      </span>
    </div>
  );
}
