import { ApiError } from '../../shared/api';
import { problem, type ImportProblem, type ProblemCode } from '../../shared/import/problems';
import { ImportCancelled, ImportRejected } from '../../shared/import/errors';
import { BatchError } from '../store/batches';
import { sqliteWorkspaceError, WorkspaceError } from '../store/db';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import type { CliIo, Command } from './command';
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
  let args: ParsedArgs | null = null;
  try {
    args = parseArgs(rest, command.flags);
    return await command.run(args, io);
  } catch (err) {
    const f = failure(err, command, rest);
    io.err(f.text);
    // A program asked for JSON: it gets one object on stdout whatever went wrong.
    if (command.jsonErrors && (args ? args.flags.has('json') : rest.includes('--json'))) {
      io.out(JSON.stringify({ error: { message: f.message, problems: f.problems, ...f.choices } }, null, 2));
    }
    return f.exitCode;
  }
}

interface Failure {
  exitCode: number;
  /** What stderr says. */
  text: string;
  /** The message in one line (an import's rejection: its headline; its problems follow apart). */
  message: string;
  problems: ImportProblem[];
  /** An import's close candidates to choose between (`--column`, `--as`), in the JSON error. */
  choices?: Record<string, unknown> | undefined;
}

function failure(err: unknown, command: Command, rest: string[]): Failure {
  const one = (
    exitCode: number,
    message: string,
    code: ProblemCode,
    text = `Error: ${message}`,
  ): Failure => ({
    exitCode,
    text,
    message,
    problems: [problem(null, null, null, message, 'error', code)],
  });
  if (err instanceof UsageError)
    return one(2, err.message, 'usage', `${err.message}\nUsage: caio-scorecard ${command.usage}`);
  if (err instanceof ImportRejected) {
    const duplicate = err.problems.some((p) => p.code === 'duplicate-file');
    // Only cells of rows stand in the way (a file-level problem or a total that does not match would still
    // block): the flag that leaves those rows out.
    const errors = err.problems.filter((p) => p.severity === 'error');
    const onlyRows = errors.length > 0 && errors.every((p) => p.row !== null && p.column !== null);
    const hints = [
      duplicate ? '(pass --allow-duplicate to import it again on purpose)' : null,
      onlyRows && !rest.includes('--skip-invalid')
        ? '(pass --skip-invalid to import the other rows and leave these out, each recorded in the batch)'
        : null,
    ].filter((h) => h !== null);
    return {
      exitCode: 1,
      text: `Error: ${err.message}${hints.map((h) => `\n${h}`).join('')}`,
      message: err.message.split('\n')[0]!.replace(/:$/, ''),
      problems: err.problems,
      choices: err.choices,
    };
  }
  if (err instanceof ImportCancelled) return one(1, err.message, 'cancelled');
  if (err instanceof WorkspaceError) return one(1, err.message, err.code === 'BUSY' ? 'busy' : 'workspace');
  if (err instanceof BatchError || err instanceof ApiError) return one(1, err.message, 'workspace');
  const dbIndex = rest.indexOf('--db');
  const plain = sqliteWorkspaceError(err, dbIndex >= 0 ? rest[dbIndex + 1] : undefined);
  if (plain) return one(1, plain.message, plain.code === 'BUSY' ? 'busy' : 'workspace');
  // Unexpected failures: one line for the user; the stack only when asked for (CAIO_DEBUG=1).
  const message = err instanceof Error ? err.message : String(err);
  const detail = err instanceof Error && process.env.CAIO_DEBUG ? (err.stack ?? message) : message;
  return one(1, message, 'internal', `Error: ${detail}`);
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
