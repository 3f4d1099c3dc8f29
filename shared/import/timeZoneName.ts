import { z } from 'zod';
import { isTimeZone } from './timeZone';

/**
 * A time zone setting as the API and a saved mapping validate it. Apart from timeZone.ts, so the import
 * worker, which reads dates through timeZone.ts, does not load zod (≈ 60 ms of its start-up).
 */
export const TimeZoneName = z
  .string()
  .max(64)
  .refine(isTimeZone, 'not a time zone: use an IANA name such as Europe/Berlin or America/New_York');
