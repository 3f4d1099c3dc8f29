import type { Progress } from './progress';
import type { FlagSpec, ParsedArgs } from './args';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress of a long import or export, on a terminal's stderr; absent when stderr is not a terminal. */
  progress?: Progress | undefined;
}

/** One CLI command. `run` returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec;
  /**
   * With `--json`, a failure is also printed on stdout as one JSON object,
   * `{"error": {"message", "problems": [{row, column, value, message, severity, code}]}}` (the exit code
   * stays non-zero and stderr keeps the message for people).
   */
  jsonErrors?: boolean;
  run(args: ParsedArgs, io: CliIo): Promise<number> | number;
}
