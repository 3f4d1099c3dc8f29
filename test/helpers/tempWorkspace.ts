import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo } from '../../electron/demo/generate';
import { initWorkspace, type WritableWorkspace } from '../../electron/store/workspace';

export function tempDir(prefix = 'caio-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh workspace file in its own temp folder; `demo` fills it with the demo data. */
export function tempWorkspace(
  options: { demo?: boolean; name?: string } = {},
): WritableWorkspace & { dir: string } {
  const dir = tempDir();
  const ws = initWorkspace(path.join(dir, options.name ?? 'workspace.sqlite'));
  if (options.demo) generateDemo(ws.db);
  return Object.assign(ws, { dir });
}
