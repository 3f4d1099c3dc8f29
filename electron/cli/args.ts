/** A small, strict argument parser: unknown flags are errors, not silently ignored. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
  /** Every value of a repeatable flag, in order (`--column a=X --column b=Y`). */
  lists: Map<string, string[]>;
}

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value (e.g. db, period). */
  values?: readonly string[];
  /** Flags that are switches (e.g. json). */
  switches?: readonly string[];
  /** Flags that take a value and may be given more than once (e.g. column). */
  repeatable?: readonly string[];
}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const switches = new Set(spec.switches ?? []);
  const repeatable = new Set(spec.repeatable ?? []);
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (switches.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (values.has(name) || repeatable.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
      if (repeatable.has(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
    } else {
      throw new UsageError(`Unknown option --${name}`);
    }
  }
  return { positionals, flags, lists };
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = args.flags.get(name);
  if (typeof v !== 'string') throw new UsageError(`--${name} is required`);
  return v;
}

export function optionalFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
