import { ApiError } from '../../shared/api';
import { BatchError } from '../store/batches';
import { sqliteWorkspaceError, WorkspaceError } from '../store/db';
import { parseArgs, UsageError } from './args';
import type { CliIo } from './command';
import { commands } from './commands';
import { terminalProgress } from './progress';
import { VERSION } from './version';

function help(): string {
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `caio-scorecard ${VERSION}\n\ncaio-scorecard <command>\n\nCommands:\n${lines.join('\n')}\n  --version\n      Print the version\n`;
}

/** Runs one CLI invocation and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(VERSION);
    return 0;
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(parseArgs(rest, command.flags), io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nUsage: caio-scorecard ${command.usage}`);
      return 2;
    }
    if (err instanceof WorkspaceError || err instanceof BatchError || err instanceof ApiError) {
      io.err(`Error: ${err.message}`);
      return 1;
    }
    const dbIndex = rest.indexOf('--db');
    const plain = sqliteWorkspaceError(err, dbIndex >= 0 ? rest[dbIndex + 1] : undefined);
    if (plain) {
      io.err(`Error: ${plain.message}`);
      return 1;
    }
    // Unexpected failures: one line for the user; the stack only when asked for (CAIO_DEBUG=1).
    const detail =
      err instanceof Error
        ? process.env.CAIO_DEBUG
          ? (err.stack ?? err.message)
          : err.message
        : String(err);
    io.err(`Error: ${detail}`);
    return 1;
  }
}

/** The process entry: stdout/stderr, progress when stderr is a terminal, the exit code set, never thrown. */
export async function runMain(argv: string[]): Promise<void> {
  const progress = terminalProgress(process.stderr);
  try {
    process.exitCode = await runCli(argv, {
      out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
      err: (t) => {
        progress?.done();
        process.stderr.write(t.endsWith('\n') ? t : `${t}\n`);
      },
      progress,
    });
  } catch (err) {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  } finally {
    progress?.done();
  }
}

// Run from the sources (`tsx electron/cli/main.ts`); the bundled CLI enters through bin.ts.
const isMain = process.argv[1] !== undefined && /cli[\\/]main\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) void runMain(process.argv.slice(2));
