import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { reportPeriods } from '../../../electron/report/buildReport';
import { commitImport } from '../../../electron/import/run';
import { updateSettings } from '../../../electron/store/settings';
import { parseDate } from '../../../shared/import/dates';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import type { ImportKind } from '../../../shared/import/mapping';
import { rejected, tempWorkspace, writeFile } from './helpers';

let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});
function open() {
  ws = tempWorkspace();
  return ws;
}

const RANGE = "is outside the workspace's plausible range 1990–2100 (Settings)";

/** Every kind with a date or period: a good row 2 and a row 3 dated outside 1990–2100. */
const CASES: { kind: ImportKind; csv: string; column: string; message: string; table: string }[] = [
  {
    kind: 'spend',
    csv: 'Date,Amount,Vendor\n2026-03-01,100.00,OpenAI\n9999-12-15,50.00,OpenAI\n',
    column: 'Date',
    message: `date 9999-12-15 ${RANGE}`,
    table: 'spend',
  },
  {
    kind: 'budget',
    csv: 'Month,Budget\n2026-03,1000\n9999-12,5\n',
    column: 'Month',
    message: `month 9999-12 ${RANGE}`,
    table: 'budget',
  },
  {
    kind: 'benefits',
    csv: 'Date,Initiative,Benefit\n2026-03-31,Copilot,100\nFY9999-Q4,Copilot,5\n',
    column: 'Date',
    message: `date 9999-10-01 ${RANGE}`,
    table: 'benefits',
  },
  {
    kind: 'kpis',
    csv: 'KPI,Period,Value\nsupport_deflection,2026-03,0.5\nsupport_deflection,1899-12,0.4\n',
    column: 'Period',
    message: `month 1899-12 ${RANGE}`,
    table: 'kpi_observations',
  },
  {
    kind: 'kpis',
    // Wide: the value under a far month's column is the problem (row 2 has none there).
    csv: 'KPI,Initiative,2026-03,9999-12\nsupport_deflection,,0.5,\nsupport_deflection,,0.4,0.3\n',
    column: '9999-12',
    message: `month 9999-12 ${RANGE}`,
    table: 'kpi_observations',
  },
  {
    kind: 'initiatives',
    csv: 'Name,Approval date,Go-live date\nCopilot,2026-01-10,\nTriage bot,2026-01-10,0202-06-01\n',
    column: 'Go-live date',
    message: `date 0202-06-01 ${RANGE}`,
    table: 'initiatives',
  },
  {
    kind: 'fx',
    csv: 'Month,Currency,Rate\n2026-03,EUR,1.08\n9999-12,EUR,1.10\n',
    column: 'Month',
    message: `month 9999-12 ${RANGE}`,
    table: 'fx_rates',
  },
];

describe('far dates are read as written, so the range check sees the real year', () => {
  it('years 0–99 stay years 0–99 (Date.UTC reads them as 1900–1999), and no date past 9999 is made up', () => {
    expect(parseDate('0000-02-29', 'ymd')).toBe('0000-02-29');
    expect(parseDate('0001-01-01T01:00:00-05:00', 'ymd')).toBe('0001-01-01');
    expect(parseDate('0050-03-01T01:00:00+05:00', 'ymd')).toBe('0050-02-28');
    // 23:00 −05:00 on 31 Dec 9999 is in the year 10000, whose ISO text is "+010000-01-01".
    expect(() => parseDate('9999-12-31T23:00:00-05:00', 'ymd')).toThrow('not a date in the years 0000–9999');
  });
});

