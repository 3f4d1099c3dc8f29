import { z } from 'zod';
import { YEAR_LIMITS } from '../fiscal';

/**
 * A method of the API: a runtime schema for its input (checked at every boundary before anything
 * else runs) and the TypeScript type of its output (produced by our own service, so typed, not parsed).
 */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'IMPORT_REJECTED',
  'WORKSPACE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toJSON(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/** Turns zod issues into one readable sentence naming each bad field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'payload'}: ${i.message}`).join('; ');
}

export const Empty = z.object({}).strict();
/**
 * A fiscal quarter label, in the years any workspace can report on (FY1900–FY2201); the workspace's own
 * plausible range (Settings) is checked by the service, which knows it.
 */
export const Period = z
  .string()
  .regex(/^FY\d{4}-Q[1-4]$/, 'expected a fiscal quarter such as FY2026-Q3')
  .refine(
    (p) => {
      const fy = Number(p.slice(2, 6));
      return fy >= YEAR_LIMITS.earliestYear && fy <= YEAR_LIMITS.latestYear + 1;
    },
    {
      message: `expected a fiscal quarter between FY${YEAR_LIMITS.earliestYear} and FY${YEAR_LIMITS.latestYear + 1}`,
      when: (payload) => payload.issues.length === 0,
    },
  );
export const Id = z.number().int().positive();
