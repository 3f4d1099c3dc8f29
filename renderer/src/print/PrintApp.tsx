import { useEffect, useState } from 'react';
import type { PackData } from '../../../shared/export/packTypes';
import { api } from '../api/client';
import { PackDocument } from './PackDocument';
import { readPrintParams } from './params';
import { loadFonts, signalError, signalReady } from './ready';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: PackData };

/** The print page: fetches the pack data, renders every section, then raises the ready signal. */
export function PrintApp() {
  const [params] = useState(() => readPrintParams(window.location.search));
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    (async () => {
      if (!params.period) throw new Error('No quarter given: open print.html?period=FY2026-Q3');
      const [data] = await Promise.all([api.call('pack.data', { period: params.period }), loadFonts()]);
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
  }, [params.period]);

  useEffect(() => {
    if (state.kind === 'ready') void signalReady();
  }, [state]);

  if (state.kind === 'loading') return <p className="print-status">Preparing the briefing pack…</p>;
  if (state.kind === 'error')
    return <p className="print-status">The briefing pack could not be prepared: {state.message}</p>;
  return <PackDocument data={state.data} packDate={params.packDate} />;
}