describe('dates outside the plausible range are row problems, for every kind', () => {
  it.each(CASES.map((c) => [`${c.kind} (${c.column})`, c] as const))(
    '%s: the file is refused naming row 3 and the column; with skipInvalid the row is left out',
    async (_name, c) => {
      const w = open();
      const file = writeFile(w.dir, `${c.kind}.csv`, c.csv);
      const count = () => w.db.prepare(`SELECT count(*) FROM ${c.table}`).pluck().get() as number;
      const err = await rejected(commitImport(w.db, { path: file, name: 'in.csv', as: c.kind }));
      expect(err.problems.filter((p) => p.severity === 'error')).toEqual([
        expect.objectContaining({ row: 3, column: c.column, message: c.message }),
      ]);
      expect(err.message).toContain(`row 3, column "${c.column}"`);
      expect(count()).toBe(0);
      const s = await commitImport(w.db, { path: file, name: 'in.csv', as: c.kind, skipInvalid: true });
      expect(s).toMatchObject({ rows: 1, excluded: 1 });
      expect(s.problems).toEqual([expect.objectContaining({ row: 3, column: c.column, message: c.message })]);
      expect(count()).toBe(1);
    },
  );

  it('the range is the workspace setting: narrowed, a 2019 date is refused; the default quarter stays inside', async () => {
    const w = open();
    updateSettings(w.db, { earliestYear: 2020, latestYear: 2030 });
    const file = writeFile(w.dir, 'spend.csv', 'Date,Amount\n2019-12-31,5\n2026-01-15,10\n2030-12-31,7\n');
    const err = await rejected(commitImport(w.db, { path: file, name: 'spend.csv', as: 'spend' }));
    expect(err.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'Date', "date 2019-12-31 is outside the workspace's plausible range 2020–2030 (Settings)"],
    ]);
    updateSettings(w.db, { earliestYear: 2019 });
    expect((await commitImport(w.db, { path: file, name: 'spend.csv', as: 'spend' })).rows).toBe(3);
    expect(reportPeriods(w.db).defaultPeriod).toBe('FY2030-Q4');
  });

  it('property: a spend file imports exactly its rows dated in 1990–2100, and names every other one', async () => {
    const w = open();
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const year = fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1985, max: 1995 }),
      fc.integer({ min: 2095, max: 2105 }),
      fc.constant(9999),
    );
    const date = fc
      .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.nat(3))
      .map(([y, m, d, form]) => {
        const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
        // The same date as ISO text, US order, an offset timestamp late in the day, or a month label.
        const text = [iso, `${pad(m)}/${pad(d)}/${pad(y, 4)}`, `${iso}T23:00:00-05:00`, iso][form]!;
        return { text, year: y };
      });
    // 31 Dec 9999 at 23:00 −05:00 is in the year 10000: refused too, naming its row.
    const dates = fc.array(
      fc.oneof(
        { weight: 20, arbitrary: date },
        fc.constant({ text: '9999-12-31T23:00:00-05:00', year: 10000 }),
      ),
      {
        minLength: 1,
        maxLength: 12,
      },
    );
    let n = 0;
    const seen = { mixed: 0, allRefused: 0 };
    await fc.assert(
      fc.asyncProperty(dates, async (dates) => {
        const lines = dates.map((d, i) => `${d.text},${i + 1}.00`);
        const file = writeFile(w.dir, `p${n++}.csv`, `Date,Amount\n${lines.join('\n')}\n`);
        const s = await commitImport(w.db, {
          path: file,
          name: 'p.csv',
          as: 'spend',
          skipInvalid: true,
          allowDuplicate: true,
          mapping: { kind: 'spend', columns: { date: 'Date', amount: 'Amount' }, dateOrder: 'mdy' },
        }).catch((err: unknown) => err as Error);
        const inRange = (d: (typeof dates)[number]) => d.year >= 1990 && d.year <= 2100;
        const expected = dates.map((d, i) => (inRange(d) ? null : i + 2)).filter((r) => r !== null);
        if (s instanceof Error) {
          // Every row refused: nothing to store, which an import with skipInvalid still refuses.
          expect(expected).toHaveLength(dates.length);
          seen.allRefused++;
          return;
        }
        if (expected.length > 0) seen.mixed++;
        expect(s.rows).toBe(dates.length - expected.length);
        expect(s.problems.map((p) => p.row)).toEqual(expected);
        for (const p of s.problems) {
          expect(p.column).toBe('Date');
          expect(p.message).toMatch(
            /is outside the workspace's plausible range 1990–2100 \(Settings\)$|years 0000–9999/,
          );
        }
      }),
      { numRuns: 40, seed: 14 },
    );
    expect(seen.mixed).toBeGreaterThan(10);
    expect(seen.allRefused).toBeGreaterThan(0);
    const stored = w.db
      .prepare("SELECT count(*) FROM spend WHERE date < '1990' OR date > '2101'")
      .pluck()
      .get();
    expect(stored).toBe(0);
    expect(reportPeriods(w.db).periods.every((p) => p >= 'FY1990' && p <= 'FY2101')).toBe(true);
  });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

describe('CLI import of a line dated 9999-12-15', () => {
  it('is refused naming row and column; --skip-invalid leaves that row out', async () => {
    const w = open();
    const db = w.file;
    const file = writeFile(
      w.dir,
      'spend.csv',
      'date,amount,vendor\n2026-03-01,100.00,OpenAI\n9999-12-15,50.00,OpenAI\n',
    );
    w.close();
    ws = null;
    const refused = await cli(['import', file, '--db', db, '--as', 'spend']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`row 3, column "date" ("9999-12-15"): date 9999-12-15 ${RANGE}`);
    const skipped = await cli(['import', file, '--db', db, '--as', 'spend', '--skip-invalid', '--json']);
    expect(skipped.code, skipped.err).toBe(0);
    expect(JSON.parse(skipped.out)).toMatchObject({
      rows: 1,
      excluded: 1,
      total: 100,
      problems: [{ row: 3, column: 'date', message: `date 9999-12-15 ${RANGE}` }],
    });
    const report = await cli(['report', '--db', db, '--period', 'FY2026-Q1', '--json']);
    expect(report.code, report.err).toBe(0);
  });
});
