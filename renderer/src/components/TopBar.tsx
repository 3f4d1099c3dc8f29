import { useWorkspace } from '../WorkspaceContext';
import { PeriodPicker } from './PeriodPicker';

export function TopBar() {
  const { info } = useWorkspace();
  return (
    <header className="topbar">
      <div>
        <div className="workspace-name" data-testid="workspace-name">
          {info.name}
        </div>
        <div className="workspace-file" title={info.file}>
          {info.settings.companyName} · {info.settings.currency}
        </div>
      </div>
      <PeriodPicker />
    </header>
  );
}
