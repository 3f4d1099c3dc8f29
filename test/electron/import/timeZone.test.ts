import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { commitImport, previewImport } from '../../../electron/import/run';
import { updateSettings } from '../../../electron/store/settings';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { parseDate } from '../../../shared/import/dates';
import { ImportMappingSchema } from '../../../shared/import/mapping';
import { dateOfInstantIn, isTimeZone } from '../../../shared/import/timeZone';
import { tempWorkspace, writeFile } from './helpers';

/** The zone's calendar date of an instant, asked of Intl directly (no caching): the reference. */
function intlDate(zone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const ZONES = [
  'UTC',
  'America/New_York',
  'America/St_Johns', // -3:30, and moves at 2:00 local = xx:30 UTC
  'Asia/Kolkata', // +5:30
  'Asia/Kathmandu', // +5:45
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Apia', // skipped 2011-12-30 entirely
  'Europe/Berlin',
  'America/Los_Angeles',
];

describe('time zone of timestamps', () => {
  it('the date of an instant in a zone, at the edges of the day and around DST changes', () => {
    const ny = dateOfInstantIn('America/New_York');
    expect(ny(Date.UTC(2026, 2, 31, 3, 59))).toBe('2026-03-30'); // 23:59 EDT
    expect(ny(Date.UTC(2026, 2, 31, 4, 0))).toBe('2026-03-31');
    expect(ny(Date.UTC(2026, 0, 15, 4, 59))).toBe('2026-01-14'); // 23:59 EST
    expect(ny(Date.UTC(2026, 0, 15, 5, 0))).toBe('2026-01-15');
    const stJohns = dateOfInstantIn('America/St_Johns');
    expect(stJohns(Date.UTC(2026, 2, 8, 3, 29))).toBe('2026-03-07'); // 23:59 NST
    expect(stJohns(Date.UTC(2026, 2, 8, 3, 30))).toBe('2026-03-08');
    const kolkata = dateOfInstantIn('Asia/Kolkata');
    expect(kolkata(Date.UTC(2026, 2, 31, 18, 29, 59))).toBe('2026-03-31');
    expect(kolkata(Date.UTC(2026, 2, 31, 18, 30))).toBe('2026-04-01');
    expect(dateOfInstantIn(null)(Date.UTC(2026, 2, 31, 23, 59))).toBe('2026-03-31');
  });

  it('property: the cached lookup agrees with Intl for any instant 1971–2100 in zones with odd offsets', () => {
    const dateOf = new Map(ZONES.map((z) => [z, dateOfInstantIn(z)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, ms) => dateOf.get(zone)!(ms) === intlDate(zone, ms),
      ),
      { numRuns: 20_000 },
    );
  });

  it('instants move to the zone; dates and times written without a zone stay as written', () => {
    const ny = dateOfInstantIn('America/New_York');
    expect(parseDate('2026-04-01T01:30:00Z', 'mdy', ny)).toBe('2026-03-31');
    expect(parseDate('2026-03-31T23:30:00-02:00', 'mdy', ny)).toBe('2026-03-31');
    expect(parseDate('2026-03-31T23:30:00-02:00', 'mdy')).toBe('2026-04-01'); // UTC by default
    expect(parseDate('1770854400', 'mdy', ny)).toBe('2026-02-11'); // unix seconds: 2026-02-12T00:00Z
    expect(parseDate(1770854400000, 'mdy', ny)).toBe('2026-02-11'); // unix milliseconds
    expect(parseDate('2024-09-18 22:00:00', 'mdy', ny)).toBe('2024-09-18'); // wall clock, no zone
    expect(parseDate('03/31/2026 11:30 PM', 'mdy', ny)).toBe('2026-03-31');
    expect(parseDate('45566', 'mdy', dateOfInstantIn('Asia/Tokyo'))).toBe('2024-10-01'); // Excel serial
  });

  it('mappings and settings accept IANA names only', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(ImportMappingSchema.parse({ kind: 'spend' }).timeZone).toBeNull();
    const bad = ImportMappingSchema.safeParse({ kind: 'spend', timeZone: 'Mars/Olympus_Mons' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/IANA name such as Europe\/Berlin/);
  });
});

describe('importing timestamps in a time zone', () => {
  let ws: (WritableWorkspace & { dir: string }) | null = null;
  afterEach(() => {
    ws?.close();
    ws = null;
  });

  // Usage exports stamp each line in UTC; late-evening New York usage is next day in UTC.
  const CSV =
    'Timestamp,Amount,Initiative\n' +
    '2026-03-31T23:30:00Z,10.00,Copilot\n' + // 19:30 in New York: still March
    '2026-04-01T03:59:59Z,20.00,Copilot\n' + // 23:59 in New York: still March
    '2026-04-01T04:00:00Z,30.00,Copilot\n'; // midnight in New York: April

  const stored = (w: WritableWorkspace, batch: number) =>
    w.db.prepare('SELECT date FROM spend WHERE batch_id = ? ORDER BY source_row').pluck().all(batch);
  const monthly = (w: WritableWorkspace) =>
    w.db
      .prepare('SELECT month, SUM(amount_micro) AS micro FROM spend_monthly GROUP BY month ORDER BY month')
      .all();

  it('UTC unless told otherwise; a mapping time zone moves the dates, the rollup and the preview', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'usage.csv', CSV);
    const utc = await previewImport(ws.db, { path: file, name: 'usage.csv' });
    expect(utc.timeZone).toBe('UTC');
    expect(utc.dateRange).toEqual({ from: '2026-03-31', to: '2026-04-01' });

    const mapping = { ...utc.mapping!, timeZone: 'America/New_York' };
    const ny = await previewImport(ws.db, { path: file, name: 'usage.csv', mapping });
    expect(ny.timeZone).toBe('America/New_York');
    expect(ny.sample.map((r) => (r.kind === 'spend' ? r.date : null))).toEqual([
      '2026-03-31',
      '2026-03-31',
      '2026-04-01',
    ]);
    const s = await commitImport(ws.db, { path: file, name: 'usage.csv', mapping });
    expect(stored(ws, s.batch!)).toEqual(['2026-03-31', '2026-03-31', '2026-04-01']);
    expect(monthly(ws)).toEqual([
      { month: '2026-03', micro: 30_000_000 },
      { month: '2026-04', micro: 30_000_000 },
    ]);
  });

  it("the workspace's import time zone is the default; the mapping's wins over it", async () => {
    ws = tempWorkspace();
    updateSettings(ws.db, { importTimeZone: 'America/New_York' });
    const file = writeFile(ws.dir, 'usage.csv', CSV);
    const p = await previewImport(ws.db, { path: file, name: 'usage.csv' });
    expect(p.timeZone).toBe('America/New_York');
    expect(p.dateRange).toEqual({ from: '2026-03-31', to: '2026-04-01' });
    expect(p.sample.filter((r) => r.kind === 'spend' && r.date === '2026-03-31')).toHaveLength(2);
    const tokyo = await previewImport(ws.db, {
      path: file,
      name: 'usage.csv',
      mapping: { ...p.mapping!, timeZone: 'Asia/Tokyo' },
    });
    expect(tokyo.timeZone).toBe('Asia/Tokyo');
    expect(tokyo.dateRange).toEqual({ from: '2026-04-01', to: '2026-04-01' });
  });

  it('CLI --time-zone, and a clear usage error for a name that is not a zone', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'usage.csv', CSV);
    const db = ws.file;
    ws.close();
    ws = null;
    const io = () => {
      const o = { out: '', err: '' };
      return Object.assign(o, {
        io: { out: (t: string) => void (o.out += `${t}\n`), err: (t: string) => void (o.err += `${t}\n`) },
      });
    };
    const bad = io();
    expect(await runCli(['import', file, '--db', db, '--time-zone', 'Eastern'], bad.io)).toBe(2);
    expect(bad.err).toMatch(/--time-zone must be an IANA time zone such as Europe\/Berlin; got "Eastern"/);
    const dry = io();
    expect(
      await runCli(['import', file, '--db', db, '--time-zone', 'America/New_York', '--dry-run'], dry.io),
    ).toBe(0);
    expect(dry.out).toMatch(/dates: 2026-03-31 to 2026-04-01 \(timestamps as dates in America\/New_York\)/);
    const done = io();
    expect(
      await runCli(['import', file, '--db', db, '--time-zone', 'America/New_York', '--json'], done.io),
    ).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ rows: 3, total: 60 });
  });
});
