#!/usr/bin/env node
// `caio-scorecard <command>` once installed: the bundled CLI (dist/electron/cli.cjs, built by `npm install`'s
// prepare step or `npm run build`), run in this process.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/electron/cli.cjs', import.meta.url));
if (!fs.existsSync(cli)) {
  process.stderr.write(
    `caio-scorecard is not built (${cli} is missing): run \`npm run build\` in its folder.\n`,
  );
  process.exitCode = 1;
} else {
  createRequire(import.meta.url)(cli);
}
