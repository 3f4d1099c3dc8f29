import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Panel } from '../components/Panel';
import { ScreenHeader } from '../components/ScreenHeader';
import { Skeleton } from '../components/Skeleton';
import { BatchesTable } from '../importer/BatchesTable';
import { CommitBar } from '../importer/CommitBar';
import { CommitProgress } from '../importer/CommitProgress';
import { DetectedPanel } from '../importer/DetectedPanel';
import { DropZone } from '../importer/DropZone';
import { ImportResult } from '../importer/ImportResult';
import { MappingEditor } from '../importer/MappingEditor';
import { FilteredRows } from '../importer/FilteredRows';
import { InitiativeProposals } from '../importer/InitiativeProposals';
import { undecidedProposals } from '../importer/initiativeDecisions';
import { RowsLeftOut } from '../importer/RowsLeftOut';
import { PreviewNotes } from '../importer/PreviewNotes';
import { PreviewSummary } from '../importer/PreviewSummary';
import { ReconciliationPanel } from '../importer/ReconciliationPanel';
import { ProblemsTable } from '../importer/ProblemsTable';
import { SampleTable } from '../importer/SampleTable';
import { pendingImport } from '../importer/pendingImport';
import { useImportWizard } from '../importer/useImportWizard';
import { WizardError } from '../importer/WizardError';
import { WizardSteps } from '../importer/WizardSteps';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

export function ImportScreen() {
  const { refresh } = useWorkspace();
  const batches = useAsync(() => api.call('batches.list', {}), []);
  const onCommitted = useCallback(() => {
    batches.reload();
    refresh();
  }, [batches.reload, refresh]);
  const w = useImportWizard(onCommitted);

  // Files opened from the desktop menu ("Import file…") are handed over by the app shell.
  const { openFile } = w;
  useEffect(() => {
    const take = () => {
      const f = pendingImport.take();
      if (f) void openFile(f);
    };
    take();
    return pendingImport.subscribe(take);
  }, [openFile]);

  const undo = async (id: number) => {
    await api.call('batches.undo', { id });
    batches.reload();
    refresh();
  };

  const previewing = w.busy === 'previewing';
  // Back to the file choice at the user's request: the choose button takes focus (not the page body).
  const [chooseAgain, setChooseAgain] = useState(false);
  const another = () => {
    w.reset();
    setChooseAgain(true);
  };
  return (
    <section aria-labelledby="screen-title">
      <ScreenHeader
        title="Import"
        subtitle="Spend, budgets, benefits, KPI values and initiatives: each file becomes one batch you can undo."
      />
      <WizardSteps step={w.step} />
      {/* Keyed by what it says, so a different error is a new heading that takes focus again. */}
      {w.error && <WizardError key={`${w.error.title}\n${w.error.message}`} error={w.error} />}
      {w.step === 'choose' && (
        <DropZone
          busy={w.busy !== null}
          takeFocus={chooseAgain}
          onFile={(f) => void w.chooseFile(f)}
          onPickNative={() => void w.pickNative()}
        />
      )}
      {w.step === 'review' && w.preview && (
        <div className={`stack${previewing ? ' stale' : ''}`} aria-busy={previewing}>
          <div className="grid-2">
            <Panel title="Detected" focusOnMount>
              <DetectedPanel
                preview={w.preview}
                request={w.request}
                busy={previewing}
                onChange={w.update}
                onForgetTemplate={(id) => void w.forgetTemplate(id)}
              />
            </Panel>
            <Panel title="Column mapping">
              <MappingEditor
                preview={w.preview}
                busy={previewing}
                onApply={(mapping) => w.update({ mapping, columns: undefined })}
                onChoose={(field, column) =>
                  w.update({ mapping: undefined, columns: { ...w.request.columns, [field]: column } })
                }
              />
            </Panel>
          </div>
          <Panel title="Preview">
            <PreviewSummary preview={w.preview} />
            <PreviewNotes notes={w.preview.notes} />
            <FilteredRows filtered={w.preview.filtered} />
            <RowsLeftOut preview={w.preview} skipInvalid={w.request.skipInvalid} />
            <ReconciliationPanel
              preview={w.preview}
              accepted={w.request.acceptTotalMismatch === true}
              busy={w.busy !== null}
              onAccept={(acceptTotalMismatch) => w.update({ acceptTotalMismatch })}
            />
            <ProblemsTable preview={w.preview} />
            <SampleTable preview={w.preview} />
            <InitiativeProposals
              preview={w.preview}
              request={w.request}
              busy={w.busy !== null}
              onChange={w.update}
            />
            <CommitBar
              preview={w.preview}
              undecidedMatches={undecidedProposals(w.preview, w.request)}
              skipInvalid={w.request.skipInvalid}
              busy={w.busy !== null}
              onSkipInvalid={(skipInvalid) => w.update({ skipInvalid })}
              onCommit={(o) => void w.commit(o)}
              onCancel={another}
            />
          </Panel>
        </div>
      )}
      {w.step === 'review' && !w.preview && (
        <div className="form-actions">
          <button type="button" onClick={another}>
            Choose another file
          </button>
        </div>
      )}
      {w.step === 'committing' && (
        <CommitProgress job={w.job} fileName={w.file?.name ?? ''} onCancel={() => void w.cancel()} />
      )}
      {w.step === 'done' && w.job?.result && <ImportResult result={w.job.result} onAnother={another} />}

      <Panel title="Import batches" id="batches-heading">
        {batches.status === 'error' && (
          <ErrorNotice title="Batches could not be loaded" error={batches.error} onRetry={batches.reload} />
        )}
        {!batches.data ? (
          <Skeleton lines={4} label="Loading batches" />
        ) : (
          <BatchesTable batches={batches.data} onUndo={undo} />
        )}
      </Panel>
    </section>
  );
}
