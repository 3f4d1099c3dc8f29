import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { createService, type Service } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { DEFAULT_YEAR_RANGE, PeriodError, plausibleQuarter } from '../../../shared/fiscal';
import type { WorkspaceInfo } from '../../../shared/api';
import { TestWorkspace } from '../report/builder';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/**
 * A workspace as one was left by an import before dates were checked: real spend in 2026 and one line
 * dated 9999-12-15. Before the fix its default quarter was FY9999-Q4, and building that report walked the
 * months as text past 9999-12 forever (the CLI grew to gigabytes; the app's service sat at 100% CPU).
 */
function legacyWorkspace(): TestWorkspace {
  const w = new TestWorkspace();
  const id = w.initiative('Support copilot');
  w.spend([
    { date: '2026-01-20', amount: '800.00', category: 'model_api', initiative: id },
    { date: '2026-02-20', amount: '900.00', category: 'model_api', initiative: id },
  ]);
  w.spend([{ date: '9999-12-15', amount: '50.00', category: 'compute' }], 'typo.csv');
  w.budget([{ month: '9999-12', amount: '10.00' }]);
  return w;
}

/** Labels a person or a page might send: anything, the label shape over every year, near misses. */
const LABELS = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9 }))
    .map(([y, q]) => `FY${String(y).padStart(4, '0')}-Q${q}`),
  fc
    .tuple(fc.integer({ min: 1985, max: 2105 }), fc.integer({ min: 1, max: 4 }))
    .map(([y, q]) => `FY${y}-Q${q}`),
  fc.constantFrom(
    'FY0000-Q1',
    'FY9999-Q4',
    'FY10000-Q1',
    'FY-001-Q1',
    'FY2026-Q3 ',
    'fy2026-q3',
    'FYNaN-QNaN',
  ),
);

function plausible(label: string): boolean {
  try {
    plausibleQuarter(label, 1, DEFAULT_YEAR_RANGE);
    return true;
  } catch (err) {
    if (err instanceof PeriodError) return false;
    throw err;
  }
}

describe('period labels and dates at the API', () => {
  let w: TestWorkspace;
  let service: Service;
  beforeAll(() => {
    w = legacyWorkspace();
    service = createService({ ws: w.ws, uploads: new UploadStore() });
  });
  afterAll(() => w.close());

  it('opens on the latest plausible quarter, not on FY9999-Q4, and its report notes the far lines', async () => {
    const info = await service.call('workspace.info', {});
    expect(info.ok).toBe(true);
    const { defaultPeriod, periods, totalSpendMicro } = (info as { result: WorkspaceInfo }).result;
    expect(defaultPeriod).toBe('FY2026-Q1');
    expect(periods).toEqual(['FY2026-Q1']);
    expect(totalSpendMicro).toBe(1_700_000_000);
    const report = await service.call('report.get', { period: defaultPeriod, explanations: false });
    expect(report.ok).toBe(true);
    if (report.ok)
      expect((report.result as { notes: string[] }).notes.join(' ')).toMatch(
        /1 spend lines \(9999-12\), 1 budget lines \(9999-12\) are dated outside the workspace's plausible range 1990–2100/,
      );
  });

  it('FY0000-Q1 and FY9999-Q4 are bad requests naming the period, not internal errors with NaN', async () => {
    for (const period of ['FY0000-Q1', 'FY9999-Q4']) {
      const r = await service.call('report.get', { period });
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message:
            'Invalid request for report.get: period: expected a fiscal quarter between FY1900 and FY2201',
          details: {
            issues: [{ path: ['period'], message: 'expected a fiscal quarter between FY1900 and FY2201' }],
          },
        },
      });
    }
    const outside = await service.call('spend.summary', { period: 'FY2101-Q1' });
    expect(outside).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: "FY2101-Q1 is outside the workspace's plausible range 1990–2100 (Settings)",
      },
    });
  });

  it('property: every method taking a period answers a plausible one and refuses anything else as BAD_REQUEST', async () => {
    const METHODS = [
      ['report.get', { explanations: false, initiativeKpis: false }],
      ['report.explanations', {}],
      ['spend.summary', {}],
      ['pack.preflight', {}],
      ['commentary.list', {}],
      ['commentary.set', { scope: 'risks', body: 'Fuzzed.' }],
    ] as const;
    await fc.assert(
      fc.asyncProperty(LABELS, fc.constantFrom(...METHODS), async (period, [method, extra]) => {
        const t = performance.now();
        const r = await service.call(method, { period, ...extra });
        expect(performance.now() - t).toBeLessThan(5000);
        if (r.ok) {
          expect(plausible(period), `${method} answered ${JSON.stringify(period)}`).toBe(true);
        } else {
          expect(r.error.code, `${method} ${JSON.stringify(period)}: ${r.error.message}`).toBe('BAD_REQUEST');
          expect(r.error.message).not.toMatch(/NaN|undefined/);
          expect(plausible(period)).toBe(false);
        }
      }),
      { numRuns: 250, seed: 14 },
    );
  });

  it('property: a pack date must be a calendar date in 1900–2200; anything else is refused before any export', async () => {
    const dates = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
    );
    const isReal = (d: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
      if (!m) return false;
      const date = new Date(0);
      date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return date.toISOString().slice(0, 10) === d && Number(m[1]) >= 1900 && Number(m[1]) <= 2200;
    };
    await fc.assert(
      fc.asyncProperty(
        dates.filter((d) => !isReal(d)),
        async (packDate) => {
          const r = await service.call('pack.export', { period: 'FY2026-Q1', packDate });
          expect(r.ok).toBe(false);
          if (!r.ok)
            expect(r.error.message).toMatch(
              /^Invalid request for pack\.export: packDate: expected a calendar date/,
            );
        },
      ),
      { numRuns: 200, seed: 14 },
    );
    expect(fs.existsSync(path.join(w.dir, 'Briefing packs'))).toBe(false);
  });

  it('the plausible range is a setting: whole years in 1900–2200, earliest not after latest', async () => {
    for (const patch of [
      { earliestYear: 1899 },
      { latestYear: 2201 },
      { earliestYear: 2000.5 },
      { earliestYear: 2050, latestYear: 2040 },
      { latestYear: 1980 }, // before the stored earliest year, 1990
    ]) {
      const r = await service.call('settings.update', { patch });
      expect(r.ok, JSON.stringify(patch)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_REQUEST');
        expect(r.error.message).toMatch(/earliestYear|latestYear|plausible year/);
      }
    }
    const narrowed = await service.call('settings.update', {
      patch: { earliestYear: 2026, latestYear: 2030 },
    });
    expect(narrowed.ok).toBe(true);
    try {
      const r = await service.call('report.get', { period: 'FY2031-Q1', explanations: false });
      expect(!r.ok && r.error.message).toBe(
        "FY2031-Q1 is outside the workspace's plausible range 2026–2030 (Settings)",
      );
      expect((await service.call('report.get', { period: 'FY2030-Q4', explanations: false })).ok).toBe(true);
    } finally {
      await service.call('settings.update', { patch: DEFAULT_YEAR_RANGE });
    }
  });
});

