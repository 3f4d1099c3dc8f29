import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

/** Drop a CSV/XLSX here or pick one; the desktop app uses the native dialog, the browser a file input. */
export function DropZone({
  busy,
  takeFocus = false,
  onFile,
  onPickNative,
}: {
  busy: boolean;
  /** The user asked for another file ("Choose another file"): the choose button takes focus. */
  takeFocus?: boolean;
  onFile(f: File): void;
  onPickNative(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus) button.current?.focus();
  }, [takeFocus]);
  const pick = () => (api.transport === 'desktop' ? onPickNative() : input.current?.click());
  return (
    <div
      className={`dropzone${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const f = e.dataTransfer.files[0];
        if (f) onFile(f);
      }}
      data-testid="dropzone"
    >
      <div className="dropzone-icon" aria-hidden="true">
        ⇪
      </div>
      <div className="dropzone-title">{busy ? 'Reading the file…' : 'Drop a CSV or Excel file here'}</div>
      <p className="muted">
        Cloud billing (FOCUS, Azure, AWS CUR), AI vendor exports (Anthropic, OpenAI), GL extracts, budgets,
        benefits, KPI values or an initiative register. The format and data kind are detected for you.
      </p>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,.parquet,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="sr-only"
        tabIndex={-1}
        aria-label="File to import"
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
      <button ref={button} type="button" className="primary" onClick={pick} disabled={busy}>
        Choose file…
      </button>
    </div>
  );
}
