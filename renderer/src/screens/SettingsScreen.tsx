import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { ScreenHeader } from '../components/ScreenHeader';
import { Skeleton } from '../components/Skeleton';
import { BackupsPanel } from '../settings/BackupsPanel';
import { ExchangeRatesPanel } from '../settings/ExchangeRatesPanel';
import { SettingsForm } from '../settings/SettingsForm';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

export function SettingsScreen() {
  const { info, refresh } = useWorkspace();
  const settings = useAsync(() => api.call('settings.get', {}), []);
  return (
    <section aria-labelledby="screen-title">
      <ScreenHeader title="Settings" subtitle={<span title={info.file}>Workspace file: {info.file}</span>} />
      {settings.status === 'error' && (
        <ErrorNotice title="Settings could not be loaded" error={settings.error} onRetry={settings.reload} />
      )}
      {/* Not while reloading: after a restore the form must start again from the restored settings. */}
      {!settings.data || settings.status === 'loading' ? (
        <Skeleton lines={8} label="Loading settings" />
      ) : (
        <SettingsForm initial={settings.data} onSaved={() => refresh()} />
      )}
      <ExchangeRatesPanel />
      <BackupsPanel
        onRestored={() => {
          settings.reload();
          refresh();
        }}
      />
    </section>
  );
}
