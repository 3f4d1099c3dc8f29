import crypto from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDir } from '../../helpers/tempWorkspace';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dir = tempDir('caio-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(TSX, ['electron/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('CLI', () => {
  it('init creates an empty workspace with the chosen currency and fiscal start', () => {
    const db = path.join(dir, 'empty.sqlite');
    const r = cli('init', '--db', db, '--currency', 'eur', '--fiscal-start', '7');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Workspace ready');
    const batches = cli('batches', '--db', db, '--json');
    expect(JSON.parse(batches.stdout)).toEqual([]);
  });

  it('demo fills a workspace and batches lists its provenance as JSON', () => {
    const db = path.join(dir, 'demo.sqlite');
    const r = cli('demo', '--db', db);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/9 initiatives, \d+ spend lines/);
    const out = execFileSync(TSX, ['electron/cli/main.ts', 'batches', '--db', db, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const batches = JSON.parse(out) as {
      kind: string;
      fileSha256: string;
      rows: number;
      total: number | null;
    }[];
    expect(batches.map((b) => b.kind).sort()).toEqual([
      'benefits',
      'budget',
      'commitments',
      'initiatives',
      'kpis',
      'spend',
    ]);
    expect(batches.every((b) => /^[0-9a-f]{64}$/.test(b.fileSha256))).toBe(true);
    // No file behind a demo batch: each SHA-256 is its own rows' fingerprint, so no two are alike, and it
    // is recomputed here from the workspace alone.
    expect(new Set(batches.map((b) => b.fileSha256)).size).toBe(batches.length);
    const w = openWorkspace(db, { readonly: true });
    const table = {
      spend: 'spend',
      budget: 'budget',
      benefits: 'benefits',
      kpis: 'kpi_observations',
      initiatives: 'initiatives',
      commitments: 'commitments',
    };
    for (const b of batches as unknown as { id: number; kind: keyof typeof table; fileSha256: string }[]) {
      const hash = crypto.createHash('sha256').update('caio-demo-v1\n');
      for (const row of w.db
        .prepare(`SELECT * FROM ${table[b.kind]} WHERE batch_id = ? ORDER BY id`)
        .raw()
        .iterate(b.id))
        hash.update(`${JSON.stringify(row)}\n`);
      expect(b.fileSha256, b.kind).toBe(hash.digest('hex'));
    }
    w.close();
    // A second demo into the same file is refused instead of doubling the data.
    const again = cli('demo', '--db', db);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('empty workspace');
  });

  it('gives clear usage errors and a non-zero exit', () => {
    const unknown = cli('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const missing = cli('init');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--db is required');
    const badFlag = cli('batches', '--db', 'x.sqlite', '--jsn');
    expect(badFlag.stderr).toContain('Unknown option --jsn');
    const badMonth = cli('init', '--db', path.join(dir, 'm.sqlite'), '--fiscal-start', '13');
    expect(badMonth.stderr).toContain('--fiscal-start must be a month number 1–12');
    const notFound = cli('batches', '--db', path.join(dir, 'nope.sqlite'));
    expect(notFound.status).toBe(1);
    expect(notFound.stderr).toContain('Workspace file not found');
  });

  it('the installed `caio-scorecard` bin runs the same CLI from any folder', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/caio-scorecard.mjs'), 'batches', '--db', path.join(dir, 'demo.sqlite'), '--json'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(6);
    const bad = spawnSync(process.execPath, [path.join(ROOT, 'bin/caio-scorecard.mjs'), 'nope'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
  });

  it('undo removes a batch and reports it', () => {
    const db = path.join(dir, 'undo.sqlite');
    expect(cli('demo', '--db', db).status).toBe(0);
    const r = cli('undo', '2', '--db', db);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Batch #2 \(Demo data: spend\) undone/);
    const list = JSON.parse(cli('batches', '--db', db, '--json').stdout) as { id: number; status: string }[];
    expect(list.find((b) => b.id === 2)?.status).toBe('undone');
  });
});
