#!/usr/bin/env node
// `caio-scorecard <command>` once installed: the same CLI as `npm run cli -- <command>`, run from the
// TypeScript sources through tsx's loader in a child Node process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../electron/cli/main.ts', import.meta.url));
const result = spawnSync(
  process.execPath,
  ['--import', import.meta.resolve('tsx'), cli, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exitCode = result.status ?? 1;
