import { useEffect, useRef } from 'react';
import type { ImportProblem, ImportSummary } from '../../../shared/api';
import { api } from '../api/client';

const POLL_MS = 150;

export interface RatesFileOutcome {
  message: string;
  summary: ImportSummary | null;
  problems: ImportProblem[];
}

/**
 * Imports a rates file (month, currency, rate) through the import API as kind `fx`: one batch, all or
 * nothing, listed under Import with the other batches. Reports what was stored or why it was refused.
 */
export function FxRatesFileButton({
  busy,
  onBusy,
  onDone,
}: {
  busy: boolean;
  onBusy(b: boolean): void;
  onDone(ok: boolean, outcome: RatesFileOutcome): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  const fail = (message: string, problems: ImportProblem[] = []) => {
    onBusy(false);
    onDone(false, { message, summary: null, problems });
  };
  const start = async (file: File) => {
    onBusy(true);
    try {
      const ref = await api.upload(file);
      const { jobId } = await api.call('import.start', { fileId: ref.id, as: 'fx' });
      const tick = async () => {
        try {
          const s = await api.call('import.status', { jobId });
          if (s.state === 'running') {
            timer.current = window.setTimeout(() => void tick(), POLL_MS);
            return;
          }
          timer.current = null;
          if (s.state === 'done' && s.result) {
            onBusy(false);
            onDone(true, {
              message: `Imported ${s.result.rows} rate${s.result.rows === 1 ? '' : 's'} from “${file.name}” (batch #${s.result.batch}).`,
              summary: s.result,
              problems: [],
            });
          } else
            fail(s.error?.message.split('\n')[0] ?? 'The import did not finish.', s.error?.problems ?? []);
        } catch (err) {
          fail((err as Error).message);
        }
      };
      await tick();
    } catch (err) {
      fail((err as Error).message);
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx"
        aria-label="Rates file to import"
        className="sr-only"
        tabIndex={-1}
        data-testid="fx-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void start(f);
        }}
      />
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        Import a rates file…
      </button>
    </>
  );
}