async function cliInProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

describe('period labels and dates at the CLI', () => {
  let w: TestWorkspace;
  let db: string;
  beforeAll(() => {
    w = legacyWorkspace();
    db = w.ws.file;
    w.ws.close();
  });
  afterAll(() => fs.rmSync(w.dir, { recursive: true, force: true }));

  /** The real CLI process, bounded: before the fix a far period never came back. */
  const cli = (...args: string[]) =>
    spawnSync(TSX, ['electron/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('report on the workspace with a 9999 line: the real quarter reports, FY9999-Q4 is refused at once', () => {
    const ok = cli('report', '--db', db, '--period', 'FY2026-Q1');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /Note: 1 spend lines \(9999-12\), 1 budget lines \(9999-12\) are dated outside/,
    );
    for (const period of ['FY9999-Q4', 'FY0000-Q1']) {
      const r = cli('report', '--db', db, '--period', period);
      expect(r.status, `${period}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(
        `--period: ${period} is outside the workspace's plausible range 1990–2100 (Settings)`,
      );
      expect(r.stderr).not.toMatch(/NaN|at .*\.ts/);
    }
  });

  it('pack refuses a far period or an impossible date before writing anything', () => {
    const out = path.join(w.dir, 'packs');
    const far = cli('pack', '--db', db, '--period', 'FY9999-Q4', '--out', out, '--xlsx');
    expect(far.status, far.stderr).toBe(2);
    expect(far.stderr).toContain("--period: FY9999-Q4 is outside the workspace's plausible range 1990–2100");
    const date = cli(
      'pack',
      '--db',
      db,
      '--period',
      'FY2026-Q1',
      '--out',
      out,
      '--xlsx',
      '--date',
      '2026-02-30',
    );
    expect(date.status, date.stderr).toBe(2);
    expect(date.stderr).toContain(
      '--date must be a calendar date YYYY-MM-DD (years 1900–2200), got "2026-02-30"',
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('property: report --period answers a plausible quarter (exit 0) and refuses anything else as usage (exit 2)', async () => {
    await fc.assert(
      fc.asyncProperty(LABELS, async (period) => {
        const r = await cliInProcess(['report', '--db', db, '--period', period, '--json']);
        const label = period.toUpperCase();
        if (plausible(label)) {
          expect(r.code, r.err).toBe(0);
          expect(JSON.parse(r.out).period).toBe(label);
        } else {
          expect(r.code, `${JSON.stringify(period)} → ${r.err}`).toBe(2);
          expect(r.err).toMatch(/^--period/);
          expect(r.err).not.toMatch(/NaN/);
        }
      }),
      { numRuns: 150, seed: 14 },
    );
  });
});
