import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ImportRejected } from '../../../shared/import/errors';
import { initWorkspace, type WritableWorkspace } from '../../../electron/store/workspace';
import { parseCsvIndependently } from '../../helpers/csv';

export const SAMPLES = path.resolve(__dirname, '../../../../shared/samples');
export const sample = (rel: string): string => path.join(SAMPLES, rel);

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'caio-import-test-'));
}

export function tempWorkspace(
  init: { currency?: string; fiscalStartMonth?: number } = {},
): WritableWorkspace & { dir: string } {
  const dir = tempDir();
  const ws = initWorkspace(path.join(dir, 'ws.sqlite'), init);
  return Object.assign(ws, { dir });
}

export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

export { parseCsvIndependently };

const SCALE = 40n;

/** Exact value of decimal text (`-0.00000080000`, `1.81E-8`) × 10^40 as a BigInt; null for blanks/NULL. */
function scaled(text: string): bigint | null {
  const t = text.trim();
  if (t === '' || t === 'NULL' || t === '--') return null;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m) throw new Error(`not decimal text: ${t}`);
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0);
  const digits = BigInt((m[2] ?? '') + frac || '0');
  const shift = SCALE + BigInt(exp) - BigInt(frac.length);
  if (shift < 0n) throw new Error('test scale too small');
  const v = digits * 10n ** shift;
  return m[1] === '-' ? -v : v;
}

/** The exact sum of a column's decimal text, rounded to cents half away from zero, as "123.45". */
export function independentCentsSum(values: string[]): string {
  let sum = 0n;
  for (const v of values) sum += scaled(v) ?? 0n;
  const unit = 10n ** (SCALE - 2n);
  const neg = sum < 0n;
  const abs = neg ? -sum : sum;
  let cents = abs / unit;
  if ((abs % unit) * 2n >= unit) cents += 1n;
  return `${neg && cents > 0n ? '-' : ''}${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** One value's micro-units, rounded half away from zero from its exact decimal text; 0n for blanks/NULL. */
export function independentMicro(value: string): bigint {
  const v = scaled(value) ?? 0n;
  const unit = 10n ** (SCALE - 6n);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let micro = abs / unit;
  if ((abs % unit) * 2n >= unit) micro += 1n;
  return neg ? -micro : micro;
}

/** The sum of each value rounded to micro-units first, as the importer stores lines (exact, BigInt). */
export function independentMicroSum(values: string[]): bigint {
  return values.reduce((sum, v) => sum + independentMicro(v), 0n);
}

export function csvColumn(file: string, header: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows = parseCsvIndependently(text).filter((r) => r.length > 1);
  const idx = rows[0]!.indexOf(header);
  if (idx === -1) throw new Error(`no column ${header}`);
  return rows.slice(1).map((r) => r[idx]!);
}

/** The ImportRejected an import ends with (fails the test if it succeeds or fails otherwise). */
export async function rejected(p: Promise<unknown>): Promise<ImportRejected> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportRejected);
    return err as ImportRejected;
  }
  throw new Error('expected the import to be refused');
}
