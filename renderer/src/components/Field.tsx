import type { ReactNode } from 'react';

/** Props that tie a control to its field's label, hint and error. */
export function controlProps(id: string, error?: string, hint?: string) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/**
 * A labelled form field whose hint and error sit outside the label (so the control's accessible
 * name stays its label) and are announced through aria-describedby (see `controlProps`).
 */
export function Field({
  id,
  label,
  suffix,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  suffix?: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {suffix && <span className="field-hint"> ({suffix})</span>}
      </label>
      {children}
      {hint && !error && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
