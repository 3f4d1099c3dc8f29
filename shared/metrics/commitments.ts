import type { IsoDate, Month } from '../fiscal';
import { divRoundHalfAway, type Micro } from '../money';
import type { CommitmentOutcome, CommitmentPhase } from '../report';

export type { CommitmentOutcome, CommitmentPhase };

export interface CommitmentInput {
  /** The commitment in the reporting currency. */
  amount: Micro;
  /** Matching spend dated in the window, up to the as-of date. */
  used: Micro;
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
  /** The vendor's spend over the run-rate months (the last 3 complete months), and those months' days. */
  rateSum: Micro;
  rateDays: number;
}

export interface CommitmentOutlook {
  /** amount − used: negative is an overrun. */
  remaining: Micro;
  phase: CommitmentPhase;
  /** The day the remaining amount is used up at the daily rate (rateSum ÷ rateDays); null at a zero rate or once used. */
  runOutDate: IsoDate | null;
  /** What is left at its end at that rate (≥ 0); 0 when it runs out first or is used already. */
  projectedUnused: Micro;
  /** projectedUnused ÷ amount. */
  projectedUnusedShare: number;
  /** Days the rate runs for from the as-of date (or from the start, not yet started) to the end. */
  daysToEnd: number;
  outcome: CommitmentOutcome;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days in the given months (the run rate's denominator). */
export function daysInMonths(months: readonly Month[]): number {
  let days = 0;
  for (const m of months) {
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5, 7));
    days += new Date(Date.UTC(y, mo, 0)).getUTCDate();
  }
  return days;
}

const LEGAL_SUFFIX =
  /\s+(inc|incorporated|llc|l l c|ltd|limited|gmbh|ag|corp|corporation|co|company|plc|pbc|sa|sarl|srl|spa|bv|nv|pty|oy|ab|as|kk)$/;

/**
 * A vendor name reduced for matching a commitment to spend lines: Unicode-normalised (NFKC), lower case,
 * "&" as "and", dots dropped ("L.L.C." = "LLC"), other punctuation as spaces, spaces collapsed, and trailing
 * legal-form words dropped ("OpenAI, L.L.C." = "OpenAI" = "openai"). Different names for one vendor
 * ("AWS" and "Amazon Web Services") are not guessed: they stay different.
 */
export function vendorKey(name: string): string {
  let k = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (let prev = ''; prev !== k && LEGAL_SUFFIX.test(k);) {
    prev = k;
    k = k.replace(LEGAL_SUFFIX, '').trim();
  }
  return k;
}

/**
 * The run-out date and the amount left unused at the end, at the current run rate (docs/metrics.md,
 * "Commitments and prepaid credits"). Exact: days and amounts in integers, the rate never rounded.
 */
export function commitmentOutlook(input: CommitmentInput): CommitmentOutlook {
  const remaining = input.amount - input.used;
  const asOfDay = dayNumber(input.asOf);
  const startDay = dayNumber(input.start);
  const endDay = dayNumber(input.end);
  const phase: CommitmentPhase = asOfDay < startDay ? 'not_started' : asOfDay >= endDay ? 'ended' : 'active';
  // Spending from the day after the as-of date (or from the start), through the end day.
  const fromDay = Math.max(asOfDay, startDay - 1);
  const daysToEnd = Math.max(0, endDay - fromDay);
  const share = (m: Micro) => (input.amount > 0 ? m / input.amount : 0);
  if (remaining <= 0) {
    return {
      remaining,
      phase,
      runOutDate: null,
      projectedUnused: 0,
      projectedUnusedShare: 0,
      daysToEnd,
      outcome: remaining < 0 ? 'overrun' : 'used_up',
    };
  }
  const rate = input.rateSum > 0 && input.rateDays > 0;
  const runOutDays = rate
    ? Number(
        (BigInt(remaining) * BigInt(input.rateDays) + BigInt(input.rateSum) - 1n) / BigInt(input.rateSum),
      )
    : null;
  const runOutDate = runOutDays === null || phase === 'ended' ? null : dateOfDay(fromDay + runOutDays);
  if (runOutDays !== null && phase !== 'ended' && fromDay + runOutDays < endDay) {
    return {
      remaining,
      phase,
      runOutDate,
      projectedUnused: 0,
      projectedUnusedShare: 0,
      daysToEnd,
      outcome: 'runs_out_early',
    };
  }
  const projectedSpend = rate
    ? Number(divRoundHalfAway(BigInt(input.rateSum) * BigInt(daysToEnd), BigInt(input.rateDays)))
    : 0;
  const projectedUnused = Math.max(0, remaining - projectedSpend);
  return {
    remaining,
    phase,
    runOutDate,
    projectedUnused,
    projectedUnusedShare: share(projectedUnused),
    daysToEnd,
    outcome: projectedUnused > 0 ? 'under_used' : 'on_track',
  };
}
