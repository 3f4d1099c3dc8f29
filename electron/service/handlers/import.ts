import { ApiError, type importMethods, type ParsedInput } from '../../../shared/api';
import { ImportCancelled, ImportRejected } from '../../../shared/import/errors';
import { ImportJobs } from '../../import/jobs';
import { previewImport, type ImportOptions } from '../../import/run';
import { deleteSavedMapping, listSavedMappings } from '../../store/savedMappings';
import { writableDb } from '../../store/workspace';
import type { ServiceContext } from '../context';
import type { HandlerMap } from './types';

/** Background imports per service context (one per open app or bridge session). */
const jobsByContext = new WeakMap<ServiceContext, ImportJobs>();
function jobsOf(ctx: ServiceContext): ImportJobs {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) jobsByContext.set(ctx, (jobs = new ImportJobs()));
  return jobs;
}

function options(input: ParsedInput<'import.preview'>, ctx: ServiceContext): ImportOptions {
  const file = ctx.uploads.get(input.fileId);
  if (!file) throw new ApiError('NOT_FOUND', `No uploaded file with id ${input.fileId}; upload it again.`);
  return {
    path: file.path,
    name: file.name,
    as: input.as,
    skipInvalid: input.skipInvalid,
    acceptTotalMismatch: input.acceptTotalMismatch,
    excludeRows: input.excludeRows,
    initiativeMatches: input.initiativeMatches,
    ...(input.sheet ? { sheet: input.sheet } : {}),
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.columns ? { columns: input.columns } : {}),
    ...(input.basis ? { basis: input.basis } : {}),
    ...(input.negate !== undefined ? { negate: input.negate } : {}),
    ...(input.where ? { filters: input.where } : {}),
    ...(input.encoding ? { encoding: input.encoding } : {}),
    ...(input.delimiter ? { delimiter: input.delimiter } : {}),
  };
}

function notFound(jobId: string): never {
  throw new ApiError('NOT_FOUND', `No import job ${jobId}.`);
}

export const importHandlers: HandlerMap<keyof typeof importMethods> = {
  'import.preview': async (input, ctx) => {
    try {
      return await previewImport(ctx.ws.db, options(input, ctx));
    } catch (err) {
      if (err instanceof ImportRejected)
        throw new ApiError('IMPORT_REJECTED', err.message, { problems: err.problems });
      if (err instanceof ImportCancelled) throw new ApiError('CONFLICT', err.message);
      throw err;
    }
  },
  'import.start': (input, ctx) => {
    const file = ctx.ws.file;
    const jobId = jobsOf(ctx).start(
      { file, open: () => ctx.reopen(file) },
      {
        ...options(input, ctx),
        allowDuplicate: input.allowDuplicate,
        overlap: input.overlap,
        ...(input.mappingName ? { mappingName: input.mappingName } : {}),
      },
    );
    return { jobId };
  },
  'import.status': ({ jobId }, ctx) => jobsOf(ctx).status(jobId) ?? notFound(jobId),
  'import.cancel': ({ jobId }, ctx) => jobsOf(ctx).cancel(jobId) ?? notFound(jobId),
  'mappings.list': (_input, ctx) => listSavedMappings(ctx.ws.db),
  'mappings.delete': ({ id }, ctx) => ({ deleted: deleteSavedMapping(writableDb(ctx.ws), id) }),
};

/** For tests and shutdown: waits for a background import to finish. */
export function importJobsOf(ctx: ServiceContext): ImportJobs {
  return jobsOf(ctx);
}
