import type { Initiative } from '../domain';
import type { IsoDate } from '../fiscal';
import { median } from './exact';

export interface Share {
  value: number | null;
  numerator: number;
  denominator: number;
  /** Names of the initiatives in the denominator, and whether each counts in the numerator. */
  members: { name: string; counted: boolean }[];
}

function share(pool: readonly Initiative[], counts: (i: Initiative) => boolean): Share {
  const members = pool.map((i) => ({ name: i.name, counted: counts(i) }));
  const numerator = members.filter((m) => m.counted).length;
  return {
    value: pool.length === 0 ? null : numerator / pool.length,
    numerator,
    denominator: pool.length,
    members,
  };
}

/** In production as of the day: stage production and, when recorded, a production date on or before it. */
export function inProductionAsOf(i: Initiative, asOf: IsoDate): boolean {
  return i.stage === 'production' && (i.productionDate === null || i.productionDate <= asOf);
}

/** % initiatives with measured outcomes = production initiatives with a baseline / all production initiatives. */
export function measuredOutcomesShare(initiatives: readonly Initiative[], asOf: IsoDate): Share {
  return share(
    initiatives.filter((i) => inProductionAsOf(i, asOf)),
    (i) => i.hasBaseline,
  );
}

/** % high-risk use cases with formal approval = tier 3–4 initiatives approved on or before the day / all tier 3–4. */
export function highRiskApprovedShare(initiatives: readonly Initiative[], asOf: IsoDate): Share {
  return share(
    initiatives.filter((i) => i.riskTier >= 3),
    (i) => i.approvalDate !== null && i.approvalDate <= asOf,
  );
}

function dayNumber(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export interface TimeToProduction {
  value: number | null;
  /** Each initiative that reached production by the day, with its concept-approved → production days. */
  samples: { name: string; days: number }[];
}

/** Median days from concept approval to production, over initiatives in production by the day with both dates. */
export function medianTimeToProduction(initiatives: readonly Initiative[], asOf: IsoDate): TimeToProduction {
  const samples = initiatives
    .filter((i) => i.conceptApprovedDate !== null && i.productionDate !== null && i.productionDate <= asOf)
    .map((i) => ({ name: i.name, days: daysBetween(i.conceptApprovedDate!, i.productionDate!) }));
  return { value: median(samples.map((s) => s.days)), samples };
}
