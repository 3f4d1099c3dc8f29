import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { getSettings } from '../../../electron/store/settings';
import { methods, type MethodName } from '../../../shared/api';
import type { ReportModel } from '../../../shared/report';
import { tempWorkspace } from '../../helpers/tempWorkspace';

let service: Service;
let ws: ReturnType<typeof tempWorkspace>;

beforeAll(() => {
  ws = tempWorkspace({ demo: true });
  service = createService({ ws, uploads: new UploadStore() });
});
afterAll(() => ws.close());

/** Payloads no method accepts: wrong type at the top, unknown keys, prototype tricks. */
const MALFORMED: unknown[] = [
  'a string',
  42,
  [1, 2],
  { unexpected: true },
  { __proto__: { admin: true }, extra: 1 },
];

describe('API boundary', () => {
  it('rejects an unknown method by name', async () => {
    const r = await service.call('drop.tables', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown API method "drop.tables".' },
    });
  });

  it('every method rejects malformed payloads with BAD_REQUEST naming the method, before any handler runs', async () => {
    const names = Object.keys(methods) as MethodName[];
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      for (const payload of MALFORMED) {
        const r = await service.call(name, payload);
        expect(r.ok, `${name} accepted ${JSON.stringify(payload)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('BAD_REQUEST');
          expect(r.error.message).toContain(`Invalid request for ${name}`);
        }
      }
    }
  });

  it('names the bad field and never reaches SQL with it', async () => {
    const before = ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get();
    const r = await service.call('batches.undo', { id: '1; DROP TABLE spend; --' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/id: .*number/i);
    expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(before);
    expect(ws.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'spend'").pluck().get()).toBe(1);

    const period = await service.call('spend.summary', { period: "FY2026-Q3' OR 1=1" });
    expect(period.ok).toBe(false);
    if (!period.ok) expect(period.error.message).toMatch(/period: expected a fiscal quarter/);

    const settings = await service.call('settings.update', { patch: { currency: 'dollars' } });
    expect(settings.ok).toBe(false);
    if (!settings.ok) expect(settings.error.message).toMatch(/patch\.currency/);
  });

  it('refuses a reporting currency that is not ISO 4217, or one the stored amounts have no rates into', async () => {
    const fake = await service.call('settings.update', { patch: { currency: 'XQZ' } });
    expect(fake.ok).toBe(false);
    if (!fake.ok) expect(fake.error.message).toMatch(/not an ISO 4217 currency code/);
    // The demo holds USD amounts from 2025-01 and no USD→EUR rates: no EUR report could be computed.
    const eur = await service.call('settings.update', { patch: { currency: 'EUR' } });
    expect(eur.ok).toBe(false);
    if (!eur.ok)
      expect(eur.error.message).toMatch(
        /^Cannot report in EUR: the workspace holds amounts in USD \(2025-01 to 2026-\d\d\) with no exchange rate into EUR.*Nothing was changed\.$/,
      );
    expect((await service.call('settings.get', {})).ok && getSettings(ws.db).currency).toBe('USD');
    const report = await service.call('report.get', { period: 'FY2026-Q3', explanations: false });
    expect(report.ok).toBe(true);
    // The same currency again is not a change.
    expect((await service.call('settings.update', { patch: { currency: 'USD' } })).ok).toBe(true);
    // Rates stored as units of USD would be misread as rates into another currency: refused while any exist.
    ws.db.prepare("INSERT INTO fx_rates (month, currency, rate) VALUES ('2026-07', 'EUR', '1.08')").run();
    try {
      const gbp = await service.call('settings.update', { patch: { currency: 'GBP' } });
      expect(gbp.ok).toBe(false);
      if (!gbp.ok) expect(gbp.error.message).toMatch(/FX rates are rates into USD and would be misread/);
    } finally {
      ws.db.prepare('DELETE FROM fx_rates WHERE batch_id IS NULL').run();
    }
    // With nothing to convert (no amounts, no rates) a change is taken.
    const empty = tempWorkspace();
    try {
      const other = createService({ ws: empty, uploads: new UploadStore() });
      expect((await other.call('settings.update', { patch: { currency: 'EUR' } })).ok).toBe(true);
      expect(getSettings(empty.db).currency).toBe('EUR');
    } finally {
      empty.close();
    }
    expect(getSettings(ws.db).currency).toBe('USD');
  });

  it('serves real data from the store through valid calls', async () => {
    const info = await service.call('workspace.info', {});
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    const data = info.result as {
      name: string;
      defaultPeriod: string;
      periods: string[];
      totalSpendMicro: number;
    };
    expect(data.name).toBe('Demo workspace');
    expect(data.defaultPeriod).toBe('FY2026-Q3');
    expect(data.periods).toContain('FY2025-Q1');
    const direct = ws.db
      .prepare("SELECT sum(amount_micro) FROM spend WHERE date BETWEEN '2026-07-01' AND '2026-09-30'")
      .pluck()
      .get();
    expect(data.totalSpendMicro).toBe(direct);
  });

  it('serves the report without explanations on request, and the explanations on their own', async () => {
    const full = await service.call('report.get', { period: 'FY2026-Q3' });
    const light = await service.call('report.get', { period: 'FY2026-Q3', explanations: false });
    const explanations = await service.call('report.explanations', { period: 'FY2026-Q3' });
    if (!full.ok || !light.ok || !explanations.ok) throw new Error('report calls failed');
    const f = full.result as { explanations: Record<string, unknown>; portfolio: unknown };
    const l = light.result as { explanations: Record<string, unknown>; portfolio: unknown };
    expect(Object.keys(f.explanations).length).toBeGreaterThan(100);
    expect(l.explanations).toEqual({});
    expect(l.portfolio).toEqual(f.portfolio);
    expect(explanations.result).toEqual(f.explanations);
    expect(JSON.stringify(l).length).toBeLessThan(JSON.stringify(f).length / 2);
  });

  it('serves chosen explanations with the ones their inputs refer to, leaving unknown keys out', async () => {
    const all = await service.call('report.explanations', { period: 'FY2026-Q3' });
    if (!all.ok) throw new Error(all.error.message);
    const every = all.result as Record<string, { inputs: { ref?: string }[] }>;
    const withRef = Object.keys(every).find((k) => every[k]!.inputs.some((i) => i.ref && every[i.ref]))!;
    const refs = every[withRef]!.inputs.flatMap((i) => (i.ref && every[i.ref] ? [i.ref] : []));
    const some = await service.call('report.explanations', {
      period: 'FY2026-Q3',
      keys: [withRef, 'no.such.figure'],
    });
    if (!some.ok) throw new Error(some.error.message);
    const picked = some.result as Record<string, unknown>;
    expect(Object.keys(picked).sort()).toEqual([...new Set([withRef, ...refs])].sort());
    for (const k of Object.keys(picked)) expect(picked[k]).toEqual(every[k]);
    const bad = await service.call('report.explanations', { period: 'FY2026-Q3', keys: [''] });
    expect(bad.ok).toBe(false);
  });

  it('serves reports without initiative KPI rows on request, and one initiative’s rows on their own', async () => {
    for (const period of ['FY2026-Q3', 'FY2025-Q4']) {
      const full = await service.call('report.get', { period });
      const light = await service.call('report.get', { period, explanations: false, initiativeKpis: false });
      if (!full.ok || !light.ok) throw new Error('report calls failed');
      const f = full.result as ReportModel;
      const l = light.result as ReportModel;
      expect(f.initiatives.filter((i) => i.kpis.length > 0).length).toBeGreaterThanOrEqual(3);
      expect(l.initiatives.every((i) => i.kpis.length === 0)).toBe(true);
      expect(l.initiatives.map((i) => ({ ...i, kpis: [] }))).toEqual(
        f.initiatives.map((i) => ({ ...i, kpis: [] })),
      );
      expect(l.kpis).toEqual(f.kpis);
      for (const i of f.initiatives) {
        const own = await service.call('report.initiativeKpis', { period, initiative: i.id });
        expect(own).toEqual({ ok: true, result: i.kpis });
        for (const k of i.kpis) expect(f.explanations[k.explain]?.result).toBe(k.value);
      }
    }
    const missing = await service.call('report.initiativeKpis', { period: 'FY2026-Q3', initiative: 9999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await service.call('report.initiativeKpis', { period: 'FY2026-Q3', initiative: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('returns typed errors from handlers (not found, conflict)', async () => {
    const missing = await service.call('batches.undo', { id: 9999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const dup = await service.call('kpis.create', {
      kpi: {
        id: 'support_deflection',
        name: 'Dup',
        category: 'Value',
        unit: 'ratio',
        direction: 'higher',
        target: 1,
        amber: 0.5,
        aggregation: 'last',
        frequency: 'monthly',
      },
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('persists commentary and KPI edits', async () => {
    const set = await service.call('commentary.set', {
      period: 'FY2026-Q2',
      scope: 'risks',
      body: 'Vendor lock-in.',
    });
    expect(set.ok).toBe(true);
    const list = await service.call('commentary.list', { period: 'FY2026-Q2' });
    expect(list.ok && (list.result as { body: string }[]).map((c) => c.body)).toEqual(['Vendor lock-in.']);
    const edit = await service.call('kpis.update', { id: 'support_deflection', patch: { target: 0.3 } });
    expect(edit).toMatchObject({ ok: true, result: { id: 'support_deflection', target: 0.3 } });
  });
});
