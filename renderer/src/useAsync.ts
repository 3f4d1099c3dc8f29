import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: Error; data?: T };

/** Runs an async load when its dependencies change; keeps the previous data while reloading. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ status: 'loading', ...(s.data === undefined ? {} : { data: s.data }) }));
    load().then(
      (data) => mine === seq.current && setState({ status: 'ready', data }),
      (error: unknown) =>
        mine === seq.current &&
        setState((s) => ({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          ...(s.data === undefined ? {} : { data: s.data }),
        })),
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
