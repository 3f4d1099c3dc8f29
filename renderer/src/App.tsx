import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from './api/client';
import { Sidebar } from './components/Sidebar';
import { TopBar } from './components/TopBar';
import { ErrorNotice } from './components/ErrorNotice';
import { Skeleton } from './components/Skeleton';
import { ScreenView } from './screens/ScreenView';
import { isScreenId, type ScreenId } from './screens';
import { useAsync } from './useAsync';
import { hashParts } from './route';
import { pendingImport } from './importer/pendingImport';
import { WorkspaceContext } from './WorkspaceContext';

const PERIOD_KEY = 'caio.period';

function screenFromHash(): ScreenId {
  const id = hashParts()[0] ?? '';
  return isScreenId(id) ? id : 'dashboard';
}

export function App() {
  const [screen, setScreen] = useState<ScreenId>(screenFromHash);
  const info = useAsync(() => api.call('workspace.info', {}), []);
  const [period, setPeriodState] = useState<string | null>(null);

  useEffect(() => {
    const onHash = () => {
      setScreen(screenFromHash());
      // A new screen (or an initiative's page) opens at its top, not at the scroll position of the last one.
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(
    () =>
      api.onShellCommand((command) => {
        if (command.type === 'navigate' && isScreenId(command.screen))
          window.location.hash = `#/${command.screen}`;
        if (command.type === 'workspace-changed') info.reload();
        if (command.type === 'import-file') {
          pendingImport.offer(command.file);
          window.location.hash = '#/import';
        }
      }),
    [info.reload],
  );

  // Remember the last quarter per workspace file; fall back to the latest quarter with data.
  useEffect(() => {
    if (info.status !== 'ready') return;
    const saved = localStorage.getItem(`${PERIOD_KEY}:${info.data.file}`);
    const valid = saved && info.data.periods.includes(saved) ? saved : info.data.defaultPeriod;
    setPeriodState((p) => (p && info.data.periods.includes(p) ? p : valid));
  }, [info.status, info.data]);

  const setPeriod = useCallback(
    (p: string) => {
      setPeriodState(p);
      if (info.data) localStorage.setItem(`${PERIOD_KEY}:${info.data.file}`, p);
    },
    [info.data],
  );

  const ctx = useMemo(
    () =>
      info.data
        ? {
            info: info.data,
            period: period ?? info.data.defaultPeriod ?? '',
            setPeriod,
            refresh: info.reload,
          }
        : null,
    [info.data, period, setPeriod, info.reload],
  );

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => document.getElementById('content')?.focus()}>
        Skip to content
      </button>
      <Sidebar current={screen} />
      <div className="main">
        {info.status === 'error' && !info.data ? (
          <ErrorNotice title="The workspace could not be loaded" error={info.error} onRetry={info.reload} />
        ) : !ctx ? (
          <Skeleton lines={6} label="Loading workspace" />
        ) : (
          <WorkspaceContext.Provider value={ctx}>
            <TopBar />
            <main className="content" id="content" tabIndex={-1}>
              <ScreenView screen={screen} />
            </main>
          </WorkspaceContext.Provider>
        )}
      </div>
    </div>
  );
}
