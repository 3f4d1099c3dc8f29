import { useState } from 'react';
import type { ReportModel } from '../../../shared/report';
import { CommentaryField } from './CommentaryField';
import { draftSummary } from '../../../shared/narrative/draftSummary';

/** The executive summary: drafted from the report model on request, edited and saved by the user. */
export function SummaryEditor({
  report,
  saved,
  onSaved,
}: {
  report: ReportModel;
  saved: string | undefined;
  onSaved(): void;
}) {
  // The screen mounts this per quarter once the saved text is loaded; after that the field owns the text
  // (a reload after an autosave must not take back what was typed since).
  const [text, setText] = useState(saved ?? '');
  const [confirming, setConfirming] = useState(false);
  const draft = () => {
    setText(draftSummary(report));
    setConfirming(false);
  };
  return (
    <div className="summary-editor">
      <div className="panel-actions summary-tools">
        {confirming ? (
          <>
            <span role="alert">Replace your summary with a fresh draft from the figures?</span>
            <button type="button" className="primary small-button" onClick={draft}>
              Replace
            </button>
            <button type="button" className="small-button" onClick={() => setConfirming(false)}>
              Keep mine
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => (text.trim() ? setConfirming(true) : draft())}>
              ✎ {text.trim() ? 'Redraft from the figures' : 'Draft from the figures'}
            </button>
            <span className="muted small">
              Written from this quarter&apos;s figures only; edit before it goes into the pack.
            </span>
          </>
        )}
      </div>
      <CommentaryField
        id="summary"
        label="Summary for the board"
        period={report.period.label}
        scope="summary"
        initial={saved ?? ''}
        rows={12}
        value={text}
        onChange={setText}
        flagged={
          !text.trim()
            ? 'No executive summary yet: the pack will print the draft from the figures'
            : undefined
        }
        onSaved={onSaved}
      />
    </div>
  );
}
