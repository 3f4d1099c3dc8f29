import { useEffect, useState } from 'react';
import { PackFolderChooser } from './PackFolderChooser';

export interface ExportChoice {
  pdf: boolean;
  xlsx: boolean;
  pptx: boolean;
  allowUncommentedRed: boolean;
}

/** The export options and button; shows progress (elapsed time) while the pack is being written. */
export function ExportControls({
  blockingCount,
  busy,
  onExport,
}: {
  blockingCount: number;
  busy: boolean;
  onExport: (choice: ExportChoice) => void;
}) {
  const [pdf, setPdf] = useState(true);
  const [xlsx, setXlsx] = useState(true);
  const [pptx, setPptx] = useState(false);
  const [override, setOverride] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!busy) return;
    setElapsed(0);
    const started = Date.now();
    const t = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(t);
  }, [busy]);
  const blocked = blockingCount > 0 && !override;
  return (
    <div className="stack">
      <div className="panel-actions">
        <label>
          <input type="checkbox" checked={pdf} onChange={(e) => setPdf(e.target.checked)} disabled={busy} />{' '}
          PDF briefing
        </label>
        <label>
          <input type="checkbox" checked={xlsx} onChange={(e) => setXlsx(e.target.checked)} disabled={busy} />{' '}
          Excel workbook
        </label>
        <label>
          <input type="checkbox" checked={pptx} onChange={(e) => setPptx(e.target.checked)} disabled={busy} />{' '}
          PowerPoint deck (native charts)
        </label>
      </div>
      <PackFolderChooser disabled={busy} />
      {blockingCount > 0 && (
        <label className="panel-actions">
          <input
            type="checkbox"
            checked={override}
            onChange={(e) => setOverride(e.target.checked)}
            disabled={busy}
          />{' '}
          Export anyway with {blockingCount} red KPI{blockingCount === 1 ? '' : 's'} without commentary (the
          override is recorded)
        </label>
      )}
      <div className="panel-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || blocked || (!pdf && !xlsx && !pptx)}
          onClick={() => onExport({ pdf, xlsx, pptx, allowUncommentedRed: override })}
        >
          {busy ? 'Exporting…' : 'Export briefing pack'}
        </button>
        {busy && (
          <span role="status" aria-live="polite">
            <progress className="progress" aria-label="Exporting the briefing pack" /> Rendering the pages and
            writing the files… {elapsed}s
          </span>
        )}
      </div>
    </div>
  );
}
