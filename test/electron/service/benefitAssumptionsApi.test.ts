import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import type { BenefitAssumptionLine } from '../../../shared/api';
import type { ReportModel } from '../../../shared/report';
import { tempWorkspace } from '../../helpers/tempWorkspace';

let service: Service;
let ws: ReturnType<typeof tempWorkspace>;

beforeAll(() => {
  ws = tempWorkspace({ demo: true });
  service = createService({ ws, uploads: new UploadStore() });
});
afterAll(() => ws.close());

async function ok<T>(p: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as T;
}

describe('benefit assumptions over the API', () => {
  it('lists an initiative’s lines with their register fields, edits one exactly and records the edit', async () => {
    const report = await ok<ReportModel>(service.call('report.get', { period: 'FY2026-Q3' }));
    const support = report.initiatives.find((i) => i.name === 'Customer Support Copilot')!;
    const lines = await ok<BenefitAssumptionLine[]>(
      service.call('benefits.lines', { initiativeId: support.id }),
    );
    expect(lines.length).toBeGreaterThan(0);
    const line = lines[lines.length - 1]!;
    expect(line).toMatchObject({
      assumption: 'tickets deflected × cost per ticket',
      confidence: 'medium',
      editedAt: null,
    });

    const major = (micro: number) => (micro / 1e6).toFixed(6);
    const edited = await ok<BenefitAssumptionLine>(
      service.call('benefits.setAssumptions', {
        id: line.id,
        patch: {
          low: major(line.amount - 1_000_000_000),
          high: major(line.amount + 2_500_000_000),
          source: '  Zendesk export, September  ',
          confidence: 'high',
          evidenceDate: '2026-09-30',
        },
      }),
    );
    expect(edited).toMatchObject({
      low: line.amount - 1_000_000_000,
      high: line.amount + 2_500_000_000,
      source: 'Zendesk export, September',
      confidence: 'high',
      evidenceDate: '2026-09-30',
      assumption: line.assumption,
    });
    expect(edited.editedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const log = ws.db
      .prepare('SELECT before, after FROM benefit_edits WHERE benefit_id = ?')
      .all(line.id) as {
      before: string;
      after: string;
    }[];
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.before)).toMatchObject({ confidence: 'medium', low: line.low });
    expect(JSON.parse(log[0]!.after)).toMatchObject({
      confidence: 'high',
      source: 'Zendesk export, September',
    });

    const after = await ok<ReportModel>(service.call('report.get', { period: 'FY2026-Q3' }));
    const entry = after.assumptionRegister.find((e) => e.lineIds.includes(line.id))!;
    expect(entry.editedAt).toBe(edited.editedAt);
    expect(entry.source).toBe('several'); // the other lines still name the old source
  });

  it('refuses a range that does not hold the amount, one end alone, bad fields and unknown lines', async () => {
    const line = ws.db
      .prepare('SELECT id, amount_micro FROM benefits WHERE low_micro IS NOT NULL LIMIT 1')
      .get() as {
      id: number;
      amount_micro: number;
    };
    const above = ((line.amount_micro + 1) / 1e6).toFixed(6);
    const cases: [unknown, string, RegExp][] = [
      [{ id: line.id, patch: { low: above } }, 'BAD_REQUEST', /low ≤ amount ≤ high/],
      [{ id: line.id, patch: { low: null } }, 'BAD_REQUEST', /both its low and its high/],
      [{ id: line.id, patch: { low: '1,000' } }, 'BAD_REQUEST', /patch.low/],
      [{ id: line.id, patch: { confidence: 'certain' } }, 'BAD_REQUEST', /patch.confidence/],
      [{ id: line.id, patch: { evidenceDate: '2026-02-30' } }, 'BAD_REQUEST', /patch.evidenceDate/],
      [{ id: line.id, patch: { amount: '1' } }, 'BAD_REQUEST', /amount/],
      [{ id: 999_999, patch: { owner: 'x' } }, 'NOT_FOUND', /999999/],
    ];
    const before = ws.db.prepare('SELECT count(*) FROM benefit_edits').pluck().get();
    for (const [input, code, message] of cases) {
      const r = await service.call('benefits.setAssumptions', input);
      expect(r).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
    expect(ws.db.prepare('SELECT count(*) FROM benefit_edits').pluck().get()).toBe(before);
  });

  it('clearing the range (both ends null) is an edit like any other', async () => {
    const id = ws.db
      .prepare('SELECT id FROM benefits WHERE low_micro IS NOT NULL LIMIT 1')
      .pluck()
      .get() as number;
    const r = await ok<BenefitAssumptionLine>(
      service.call('benefits.setAssumptions', { id, patch: { low: null, high: null, owner: '' } }),
    );
    expect(r).toMatchObject({ low: null, high: null, owner: null });
  });
});
