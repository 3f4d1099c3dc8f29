// The bundled CLI's entry (dist/electron/cli.cjs, run by bin/caio-scorecard.mjs and `npm run cli`).
// `--version` answers before the commands and their packages (SQLite, exceljs, Chromium's driver) load.
import { VERSION } from './version';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  void import('./main').then((cli) => cli.runMain(argv));
}
