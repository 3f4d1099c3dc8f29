import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProgressText, terminalProgress } from '../../../electron/cli/progress';
import { tempDir } from '../../helpers/tempWorkspace';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/caio-scorecard.mjs');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const dir = tempDir('caio-bin-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bin = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });

/** Runs the bin on a pseudo-terminal (util-linux `script`): stdout and stderr both arrive in its output. */
function binOnTerminal(...args: string[]): string {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return execFileSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8' });
}

/** A spend CSV over 2 MB: the import reads it in its worker thread (the bundled import-worker.cjs). */
function bigCsv(rows: number): { file: string; totalCents: bigint } {
  const file = path.join(dir, 'big.csv');
  let total = 0n;
  const lines = ['Date,Amount,Vendor,Description'];
  for (let i = 0; i < rows; i++) {
    const cents = BigInt((i * 7919) % 100_000);
    total += cents;
    lines.push(
      `2026-0${1 + (i % 6)}-1${i % 9},${cents / 100n}.${String(cents % 100n).padStart(2, '0')},OpenAI,Line ${i}`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, totalCents: total };
}

beforeAll(() => {
  // The bundle as `npm install` (prepare) leaves it, rebuilt here only if a source changed since.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], {
    cwd: ROOT,
    stdio: 'ignore',
  });
}, 240_000);

describe('the bundled CLI (bin/caio-scorecard.mjs → dist/electron/cli.cjs, no tsx)', () => {
  it('--version and help answer; an unknown command exits 2', () => {
    const v = bin('--version');
    expect(v.status).toBe(0);
    expect(v.stdout).toBe(`${VERSION}\n`);
    const help = bin('help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`caio-scorecard ${VERSION}`);
    for (const c of ['init', 'demo', 'import', 'report', 'pack', 'backup', 'restore', '--version'])
      expect(help.stdout).toContain(c);
    expect(bin('nope').status).toBe(2);
  });

  it('runs an import through its bundled worker thread, the total exact', () => {
    const db = path.join(dir, 'bundle.sqlite');
    expect(bin('init', '--db', db).status).toBe(0);
    const { file, totalCents } = bigCsv(70_000);
    expect(fs.statSync(file).size).toBeGreaterThan(2_000_000);
    const r = bin('import', file, '--db', db, '--as', 'spend', '--json');
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { rows: number; total: number };
    expect(summary.rows).toBe(70_000);
    expect(Math.round(summary.total * 100)).toBe(Number(totalCents));
    // Not a terminal: no progress on stderr.
    expect(r.stderr).not.toContain('importing');
  });

  it('shows import progress on a terminal, and none with --json', () => {
    const db = path.join(dir, 'tty.sqlite');
    expect(bin('init', '--db', db).status).toBe(0);
    const { file } = bigCsv(70_000);
    const shown = binOnTerminal('import', file, '--db', db, '--as', 'spend', '--dry-run');
    expect(shown).toContain('\r\x1b[2Kimporting big.csv: ');
    expect(shown).toMatch(/importing big\.csv: [\d,]+ rows, [\d.]+ of [\d.]+ MB \(\d+%\)/);
    const json = binOnTerminal('import', file, '--db', db, '--as', 'spend', '--dry-run', '--json');
    expect(json).not.toContain('importing big.csv');
    expect(json).not.toContain('\x1b[2K');
    expect(JSON.parse(json.replace(/\r\n/g, '\n')) as { rows: number }).toMatchObject({ rows: 70_000 });
  });
});

describe('pack progress on a terminal', () => {
  it('names each stage of a pack export on stderr, and nothing with --json', () => {
    const db = path.join(dir, 'packs.sqlite');
    expect(bin('demo', '--db', db).status).toBe(0);
    // The deck alone: no Chromium needed, the same stages are reported.
    const out = path.join(dir, 'deck');
    const pack = [
      'pack',
      '--db',
      db,
      '--period',
      'FY2026-Q3',
      '--out',
      out,
      '--pptx',
      '--allow-uncommented-red',
    ];
    const shown = binOnTerminal(...pack);
    expect(shown).toContain('\r\x1b[2KFY2026-Q3 pack: reading the figures…');
    expect(shown).toContain('Wrote ');
    const json = binOnTerminal(...pack, '--json');
    expect(json).not.toContain('pack: reading the figures');
    expect(json).not.toContain('\x1b[2K');
    expect((JSON.parse(json.replace(/\r\n/g, '\n')) as { files: unknown[] }).files).toHaveLength(1);
  });
});

describe('terminal progress', () => {
  it('writes in place at most every 100 ms and clears its line; nothing when not a terminal', () => {
    const written: string[] = [];
    let t = 0;
    const p = terminalProgress({ isTTY: true, columns: 40, write: (s: string) => written.push(s) }, () => t)!;
    p.update('first');
    t = 50;
    p.update('skipped: too soon');
    t = 150;
    p.update('a line longer than the forty columns of this terminal');
    p.done();
    expect(written).toEqual([
      '\r\x1b[2Kfirst',
      '\r\x1b[2Ka line longer than the forty columns o…',
      '\r\x1b[2K',
    ]);
    expect(terminalProgress({ isTTY: false, write: () => undefined })).toBeUndefined();
    expect(importProgressText('f.csv', { rows: 412_000, bytes: 38_200_000, totalBytes: 91_700_000 })).toBe(
      'importing f.csv: 412,000 rows, 38.2 of 91.7 MB (41%)',
    );
  });
});
