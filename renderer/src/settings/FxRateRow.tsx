import { useState } from 'react';
import type { FxRateInfo } from '../../../shared/api';
import { ConfirmAction } from '../components/ConfirmAction';
import { fxRateProblems, rateText } from './fxRateInput';

/**
 * One rate in force: its source (entered here, or the import batch it came with) and, for editing, the
 * rate in place. A rate entered here can be deleted; an imported one goes with its batch (an edit enters
 * a rate over it).
 */
export function FxRateRow({
  rate,
  reporting,
  busy,
  editing,
  confirming,
  onEdit,
  onSave,
  onCancel,
  onAskDelete,
  onDelete,
}: {
  rate: FxRateInfo;
  reporting: string;
  busy: boolean;
  editing: boolean;
  confirming: boolean;
  onEdit(): void;
  onSave(rate: string): Promise<boolean>;
  onCancel(): void;
  onAskDelete(): void;
  onDelete(): void;
}) {
  const [text, setText] = useState(rate.rate);
  const label = `${rate.currency} ${rate.month}`;
  const problem = fxRateProblems({ ...rate, rate: text }, reporting).rate;
  return (
    <tr data-testid={`fx-rate-${rate.currency}-${rate.month}`}>
      <td>{rate.currency}</td>
      <td className="nowrap">{rate.month}</td>
      <td className="num">
        {editing ? (
          <span className="fx-edit">
            <input
              aria-label={`Rate for ${label}`}
              aria-invalid={problem ? true : undefined}
              value={text}
              inputMode="decimal"
              autoFocus
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !problem) void onSave(rateText(text));
                if (e.key === 'Escape') onCancel();
              }}
            />
            {problem && <span className="field-error">{problem}</span>}
          </span>
        ) : (
          rate.rate
        )}
      </td>
      <td className="muted">
        {rate.source === 'settings'
          ? 'Entered here'
          : `Imported: batch #${rate.batchId}${rate.fileName ? ` (${rate.fileName})` : ''}`}
      </td>
      <td className="nowrap fx-actions">
        {editing ? (
          <>
            <button
              type="button"
              className="small-button primary"
              disabled={busy || problem !== undefined}
              onClick={() => void onSave(rateText(text))}
            >
              Save
            </button>{' '}
            <button type="button" className="small-button" onClick={onCancel}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="small-button"
              disabled={busy}
              aria-label={`Edit the rate for ${label}`}
              onClick={() => {
                setText(rate.rate);
                onEdit();
              }}
            >
              Edit
            </button>{' '}
            {rate.source === 'settings' && (
              <ConfirmAction
                confirming={confirming}
                busy={busy}
                className="small-button"
                trigger="Delete"
                triggerLabel={`Delete the rate for ${label}`}
                question={`Delete the ${label} rate?`}
                confirm="Delete"
                confirmClassName="danger"
                onAsk={onAskDelete}
                onConfirm={onDelete}
                onCancel={onCancel}
              />
            )}
          </>
        )}
      </td>
    </tr>
  );
}
