import { useEffect, useRef } from 'react';
import type { ReportModel } from '../../../shared/report';
import { Skeleton } from '../components/Skeleton';
import { ExplainInputs } from './ExplainInputs';
import { ExplainBatches } from './ExplainBatches';
import { formatResult } from './formatExplained';

interface Props {
  /** The model with its explanations; null while they load. */
  report: ReportModel | null;
  loadError: string | null;
  explainKey: string;
  /** What the quarter's commentary says about this figure, if anything. */
  commentary?: string;
  canGoBack: boolean;
  onBack(): void;
  onFollow(key: string): void;
  onClose(): void;
}

/** "Where does this number come from?": the figure, its formula, inputs with line counts, and source batches. */
export function ExplainDrawer({
  report,
  loadError,
  explainKey,
  commentary,
  canGoBack,
  onBack,
  onFollow,
  onClose,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const e = report?.explanations[explainKey];
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('.drawer-close')?.focus();
  }, [explainKey]);
  const batchIds = e ? [...new Set(e.inputs.flatMap((i) => i.batchIds))].sort((a, b) => a - b) : [];
  return (
    <dialog
      ref={ref}
      className="drawer"
      aria-labelledby="explain-title"
      onCancel={(ev) => {
        ev.preventDefault();
        onClose();
      }}
      onClick={(ev) => ev.target === ref.current && onClose()}
      data-testid="explain-drawer"
    >
      <div className="drawer-inner">
        <header className="drawer-header">
          <div>
            <div className="drawer-eyebrow">Where does this number come from?</div>
            <h2 id="explain-title">
              {e ? e.label : !report && !loadError ? 'Loading the explanation…' : 'Explanation not available'}
            </h2>
          </div>
          <button
            type="button"
            className="icon-button drawer-close"
            onClick={onClose}
            aria-label="Close explanation"
          >
            ✕
          </button>
        </header>
        {canGoBack && (
          <button type="button" className="link-button" onClick={onBack}>
            ← Back
          </button>
        )}
        {!report ? (
          loadError ? (
            <p role="alert">The explanation could not be loaded: {loadError}</p>
          ) : (
            <Skeleton lines={5} label="Loading the explanation" />
          )
        ) : !e ? (
          <p>The report has no explanation for this figure ({explainKey}).</p>
        ) : (
          <>
            <div className="drawer-figure" data-testid="explain-result">
              {formatResult(e, report.currency)}
            </div>
            {commentary && (
              <section aria-labelledby="explain-commentary" data-testid="explain-commentary">
                <h3 id="explain-commentary">Commentary, {report.period.label}</h3>
                <p className="explain-commentary">{commentary}</p>
              </section>
            )}
            <section aria-labelledby="explain-formula">
              <h3 id="explain-formula">Formula</h3>
              <p className="formula">{e.formula}</p>
            </section>
            <ExplainInputs report={report} explanation={e} onFollow={onFollow} />
            <ExplainBatches report={report} batchIds={batchIds} />
            {e.notes.length > 0 && (
              <section aria-labelledby="explain-notes">
                <h3 id="explain-notes">Notes</h3>
                <ul className="notes">
                  {e.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </section>
            )}
            <p className="muted small">
              Figures as of {report.period.end}, {report.period.label}. Reference for the JSON export:{' '}
              <code>{e.key}</code>
            </p>
          </>
        )}
      </div>
    </dialog>
  );
}
