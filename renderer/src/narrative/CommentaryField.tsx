import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommentaryScope } from '../../../shared/api';
import { api } from '../api/client';

/** How long typing pauses before the text saves by itself. */
const AUTOSAVE_MS = 800;

/**
 * A commentary text that saves to the workspace: by itself when typing pauses, on leaving the field, on
 * Ctrl/⌘+Enter or the button, and when the field goes away (navigating to another screen), so nothing typed
 * is lost.
 */
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
  // What the latest render holds, for the save that runs after a pause or as the field unmounts.
  const latest = useRef({ text, saved, period, scope, refKey, onSaved });
  latest.current = { text, saved, period, scope, refKey, onSaved };
  const inFlight = useRef<string | null>(null);
  useEffect(() => {
    setSaved(initial);
    // A reload after a save must not take back what was typed since: only an untouched field follows it.
    if (controlled === undefined) setLocal((cur) => (cur === latest.current.saved ? initial : cur));
  }, [initial]);
  const dirty = text !== saved;
  const save = useCallback(async () => {
    const { text, saved, period, scope, refKey, onSaved } = latest.current;
    if (text === saved || text === inFlight.current) return;
    inFlight.current = text;
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
    } finally {
      inFlight.current = null;
    }
  }, []);
  useEffect(() => {
    if (!dirty || state === 'error') return;
    const t = window.setTimeout(() => void save(), AUTOSAVE_MS);
    return () => window.clearTimeout(t);
  }, [text, dirty, state, save]);
  // Leaving the screen (or the quarter) unmounts the field, and a reload or closing the window unloads the
  // page: what is unsaved goes to the store then.
  useEffect(() => {
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void save();
    };
  }, [save]);
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
          {state === 'saved' && !dirty
            ? '✓ Saved'
            : dirty
              ? 'Unsaved changes · saves when you pause, or Ctrl+Enter'
              : ''}
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
