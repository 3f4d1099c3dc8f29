import { useEffect, useState } from 'react';
import type { PackData } from '../../../shared/export/packTypes';
import { PackDocument } from './PackDocument';
import type { PrintParams } from './params';
import { signalError, signalReady } from './ready';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: PackData };

/** The print page: waits for the pack data, renders every section, then raises the ready signal. */
export function PrintApp({ params, data: pending }: { params: PrintParams; data: Promise<PackData> }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    (async () => {
      const data = await pending;
      performance.mark('pack-data');
      // The PDF's document title.
      document.title = `${data.settings.companyName} — AI Board Briefing — ${data.period}`;
      if (live) setState({ kind: 'ready', data });
    })().catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (live) setState({ kind: 'error', message });
      signalError(message);
    });
    return () => {
      live = false;
    };
  }, [pending]);

  useEffect(() => {
    if (state.kind === 'ready') void signalReady();
  }, [state]);

  if (state.kind === 'loading') return <p className="print-status">Preparing the briefing pack…</p>;
  if (state.kind === 'error')
    return <p className="print-status">The briefing pack could not be prepared: {state.message}</p>;
  return <PackDocument data={state.data} packDate={params.packDate} />;
}
