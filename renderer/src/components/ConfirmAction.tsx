import { useEffect, useRef, type ReactNode } from 'react';

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
  // The trigger is replaced by the question and back: focus follows (to the confirming button, then back to
  // the trigger) instead of falling to the page body, so a keyboard user stays where they were.
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(confirming);
  useEffect(() => {
    if (wasConfirming.current && !confirming && document.activeElement === document.body)
      triggerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (!confirming)
    return (
      <button
        ref={triggerRef}
        type="button"
        className={cls('')}
        disabled={busy}
        onClick={onAsk}
        aria-label={triggerLabel}
      >
        {trigger}
      </button>
    );
  return (
    <span className="confirm">
      {question && <span className="flag">{question}</span>}{' '}
      {/* Focus moves here: the user just asked for this button. */}
      <button type="button" className={cls(confirmClassName)} disabled={busy} onClick={onConfirm} autoFocus>
        {confirm}
      </button>{' '}
      <button type="button" className={cls('')} onClick={onCancel}>
        {cancel}
      </button>
    </span>
  );
}
