import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { Workspace } from '../../../electron/store/workspace';
import { rejected, tempWorkspace, writeFile } from './helpers';

let ws: (Workspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

type Stored = {
  amount_micro: number;
  low_micro: number | null;
  high_micro: number | null;
  assumption: string | null;
  owner: string | null;
  source: string | null;
  confidence: string | null;
  evidence_date: string | null;
  source_row: number;
};
const stored = (w: Workspace): Stored[] =>
  w.db
    .prepare(
      'SELECT amount_micro, low_micro, high_micro, assumption, owner, source, confidence, evidence_date, source_row FROM benefits ORDER BY source_row',
    )
    .all() as Stored[];

describe('benefits import: the assumption register columns', () => {
  it('recognises low, high, assumption, owner, source, confidence and evidence date (English), exact to the micro-unit', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'benefits.csv',
      'Date,Initiative,Benefit,Status,Low,High,Assumption,Owner,Source,Confidence,Evidence date\n' +
        '2026-01-31,Support deflection,120000.50,realized,90000.25,150000,tickets deflected × cost per ticket,M. Ortiz,Zendesk Q4 export,medium,2025-12-31\n' +
        '2026-02-28,Support deflection,100000,projected,,,,,,,\n',
    );
    const s = await commitImport(ws.db, { path: file, name: 'benefits.csv' });
    expect(s.kind).toBe('benefits');
    expect(stored(ws)).toEqual([
      {
        amount_micro: 120_000_500_000,
        low_micro: 90_000_250_000,
        high_micro: 150_000_000_000,
        assumption: 'tickets deflected × cost per ticket',
        owner: 'M. Ortiz',
        source: 'Zendesk Q4 export',
        confidence: 'medium',
        evidence_date: '2025-12-31',
        source_row: 2,
      },
      {
        amount_micro: 100_000_000_000,
        low_micro: null,
        high_micro: null,
        assumption: null,
        owner: null,
        source: null,
        confidence: null,
        evidence_date: null,
        source_row: 3,
      },
    ]);
  });

  it('reads German headers and words (Niedrig, Hoch, Annahme, Quelle, Konfidenz "hoch")', async () => {
    ws = tempWorkspace({ currency: 'EUR' });
    const file = writeFile(
      ws.dir,
      'nutzen.csv',
      'Datum;Initiative;Nutzen;Niedrig;Hoch;Annahme;Verantwortlich;Quelle;Konfidenz;Stand\n' +
        '31.01.2026;Rechnungsprüfung;1.000,00;800,00;1.250,00;Stunden gespart × Satz;K. Weber;SAP-Auszug;hoch;15.01.2026\n',
    );
    await commitImport(ws.db, { path: file, name: 'nutzen.csv' });
    expect(stored(ws)[0]).toMatchObject({
      amount_micro: 1_000_000_000,
      low_micro: 800_000_000,
      high_micro: 1_250_000_000,
      assumption: 'Stunden gespart × Satz',
      owner: 'K. Weber',
      source: 'SAP-Auszug',
      confidence: 'high',
      evidence_date: '2026-01-15',
    });
  });

  it('refuses a range that does not hold the amount, or has one end: the row and column are named, nothing is written', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'bad.csv',
      'Date,Initiative,Benefit,Low,High,Confidence\n' +
        '2026-01-31,Search,1000,1200,1500,low\n' +
        '2026-02-28,Search,1000,,1500,low\n' +
        '2026-03-31,Search,1000,900,1100,sure\n',
    );
    const p = await previewImport(ws.db, { path: file, name: 'bad.csv' });
    expect(p.problems.map((x) => [x.row, x.column])).toEqual([
      [2, 'Low'],
      [3, 'Low'],
      [4, 'Confidence'],
    ]);
    expect(p.problems[0]!.message).toMatch(/above the benefit/);
    expect(p.problems[1]!.message).toMatch(/needs both a low and a high/);
    const err = await rejected(commitImport(ws.db, { path: file, name: 'bad.csv' }));
    expect(err.message).toContain('bad.csv');
    expect(ws.db.prepare('SELECT count(*) FROM benefits').pluck().get()).toBe(0);
  });
});
