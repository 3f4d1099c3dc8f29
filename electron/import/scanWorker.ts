/**
 * Worker thread entry: reads and checks one file's rows (scanRows, exactly as on the workspace's own
 * thread) and sends the valid records back in batches, at most MAX_IN_FLIGHT not yet stored, so a file
 * parsed faster than it is stored never piles up in memory. Bundled as dist/electron/import-worker.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { FormatEvidence } from '../../shared/import/evidence';
import type { ImportRecord } from '../../shared/import/records';
import { RollupSum } from '../store/spendRollupSum';
import { sumSpendColumns } from './columnsRollup';
import { scanContext, scanRows } from './scanCore';
import { encodeRecords, toWire, transferablesOf, type FromWorker, type ToWorker } from './scanProtocol';
import { passOf } from './source';

const MAX_IN_FLIGHT = 4;

const port = parentPort!;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

let inFlight = 0;
let wake: (() => void) | null = null;

port.on('message', (m: ToWorker) => {
  if (m.type === 'ack') {
    inFlight--;
    wake?.();
    wake = null;
  } else {
    void run(m);
  }
});

async function run(m: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const evidence = m.evidence ? new FormatEvidence() : null;
  let pending: ImportRecord[] = [];
  // The rollup of the spend lines sent, summed here: the storing thread (the import's bottleneck) only inserts.
  const rollup = new RollupSum<string | null>();
  const keep = (r: ImportRecord) => {
    pending.push(r);
  };
  const flush = async () => {
    if (pending.length > 0) {
      const batch = encodeRecords(pending);
      // Summed from the columns (by text index) before they are handed over; other batches record by record.
      if (!('records' in batch)) sumSpendColumns(batch, rollup);
      else {
        for (const r of batch.records) {
          if (r.kind === 'spend')
            rollup.add(r.date, r.initiative, r.category, r.vendor, r.currency, r.amount);
        }
      }
      post({ type: 'records', batch }, transferablesOf(batch));
      pending = [];
      inFlight++;
    }
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    const result = await scanRows(scanContext(m.facts), m.job, {
      pass: passOf(m.job.source),
      evidence,
      ...(m.records ? { sink: keep, afterBatch: flush } : {}),
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', result, evidence, rollup: rollup.rows() });
  } catch (err) {
    post({ type: 'error', error: toWire(err) });
  }
}
