import type { IsoDate } from '../fiscal';

/** The calendar date of an instant (milliseconds since the epoch) in some time zone. */
export type DateOfInstant = (epochMs: number) => IsoDate;

export const utcDateOf: DateOfInstant = (ms) => new Date(ms).toISOString().slice(0, 10);

/** True for an IANA zone name the runtime knows (`Europe/Berlin`, `America/St_Johns`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every zone offset in use since 1970 is a whole number of quarter hours and changes on a quarter hour
 * (Newfoundland moves at 2:00 local = xx:30 UTC), so the offset is looked up once per quarter hour of
 * the data and not once per row: formatting with Intl costs microseconds, a map lookup nanoseconds.
 */
const QUARTER_HOUR_MS = 900_000;

/** The date in `zone` of each instant; `null` or `UTC` is the UTC date. */
export function dateOfInstantIn(zone: string | null): DateOfInstant {
  if (zone === null || zone === 'UTC' || zone === 'Etc/UTC') return utcDateOf;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (bucketStart: number): number => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(bucketStart))
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
    return wall - bucketStart;
  };
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = offsetAt(bucket);
      offsets.set(bucket, offset);
    }
    return utcDateOf(ms + offset);
  };
}
