import { ApiError, type SpendSummary, type WorkspaceInfo, type workspaceMethods } from '../../../shared/api';
import { reportPeriods, reportQuarter } from '../../report/periods';
import { assertSafeMicro } from '../../../shared/money';
import { backupWorkspace, listBackups, restoreWorkspace } from '../../store/backup';
import { BatchError, listBatches, undoBatch } from '../../store/batches';
import type { ReadableDb } from '../../store/connection';
import { fxRateCount } from '../../store/fxRates';
import { acquireWorkspaceLock } from '../../store/lock';
import { listInitiatives } from '../../store/initiatives';
import { createKpi, getKpi, listKpis, updateKpi } from '../../store/kpis';
import { getSettings, updateSettings } from '../../store/settings';
import { writableDb } from '../../store/workspace';
import { fxGaps } from '../../report/fx';
import { listCommentary, setCommentary } from '../../store/commentary';
import { spendByCategory, workspaceCounts } from '../../store/workspaceSummary';
import type { HandlerMap } from './types';
import { quarterOfMonth } from '../../../shared/fiscal';

/** The fiscal quarter today is in. */
function currentQuarterLabel(fiscalStartMonth: number): string {
  return quarterOfMonth(new Date().toISOString().slice(0, 7), fiscalStartMonth).label;
}

export function workspaceInfo(db: ReadableDb, file: string): WorkspaceInfo {
  const settings = getSettings(db);
  const { periods, defaultPeriod } = reportPeriods(db);
  const totalSpendMicro = defaultPeriod ? spendSummary(db, defaultPeriod).totalMicro : 0;
  return {
    name: settings.name,
    file,
    settings,
    periods,
    defaultPeriod,
    counts: workspaceCounts(db),
    totalSpendMicro,
  };
}

/** Spend in a fiscal quarter from the monthly rollup: total, line count and split by category. */
export function spendSummary(db: ReadableDb, period: string): SpendSummary {
  const settings = getSettings(db);
  const q = reportQuarter(period, settings);
  const rows = spendByCategory(db, q.months[0], q.months[2]);
  return {
    period,
    currency: settings.currency,
    totalMicro: assertSafeMicro(rows.reduce((s, r) => s + r.total, 0)),
    lines: rows.reduce((s, r) => s + r.lines, 0),
    byCategory: rows.map((r) => ({ category: r.category, totalMicro: r.total, lines: r.lines })),
  };
}

export const workspaceHandlers: HandlerMap<keyof typeof workspaceMethods> = {
  'workspace.info': (_input, { ws }) => workspaceInfo(ws.db, ws.file),
  'spend.summary': ({ period }, { ws }) => spendSummary(ws.db, period),
  'workspace.backup': async (_input, { ws }) => {
    const file = await backupWorkspace(ws.db, ws.file, 'manual');
    return listBackups(ws.file).find((b) => b.file === file)!;
  },
  'workspace.backups': (_input, { ws }) => listBackups(ws.file),
  'workspace.restore': async ({ file }, ctx) => {
    // Only files from this workspace's own backup list: the renderer cannot name an arbitrary path.
    const backup = listBackups(ctx.ws.file).find((b) => b.file === file);
    if (!backup) throw new ApiError('NOT_FOUND', "That backup is not in this workspace's backup folder.");
    const target = ctx.ws.file;
    // Held from before the close to after the reopen: no other process of the app takes the workspace
    // in between (this transport's own hold, if it has one, just counts once more).
    const hold = acquireWorkspaceLock(target, 'CAIO Scorecard (restoring a backup)');
    try {
      ctx.ws.close();
      try {
        await restoreWorkspace(backup.file, target);
      } finally {
        ctx.ws = ctx.reopen(target);
      }
    } finally {
      hold();
    }
    return workspaceInfo(ctx.ws.db, ctx.ws.file);
  },
  'settings.get': (_input, { ws }) => getSettings(ws.db),
  'settings.update': ({ patch }, { ws }) => {
    const current = getSettings(ws.db);
    const green = patch.varianceGreen ?? current.varianceGreen;
    const amber = patch.varianceAmber ?? current.varianceAmber;
    if (green > amber)
      throw new ApiError('BAD_REQUEST', 'The green variance threshold must not exceed the amber one.');
    const earliest = patch.earliestYear ?? current.earliestYear;
    const latest = patch.latestYear ?? current.latestYear;
    if (earliest > latest)
      throw new ApiError(
        'BAD_REQUEST',
        `The earliest plausible year (${earliest}) must not be after the latest one (${latest}).`,
      );
    if (patch.currency !== undefined && patch.currency !== current.currency) {
      // An FX rate is stored as units of the reporting currency of its day: under another one it would be
      // read as a rate into that, silently wrong.
      const rates = fxRateCount(ws.db);
      if (rates > 0)
        throw new ApiError(
          'BAD_REQUEST',
          `Cannot report in ${patch.currency}: this workspace's ${rates} FX rates are rates into ${current.currency} and ` +
            `would be misread. Undo the FX batches first, then import rates into ${patch.currency}. Nothing was changed.`,
        );
      // Every figure is converted into the reporting currency: without rates no report could be computed.
      const gaps = fxGaps(ws.db, patch.currency);
      if (gaps.length > 0)
        throw new ApiError(
          'BAD_REQUEST',
          `Cannot report in ${patch.currency}: the workspace holds amounts in ` +
            gaps
              .map((g) => `${g.currency} (${g.from === g.to ? g.from : `${g.from} to ${g.to}`})`)
              .join(', ') +
            ` with no exchange rate into ${patch.currency} for some of those months. Import the monthly rates first ` +
            `(an FX file: month, currency, units of ${patch.currency} per 1 unit of that currency). Nothing was changed.`,
        );
    }
    return updateSettings(writableDb(ws), patch);
  },
  'initiatives.list': (_input, { ws }) => listInitiatives(ws.db),
  'kpis.list': (_input, { ws }) => listKpis(ws.db),
  'kpis.update': ({ id, patch, effectiveFrom, note }, { ws }) => {
    if (!getKpi(ws.db, id)) throw new ApiError('NOT_FOUND', `No KPI with id "${id}".`);
    const settings = getSettings(ws.db);
    // A quarter outside the workspace's plausible years is refused as a report period would be.
    const from = effectiveFrom
      ? reportQuarter(effectiveFrom, settings).label
      : (reportPeriods(ws.db).defaultPeriod ?? currentQuarterLabel(settings.fiscalStartMonth));
    return updateKpi(writableDb(ws), id, patch, { effectiveFrom: from, note: note ?? null });
  },
  'kpis.create': ({ kpi }, { ws }) => {
    if (getKpi(ws.db, kpi.id)) throw new ApiError('CONFLICT', `A KPI with id "${kpi.id}" already exists.`);
    return createKpi(writableDb(ws), kpi);
  },
  'batches.list': (_input, { ws }) => listBatches(ws.db),
  'batches.undo': async ({ id }, { ws }) => {
    try {
      const db = writableDb(ws);
      await backupWorkspace(db, ws.file, 'before-undo');
      return undoBatch(db, id);
    } catch (err) {
      if (err instanceof BatchError) throw new ApiError('NOT_FOUND', err.message);
      throw err;
    }
  },
  // Commentary is written per quarter the app can report on: a far label is refused like a report's.
  'commentary.list': ({ period }, { ws }) => {
    reportQuarter(period, getSettings(ws.db));
    return listCommentary(ws.db, period);
  },
  'commentary.set': (input, { ws }) => {
    reportQuarter(input.period, getSettings(ws.db));
    return setCommentary(writableDb(ws), input);
  },
};
