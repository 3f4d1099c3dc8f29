import { ZodError } from 'zod';
import {
  ApiError,
  describeIssues,
  isMethodName,
  methods,
  type ApiResponse,
  type MethodName,
} from '../../shared/api';
import { WorkspaceError } from '../store/db';
import type { ServiceContext } from './context';
import { handlers } from './handlers';

export interface Service {
  /** The one entry point every transport uses: validates, runs, and never throws. */
  call(name: string, payload: unknown): Promise<ApiResponse<unknown>>;
  readonly ctx: ServiceContext;
}

/** Validates a payload against the method's schema; throws a BAD_REQUEST ApiError naming each bad field. */
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

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof WorkspaceError) return new ApiError('WORKSPACE', err.message);
  if (err instanceof ZodError) return new ApiError('BAD_REQUEST', describeIssues(err));
  return new ApiError('INTERNAL', err instanceof Error ? err.message : String(err));
}

export function createService(ctx: ServiceContext): Service {
  return {
    ctx,
    async call(name, payload) {
      try {
        const { name: method, input } = parseInput(name, payload);
        const handler = handlers[method] as (input: unknown, ctx: ServiceContext) => unknown;
        const result = await handler(input, ctx);
        return { ok: true, result };
      } catch (err) {
        return { ok: false, error: toApiError(err).toJSON() };
      }
    },
  };
}
