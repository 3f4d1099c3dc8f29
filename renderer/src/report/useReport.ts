import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportModel } from '../../../shared/report';
import { useWorkspace } from '../WorkspaceContext';
import { reportCache } from './reportCache';

export type ReportState =
  | { status: 'empty' }
  | { status: 'loading'; data?: ReportModel }
  | { status: 'ready'; data: ReportModel }
  | { status: 'error'; error: Error; data?: ReportModel };

/**
 * The report model of the chosen quarter. Reports are cached per workspace state (a refresh after an
 * import, undo or edit clears the cache), so switching back to a quarter is instant; while a new
 * quarter loads, the previous figures stay on screen, marked as loading.
 */
export function useReport(periodOverride?: string): ReportState & { reload: () => void } {
  const { info, period: current } = useWorkspace();
  const period = periodOverride ?? current;
  const cached = period ? reportCache.get(info, period) : undefined;
  const [state, setState] = useState<ReportState>(
    !period ? { status: 'empty' } : cached ? { status: 'ready', data: cached } : { status: 'loading' },
  );
  const [tick, setTick] = useState(0);
  const lastTick = useRef(0);

  useEffect(() => {
    if (!period) {
      setState({ status: 'empty' });
      return;
    }
    const force = tick !== lastTick.current;
    lastTick.current = tick;
    const hit = force ? undefined : reportCache.get(info, period);
    if (hit) {
      setState({ status: 'ready', data: hit });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'loading', ...('data' in s && s.data ? { data: s.data } : {}) }));
    reportCache.load(info, period, force).then(
      (data) => {
        if (live) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (live)
          setState((s) => ({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
            ...('data' in s && s.data ? { data: s.data } : {}),
          }));
      },
    );
    return () => {
      live = false;
    };
  }, [info, period, tick]);

  // Once this quarter is on screen, the neighbouring quarters load in the background.
  const ready = state.status === 'ready';
  useEffect(
    () => (ready && period ? reportCache.prefetchNeighbours(info, period) : undefined),
    [ready, info, period],
  );

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
