import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IsolationError, runIsolated } from '../../electron/safety/isolate';

/** The isolation guard: out-of-memory, hangs and stray error events end as rejections; this process lives on. */
const WORK = path.resolve(__dirname, 'fixtures/hostileWork.cjs');
const LIMITS = { maxHeapMb: 64, timeoutMs: 5_000 };

describe('runIsolated', () => {
  it('returns the result of a well-behaved function', async () => {
    await expect(runIsolated<number>(WORK, 'size', [WORK], LIMITS)).resolves.toBeGreaterThan(100);
  });

  it('contains an out-of-memory within the heap limit, fast', async () => {
    const t0 = Date.now();
    const err = await runIsolated(WORK, 'hoard', [], LIMITS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IsolationError);
    expect(err).toMatchObject({ reason: 'out-of-memory', message: 'ran out of memory (limit 64 MB)' });
    expect(Date.now() - t0).toBeLessThan(LIMITS.timeoutMs);
    expect(process.memoryUsage().heapUsed / 1024 / 1024).toBeLessThan(1024);
  });

  it('stops a function that never returns at the time limit', async () => {
    const err = await runIsolated(WORK, 'spin', [], { ...LIMITS, timeoutMs: 500 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'timeout' });
  });

  it('turns an unhandled error event into a rejection instead of a dead process', async () => {
    const err = await runIsolated(WORK, 'strayError', [], LIMITS).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'crashed' });
    expect((err as Error).message).toMatch(/ENOENT/);
  });

  it('passes a thrown error through as a rejection with its message', async () => {
    await expect(runIsolated(WORK, 'refuse', [], LIMITS)).rejects.toMatchObject({
      reason: 'threw',
      message: 'the workbook is not readable',
    });
  });
});
