import { describe, expect, it } from 'vitest';
import { commitmentOutlook, daysInMonths, vendorKey } from '../../../shared/metrics/commitments';

const M = 1_000_000;
/** April–June 2026: 91 days. */
const Q2 = daysInMonths(['2026-04', '2026-05', '2026-06']);

describe('commitment outlook (hand-checked)', () => {
  it('counts the run-rate days of the months', () => {
    expect(Q2).toBe(91);
    expect(daysInMonths(['2024-02'])).toBe(29);
  });

  it('runs out before its end: 9,900 left at 100.00 a day from 30 June is 99 days, 7 October', () => {
    const o = commitmentOutlook({
      amount: 20_000 * M,
      used: 10_100 * M,
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-06-30',
      rateSum: 9_100 * M,
      rateDays: Q2,
    });
    expect(o).toEqual({
      remaining: 9_900 * M,
      phase: 'active',
      runOutDate: '2026-10-07',
      projectedUnused: 0,
      projectedUnusedShare: 0,
      daysToEnd: 184,
      outcome: 'runs_out_early',
    });
  });

  it('under-used: 10,700 left, 1,300 / 91 a day for 184 days spends 2,628.571429; 8,071.428571 unused', () => {
    const o = commitmentOutlook({
      amount: 12_000 * M,
      used: 1_300 * M,
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-06-30',
      rateSum: 1_300 * M,
      rateDays: Q2,
    });
    expect(o.projectedUnused).toBe(8_071_428_571);
    expect(o.projectedUnusedShare).toBe(8_071_428_571 / 12_000_000_000);
    expect(o.runOutDate).toBe('2028-07-18');
    expect(o.outcome).toBe('under_used');
  });

  it('runs out exactly on its end day: on track, nothing unused', () => {
    // 1,840 left at 10.00 a day (910 over 91 days) for the 184 days to 31 December.
    const o = commitmentOutlook({
      amount: 2_000 * M,
      used: 160 * M,
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-06-30',
      rateSum: 910 * M,
      rateDays: Q2,
    });
    expect(o).toMatchObject({ runOutDate: '2026-12-31', projectedUnused: 0, outcome: 'on_track' });
  });

  it('no spend lately: no run-out date, all of the remaining amount unused', () => {
    const o = commitmentOutlook({
      amount: 5_000 * M,
      used: 1_000 * M,
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-06-30',
      rateSum: 0,
      rateDays: Q2,
    });
    expect(o).toMatchObject({
      runOutDate: null,
      projectedUnused: 4_000 * M,
      projectedUnusedShare: 0.8,
      outcome: 'under_used',
    });
  });

  it('overrun and used up: negative or zero remaining, no run-out date', () => {
    const base = { start: '2026-01-01', end: '2026-06-30', asOf: '2026-06-30', rateSum: 0, rateDays: Q2 };
    expect(commitmentOutlook({ ...base, amount: 1_000 * M, used: 1_200 * M })).toMatchObject({
      remaining: -200 * M,
      phase: 'ended',
      runOutDate: null,
      outcome: 'overrun',
    });
    expect(commitmentOutlook({ ...base, amount: 1_000 * M, used: 1_000 * M }).outcome).toBe('used_up');
  });

  it('ended with money left: what is left is unused, no run-out date', () => {
    const o = commitmentOutlook({
      amount: 1_000 * M,
      used: 750 * M,
      start: '2026-01-01',
      end: '2026-03-31',
      asOf: '2026-06-30',
      rateSum: 300 * M,
      rateDays: Q2,
    });
    expect(o).toMatchObject({
      phase: 'ended',
      runOutDate: null,
      projectedUnused: 250 * M,
      projectedUnusedShare: 0.25,
    });
  });

  it('not started yet: the rate runs from its start', () => {
    // 910 over 91 days = 10.00 a day; 100.00 lasts 10 days from 1 September: 10 September.
    const o = commitmentOutlook({
      amount: 100 * M,
      used: 0,
      start: '2026-09-01',
      end: '2026-09-30',
      asOf: '2026-06-30',
      rateSum: 910 * M,
      rateDays: Q2,
    });
    expect(o).toMatchObject({
      phase: 'not_started',
      runOutDate: '2026-09-10',
      daysToEnd: 30,
      outcome: 'runs_out_early',
    });
  });
});

describe('vendor names reduced for matching', () => {
  it('ignores case, punctuation and legal forms', () => {
    expect(vendorKey('OpenAI, L.L.C.')).toBe('openai');
    expect(vendorKey('OPENAI')).toBe('openai');
    expect(vendorKey('Anthropic PBC')).toBe('anthropic');
    expect(vendorKey('Amazon Web Services, Inc.')).toBe('amazon web services');
    expect(vendorKey('Procter & Gamble Co.')).toBe('procter and gamble');
    expect(vendorKey('Ｍｉｓｔｒａｌ ＡＩ SAS')).toBe('mistral ai sas');
  });
  it('does not guess aliases', () => {
    expect(vendorKey('AWS')).not.toBe(vendorKey('Amazon Web Services'));
  });
});
