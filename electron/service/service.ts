import { ZodError } from 'zod';
import { ApiError, describeIssues, type ApiResponse } from '../../shared/api';
import { parseInput } from '../../shared/api/validate';
import { PeriodError } from '../../shared/fiscal';
import { sqliteWorkspaceError, WorkspaceError } from '../store/db';
import type { PackRenderer } from '../pack/renderer';
import { openWorkspace } from '../store/workspace';
import type { ServiceContext } from './context';
import { handlers } from './handlers';

export interface Service {
  /** The one entry point every transport uses: validates, runs, and never throws. */
  call(name: string, payload: unknown): Promise<ApiResponse<unknown>>;
  readonly ctx: ServiceContext;
}

export function toApiError(err: unknown, file?: string): ApiError {
  if (err instanceof ApiError) return err;
  const plain = sqliteWorkspaceError(err, file);
  if (plain) return new ApiError('WORKSPACE', plain.message);
  if (err instanceof WorkspaceError) return new ApiError('WORKSPACE', err.message);
  if (err instanceof ZodError) return new ApiError('BAD_REQUEST', describeIssues(err));
  if (err instanceof PeriodError) return new ApiError('BAD_REQUEST', err.message);
  return new ApiError('INTERNAL', err instanceof Error ? err.message : String(err));
}

export type ServiceInit = Omit<ServiceContext, 'reopen' | 'renderer'> &
  Partial<Pick<ServiceContext, 'reopen' | 'renderer'>>;

/** A service created without a printer (a test of other methods) refuses to print, in words. */
const NO_RENDERER: PackRenderer = {
  render: () =>
    Promise.reject(new Error('This service was started without a PDF printer (no renderer was supplied).')),
};

export function createService(init: ServiceInit): Service {
  const ctx: ServiceContext = { reopen: (file) => openWorkspace(file), renderer: NO_RENDERER, ...init };
  return {
    ctx,
    async call(name, payload) {
      try {
        const { name: method, input } = parseInput(name, payload);
        const handler = handlers[method] as (input: unknown, ctx: ServiceContext) => unknown;
        const result = await handler(input, ctx);
        return { ok: true, result };
      } catch (err) {
        return { ok: false, error: toApiError(err, ctx.ws.file).toJSON() };
      }
    },
  };
}
