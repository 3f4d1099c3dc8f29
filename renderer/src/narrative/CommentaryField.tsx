import { useEffect, useState } from 'react';
import type { CommentaryScope } from '../../../shared/api';
import { api } from '../api/client';

/** A commentary text that saves to the workspace (button, Ctrl/⌘+Enter, or leaving the field). */
export function CommentaryField({
  id,
  label,
  hint,
  period,
  scope,
  refKey = '',
  initial,
  rows = 4,
  flagged,
  onSaved,
  value: controlled,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  period: string;
  scope: CommentaryScope;
  refKey?: string;
  initial: string;
  rows?: number;
  flagged?: string;
  onSaved?(body: string): void;
  /** Optional controlled value (e.g. the summary editor fills in a draft). */
  value?: string;
  onChange?(v: string): void;
}) {
  const [local, setLocal] = useState(initial);
  const text = controlled ?? local;
  const setText = onChange ?? setLocal;
  const [saved, setSaved] = useState(initial);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setSaved(initial);
    if (controlled === undefined) setLocal(initial);
  }, [initial]);
  const dirty = text !== saved;
  const save = async () => {
    if (!dirty) return;
    setState('saving');
    setError(null);
    try {
      await api.call('commentary.set', { period, scope, ref: refKey, body: text });
      setSaved(text);
      setState('saved');
      onSaved?.(text);
    } catch (err) {
      setState('error');
      setError((err as Error).message);
    }
  };
  return (
    <div className={`commentary-field${flagged ? ' flagged' : ''}`}>
      <label htmlFor={id} className="commentary-label">
        {label}
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {flagged && (
        <p className="flag" id={`${id}-flag`}>
          ■ {flagged}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        value={text}
        aria-describedby={
          [hint ? `${id}-hint` : '', flagged ? `${id}-flag` : ''].filter(Boolean).join(' ') || undefined
        }
        onChange={(e) => {
          setText(e.target.value);
          if (state !== 'saving') setState('idle');
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
        }}
      />
      <div className="commentary-actions">
        {(dirty || state === 'saving') && (
          <button
            type="button"
            className="small-button"
            onClick={() => void save()}
            disabled={state === 'saving'}
          >
            {state === 'saving' ? 'Saving…' : 'Save'}
          </button>
        )}
        <span role="status" className="muted small">
          {state === 'saved' && !dirty ? '✓ Saved' : dirty ? 'Unsaved changes · Ctrl+Enter saves' : ''}
        </span>
        {error && (
          <span className="field-error" role="alert">
            Not saved: {error}
          </span>
        )}
      </div>
    </div>
  );
}
