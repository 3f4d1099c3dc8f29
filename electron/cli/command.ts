import type { FlagSpec, ParsedArgs } from './args';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** One CLI command. `run` returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec;
  run(args: ParsedArgs, io: CliIo): Promise<number> | number;
}
