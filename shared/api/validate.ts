import { ApiError, describeIssues } from './contract';
import { isMethodName, methods, type MethodName } from './index';

/**
 * Validates a payload against the method's schema: the check every boundary runs (IPC in main,
 * the HTTP bridge, the service) before anything else. Throws a BAD_REQUEST ApiError naming each bad field.
 */
export function parseInput(name: string, payload: unknown): { name: MethodName; input: unknown } {
  if (!isMethodName(name)) throw new ApiError('UNKNOWN_METHOD', `Unknown API method "${name}".`);
  const parsed = methods[name].input.safeParse(payload ?? {});
  if (!parsed.success) {
    throw new ApiError('BAD_REQUEST', `Invalid request for ${name}: ${describeIssues(parsed.error)}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return { name, input: parsed.data };
}
