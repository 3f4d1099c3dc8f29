import type { ReactNode } from 'react';

/**
 * An action that asks before it acts, in place: the trigger button, or — while `confirming` — an optional
 * question, the confirming button and a way back. The caller owns which row is confirming and the busy state.
 */
export function ConfirmAction({
  confirming,
  busy,
  trigger,
  triggerLabel,
  question,
  confirm,
  cancel = 'Cancel',
  className = '',
  confirmClassName = 'primary',
  onAsk,
  onConfirm,
  onCancel,
}: {
  confirming: boolean;
  busy: boolean;
  /** What the trigger button says, and its accessible name when the text alone is ambiguous in a table. */
  trigger: ReactNode;
  triggerLabel?: string;
  question?: ReactNode;
  confirm: ReactNode;
  cancel?: ReactNode;
  /** Extra classes for every button (e.g. "small-button"). */
  className?: string;
  confirmClassName?: string;
  onAsk(): void;
  onConfirm(): void;
  onCancel(): void;
}) {
  const cls = (c: string) => [c, className].filter(Boolean).join(' ') || undefined;
  if (!confirming)
    return (
      <button type="button" className={cls('')} disabled={busy} onClick={onAsk} aria-label={triggerLabel}>
        {trigger}
      </button>
    );
  return (
    <span className="confirm">
      {question && <span className="flag">{question}</span>}{' '}
      <button type="button" className={cls(confirmClassName)} disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>{' '}
      <button type="button" className={cls('')} onClick={onCancel}>
        {cancel}
      </button>
    </span>
  );
}
