import fs from 'node:fs';
import path from 'node:path';
import { generateDemo } from '../demo/generate';
import { initWorkspace, openWorkspace, type Workspace, type WorkspaceOpenOptions } from '../store/workspace';

export const DEMO_FILE_NAME = 'Demo workspace.sqlite';

/** First launch: the demo workspace, created once in the app's data folder and reopened afterwards. */
export function openOrCreateDefaultWorkspace(dataDir: string, options: WorkspaceOpenOptions = {}): Workspace {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DEMO_FILE_NAME);
  if (fs.existsSync(file)) return openWorkspace(file, options);
  // A new file is made in the app's own folder, writable: `ifReadOnly` only matters for an existing one.
  const ws = initWorkspace(
    file,
    { name: 'Demo workspace' },
    { ...options, readonly: false, ifReadOnly: 'refuse' },
  );
  generateDemo(ws.db);
  return ws;
}
