import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ImportJobStatus,
  ImportKind,
  ImportMapping,
  ImportPreview,
  ImportProblem,
} from '../../../shared/api';
import type { UploadedFileRef } from '../../../shared/api/transport';
import { api, ClientError } from '../api/client';

export type WizardStep = 'choose' | 'review' | 'committing' | 'done';

export interface ImportRequestState {
  as: 'auto' | ImportKind;
  sheet?: string;
  mapping?: ImportMapping;
  /** Field → column chosen between close candidates (over the proposed mapping). */
  columns?: Record<string, string>;
  skipInvalid: boolean;
  /** Import although the file's own total does not match its rows (asked only when it does not). */
  acceptTotalMismatch?: boolean;
  /** Names in the file the user matched to existing initiatives (the preview's proposals, confirmed). */
  initiativeMatches?: { name: string; initiative: string }[];
  /** Proposed names the user chose to create as new initiatives (kept here: the import creates them anyway). */
  declinedMatches?: string[];
}

export interface WizardError {
  title: string;
  message: string;
  problems: ImportProblem[];
}

function toWizardError(title: string, err: unknown): WizardError {
  const message = err instanceof Error ? err.message : String(err);
  const details =
    err instanceof ClientError ? (err.details as { problems?: ImportProblem[] } | undefined) : undefined;
  return { title, message, problems: details?.problems ?? [] };
}

const POLL_MS = 120;

/** The import wizard's state: upload → preview (re-run on every change) → background commit with progress → result. */
export function useImportWizard(onCommitted: () => void) {
  const [step, setStep] = useState<WizardStep>('choose');
  const [file, setFile] = useState<UploadedFileRef | null>(null);
  const [busy, setBusy] = useState<null | 'uploading' | 'previewing' | 'starting'>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [request, setRequest] = useState<ImportRequestState>({ as: 'auto', skipInvalid: false });
  const [error, setError] = useState<WizardError | null>(null);
  const [job, setJob] = useState<ImportJobStatus | null>(null);
  const timer = useRef<number | null>(null);
  const previewSeq = useRef(0);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const runPreview = useCallback(async (ref: UploadedFileRef, req: ImportRequestState) => {
    const mine = ++previewSeq.current;
    setBusy('previewing');
    setError(null);
    try {
      const p = await api.call('import.preview', {
        fileId: ref.id,
        as: req.as,
        skipInvalid: req.skipInvalid,
        ...(req.acceptTotalMismatch ? { acceptTotalMismatch: true } : {}),
        ...(req.sheet ? { sheet: req.sheet } : {}),
        ...(req.mapping ? { mapping: req.mapping } : {}),
        ...(req.columns ? { columns: req.columns } : {}),
        ...(req.initiativeMatches?.length ? { initiativeMatches: req.initiativeMatches } : {}),
      });
      if (mine !== previewSeq.current) return;
      setPreview(p);
      setStep('review');
    } catch (err) {
      if (mine !== previewSeq.current) return;
      setError(toWizardError(`“${ref.name}” could not be read`, err));
      setStep('review');
    } finally {
      if (mine === previewSeq.current) setBusy(null);
    }
  }, []);

  const openFile = useCallback(
    async (ref: UploadedFileRef) => {
      setFile(ref);
      setPreview(null);
      setJob(null);
      const req: ImportRequestState = { as: 'auto', skipInvalid: false };
      setRequest(req);
      await runPreview(ref, req);
    },
    [runPreview],
  );

  const chooseFile = useCallback(
    async (f: File) => {
      setError(null);
      setBusy('uploading');
      try {
        const ref = await api.upload(f);
        await openFile(ref);
      } catch (err) {
        setError(toWizardError(`“${f.name}” could not be uploaded`, err));
        setBusy(null);
      }
    },
    [openFile],
  );

  const pickNative = useCallback(async () => {
    const ref = await api.pickFile();
    if (ref) await openFile(ref);
  }, [openFile]);

  const update = useCallback(
    (patch: Partial<ImportRequestState>) => {
      const next = { ...request, ...patch };
      setRequest(next);
      if (file) void runPreview(file, next);
    },
    [request, file, runPreview],
  );

  const poll = useCallback(
    (jobId: string) => {
      const tick = async () => {
        try {
          const s = await api.call('import.status', { jobId });
          setJob(s);
          if (s.state === 'running') {
            timer.current = window.setTimeout(() => void tick(), POLL_MS);
            return;
          }
          timer.current = null;
          if (s.state === 'done') {
            setStep('done');
            onCommitted();
          } else {
            setStep('review');
            setError(
              s.state === 'cancelled'
                ? { title: 'Import cancelled', message: 'Nothing was written.', problems: [] }
                : {
                    title: 'The import was rejected; nothing was written',
                    message: s.error?.message ?? 'Unknown error',
                    problems: s.error?.problems ?? [],
                  },
            );
          }
        } catch (err) {
          setStep('review');
          setError(toWizardError('Lost track of the import', err));
        }
      };
      void tick();
    },
    [onCommitted],
  );

  const commit = useCallback(
    async (opts: { overlap: 'append' | 'replace'; allowDuplicate: boolean }) => {
      if (!file || !preview) return;
      setError(null);
      setBusy('starting');
      try {
        const { jobId } = await api.call('import.start', {
          fileId: file.id,
          as: request.as,
          skipInvalid: request.skipInvalid,
          allowDuplicate: opts.allowDuplicate,
          ...(request.acceptTotalMismatch ? { acceptTotalMismatch: true } : {}),
          overlap: opts.overlap,
          ...(request.sheet ? { sheet: request.sheet } : {}),
          ...(preview.mapping ? { mapping: preview.mapping } : {}),
          ...(request.initiativeMatches?.length ? { initiativeMatches: request.initiativeMatches } : {}),
        });
        setJob(null);
        setStep('committing');
        poll(jobId);
      } catch (err) {
        setError(toWizardError('The import could not start', err));
      } finally {
        setBusy(null);
      }
    },
    [file, preview, request, poll],
  );

  const cancel = useCallback(async () => {
    if (!job) return;
    try {
      setJob(await api.call('import.cancel', { jobId: job.jobId }));
    } catch (err) {
      setError(toWizardError('The import could not be cancelled', err));
    }
  }, [job]);

  const forgetTemplate = useCallback(
    async (id: number) => {
      try {
        await api.call('mappings.delete', { id });
        const next = { ...request, mapping: undefined };
        setRequest(next);
        if (file) await runPreview(file, next);
      } catch (err) {
        setError(toWizardError('The saved mapping could not be deleted', err));
      }
    },
    [request, file, runPreview],
  );

  const reset = useCallback(() => {
    previewSeq.current++;
    setStep('choose');
    setFile(null);
    setPreview(null);
    setJob(null);
    setError(null);
    setBusy(null);
    setRequest({ as: 'auto', skipInvalid: false });
  }, []);

  return {
    step,
    file,
    busy,
    preview,
    request,
    error,
    job,
    chooseFile,
    pickNative,
    openFile,
    update,
    forgetTemplate,
    commit,
    cancel,
    reset,
  };
}
