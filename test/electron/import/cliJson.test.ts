/**
 * `import --json` as a program sees it: the real CLI process, stdout parsed as JSON. A refusal prints
 * exactly one object, {"error": {"message", "problems": [{row, column, message, code, …}]}}, and exits
 * non-zero, whatever refused it; a success prints the summary with rows (records) and sourceRows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initWorkspace, openWorkspace } from '../../../electron/store/workspace';
import { tempDir } from '../../helpers/tempWorkspace';
import { sample } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const dir = tempDir('caio-cli-json-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface JsonProblem {
  row: number | null;
  column: string | null;
  message: string;
  code: string;
}

/** The CLI as one node process with tsx's loader (no wrapper process: quicker to start). */
function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

function workspace(name: string, currency = 'USD'): string {
  const file = path.join(dir, `${name}.sqlite`);
  initWorkspace(file, { currency }).close();
  return file;
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** The one JSON object a refused import prints, checked for its shape; non-zero exit. */
function refusal(r: ReturnType<typeof cli>): { message: string; problems: JsonProblem[] } {
  expect(r.status, r.stderr).not.toBe(0);
  const parsed = JSON.parse(r.stdout) as { error: { message: string; problems: JsonProblem[] } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(typeof parsed.error.message).toBe('string');
  expect(parsed.error.message).not.toContain('\n');
  for (const p of parsed.error.problems) {
    expect(p).toEqual(
      expect.objectContaining({
        row: p.row === null ? null : expect.any(Number),
        column: p.column === null ? null : expect.any(String),
        message: expect.any(String),
        code: expect.stringMatching(/^[a-z-]+$/),
      }),
    );
  }
  expect(r.stderr).toMatch(/\S/); // people still read the reason on stderr
  return parsed.error;
}

const codes = (e: { problems: JsonProblem[] }) => e.problems.map((p) => p.code);

describe('import --json when the import is refused', () => {
  it('an unreadable file (empty, a PDF): unreadable-file', () => {
    const db = workspace('unreadable');
    const empty = refusal(cli('import', file('empty.csv', ''), '--db', db, '--json'));
    expect(empty.message).toMatch(/empty\.csv: the file is empty/);
    expect(codes(empty)).toEqual(['unreadable-file']);
    const pdf = refusal(cli('import', file('x.csv', '%PDF-1.7\n...'), '--db', db, '--json'));
    expect(codes(pdf)).toEqual(['unreadable-file']);
    expect(pdf.problems[0]!.message).toMatch(/PDF/);
  });

  it('an export we recognise but do not import: unsupported-format; a table we cannot tell: unknown-kind', () => {
    const db = workspace('unsupported');
    const tokens = file(
      'tokens.csv',
      'usage_date_utc,model,usage_input_tokens_no_cache,usage_output_tokens\n2026-02-01,m,10,20\n',
    );
    const u = refusal(cli('import', tokens, '--db', db, '--json'));
    expect(codes(u)).toEqual(['unsupported-format']);
    const odd = file('odd.csv', 'Foo,Bar\nx,y\n');
    expect(codes(refusal(cli('import', odd, '--db', db, '--json')))).toEqual(['unknown-kind']);
  });

  it('invalid rows: each problem by row and column; nothing written', () => {
    const db = workspace('invalid');
    const bad = file('bad.csv', 'Date,Amount\n2026-01-05,1.00\n2026-01-06,ten\nnot a date,2.00\n');
    const e = refusal(cli('import', bad, '--db', db, '--json'));
    expect(e.message).toBe('bad.csv: rejected, nothing was imported (2 problems)');
    expect(e.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'Amount', 'invalid-value'],
      [4, 'Date', 'invalid-value'],
    ]);
    const w = openWorkspace(db, { readonly: true });
    expect(w.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    w.close();
  });

  it('a required field not mapped: one problem naming it (and the dry run says the same)', () => {
    const db = workspace('unmapped');
    const f = file('kosten.csv', 'Date,Kosten\n2026-01-05,1\n2026-01-06,2\n');
    const mapping = file('m.json', JSON.stringify({ kind: 'spend', columns: { date: 'Date' } }));
    const e = refusal(cli('import', f, '--db', db, '--mapping', mapping, '--json'));
    expect(codes(e)).toEqual(['unmapped-required']);
    expect(e.problems[0]!.message).toMatch(/"Amount".*"Kosten" \("1", "2"\)/);
    const dry = refusal(cli('import', f, '--db', db, '--mapping', mapping, '--json', '--dry-run'));
    expect(dry.message).toMatch(/would be rejected/);
    expect(dry.problems).toEqual(e.problems);
  });

  it('the same file again: duplicate-file, on commit and on a dry run', () => {
    const db = workspace('duplicate');
    const f = file('dup.csv', 'Date,Amount\n2026-01-05,1.00\n');
    const first = cli('import', f, '--db', db, '--json');
    expect(first.status, first.stderr).toBe(0);
    const again = refusal(cli('import', f, '--db', db, '--json'));
    expect(codes(again)).toEqual(['duplicate-file']);
    expect(again.problems[0]!.message).toMatch(/already imported as batch #1/);
    expect(codes(refusal(cli('import', f, '--db', db, '--json', '--dry-run')))).toEqual(['duplicate-file']);
  });

  it('a busy workspace: busy', () => {
    const db = workspace('busy');
    const holder = openWorkspace(db, { lock: 'hold', holder: 'a test holding it' });
    try {
      const e = refusal(cli('import', file('b.csv', 'Date,Amount\n2026-01-05,1\n'), '--db', db, '--json'));
      expect(codes(e)).toEqual(['busy']);
      expect(e.message).toMatch(/a test holding it/);
    } finally {
      holder.close();
    }
  });

  it('amounts in another currency without a rate for their months: missing-fx-rate naming them; with the rates imported (--as fx) it goes through', () => {
    const db = workspace('fx', 'EUR');
    const usd = file('usd.csv', 'Date,Amount,Currency\n2026-03-05,10.00,USD\n2026-04-05,20.00,USD\n');
    const e = refusal(cli('import', usd, '--db', db, '--json'));
    expect(e.problems).toEqual([
      expect.objectContaining({
        row: null,
        column: null,
        code: 'missing-fx-rate',
        message: expect.stringMatching(
          /^no USD rate for 2026-03, 2026-04: add them in Settings › Exchange rates or import a rates file/,
        ),
      }),
    ]);
    const rates = file('rates.csv', 'Month,Currency,Rate\n2026-03,USD,0.92\n2026-04,USD,0.9\n');
    const r = cli('import', rates, '--db', db, '--as', 'fx', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'fx', rows: 2, sourceRows: 2 });
    const ok = cli('import', usd, '--db', db, '--json');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ rows: 2, total: 30, currency: 'USD', notes: [] });
  });

  it('a "$" the workspace (EUR) cannot decide: ambiguous-currency, one problem for all its rows', () => {
    const db = workspace('dollar', 'EUR');
    const f = file('dollar.csv', 'Date,Amount\n2026-03-05,$10.00\n2026-03-06,$20.00\n2026-03-07,$30.00\n');
    const e = refusal(cli('import', f, '--db', db, '--json'));
    expect(e.problems.map((p) => [p.code, p.column])).toEqual([['ambiguous-currency', 'Amount']]);
    expect(e.problems[0]!.message).toMatch(/"\$" \(3 rows, from row 2 to 4\) could be USD, CAD/);
  });

  it('a wrong command line: usage (exit 2), still one JSON object', () => {
    const db = workspace('usage');
    const e = refusal(
      cli('import', file('u.csv', 'Date,Amount\n'), '--db', db, '--json', '--as', 'nonsense'),
    );
    expect(codes(e)).toEqual(['usage']);
    const r = cli('import', file('u2.csv', 'Date,Amount\n'), '--db', db, '--json', '--no-such-flag');
    expect(r.status).toBe(2);
    expect(codes(refusal(r))).toEqual(['usage']);
  });
});

describe('import --json on success', () => {
  it('rows counts the records stored, sourceRows the data rows read (wide KPI sheet)', () => {
    const db = workspace('wide');
    const f = file(
      'wide.csv',
      'KPI,Jan 2026,Feb 2026,Mar 2026\nincident_count,1,2,3\nsupport_deflection,10%,,12%\n',
    );
    const r = cli('import', f, '--db', db, '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'kpis', rows: 5, sourceRows: 2, excluded: 0 });
  });

  it('a vendor export: one record per row', () => {
    const db = workspace('focus');
    const r = cli('import', sample('focus/focus_1.0_sample_1000rows.csv'), '--db', db, '--json', '--dry-run');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ batch: null, rows: 1000, sourceRows: 1000 });
  });
});
