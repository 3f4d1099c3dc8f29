import {
  biggestMoves,
  earlierExplanations,
  kpiStatusChanges,
  kpiTargetChanges,
} from '../../shared/export/changes';
import type { ImportedSince, PackChanges } from '../../shared/export/packTypes';
import type { ImportBatch } from '../../shared/domain';
import type { ReportModel } from '../../shared/report';
import { buildReport } from '../report/buildReport';
import type { ReadableDb } from '../store/connection';
import { latestEarlierSnapshot } from '../store/packSnapshots';

function importedAfter(batches: ImportBatch[], after: string): ImportedSince[] {
  return batches
    .filter((b) => b.status === 'committed' && b.importedAt > after)
    .map((b) => ({ id: b.id, kind: b.kind, fileName: b.fileName, rows: b.rows, importedAt: b.importedAt }));
}

/**
 * "Changes since the last pack": against the last pack exported for an earlier quarter when there is one
 * (its figures as recorded then), otherwise against last quarter's figures as computed now.
 */
export function buildChanges(db: ReadableDb, current: ReportModel, batches: ImportBatch[]): PackChanges {
  const snap = latestEarlierSnapshot(db, current.period.label);
  if (snap) {
    const listed = {
      statusChanges: kpiStatusChanges(snap.report, current),
      targetChanges: kpiTargetChanges(snap.report, current),
      movers: biggestMoves(snap.report, current),
    };
    return {
      basis: 'snapshot',
      againstPeriod: snap.period,
      againstCreatedAt: snap.createdAt,
      againstSnapshotId: snap.id,
      ...listed,
      importedSince: importedAfter(batches, snap.createdAt),
      earlier: earlierExplanations(snap.report, listed),
    };
  }
  let previous: ReportModel | null = null;
  try {
    previous = buildReport(db, current.period.previous);
  } catch {
    previous = null;
  }
  if (!previous) {
    return {
      basis: 'none',
      againstPeriod: null,
      againstCreatedAt: null,
      againstSnapshotId: null,
      statusChanges: [],
      targetChanges: [],
      movers: [],
      importedSince: [],
      earlier: null,
    };
  }
  const listed = {
    statusChanges: kpiStatusChanges(previous, current),
    targetChanges: kpiTargetChanges(previous, current),
    movers: biggestMoves(previous, current),
  };
  return {
    basis: 'previous_quarter',
    againstPeriod: previous.period.label,
    againstCreatedAt: null,
    againstSnapshotId: null,
    ...listed,
    importedSince: importedAfter(batches, `${previous.period.end}T23:59:59.999Z`),
    earlier: earlierExplanations(previous, listed),
  };
}
