import { z } from 'zod';
import { CONFIDENCE_LEVELS, type BenefitAssumptions } from '../domain';
import { isCalendarDate } from '../fiscal';
import { Id, method } from './contract';

/** A benefit line with its assumption register fields (amounts in micro-units of the line's own currency). */
export interface BenefitAssumptionLine extends BenefitAssumptions {
  id: number;
  initiativeId: number;
  date: string;
  amount: number;
  currency: string;
  realized: boolean;
  /** When its register fields were last edited in the app; null when as imported. */
  editedAt: string | null;
}

/** An amount as decimal text in the line's currency ("1234.5", "-20"): parsed exactly to micro-units. */
const DecimalText = z
  .string()
  .trim()
  .regex(
    /^-?\d{1,13}(\.\d{1,6})?$/,
    'expected an amount such as 1234.56 (a point for decimals, no separators)',
  );

/** Free text: trimmed, and empty means none. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((t) => (t === '' ? null : t))
    .nullable();

export const AssumptionPatch = z
  .object({
    /** Both or neither (null clears the range); low ≤ the line's amount ≤ high, checked by the service. */
    low: DecimalText.nullable().optional(),
    high: DecimalText.nullable().optional(),
    assumption: Text(300).optional(),
    owner: Text(200).optional(),
    source: Text(300).optional(),
    confidence: z.enum(CONFIDENCE_LEVELS).nullable().optional(),
    evidenceDate: z
      .string()
      .refine((d) => isCalendarDate(d), 'expected a date such as 2026-06-30')
      .nullable()
      .optional(),
  })
  .strict();

export const benefitMethods = {
  /** One initiative's benefit lines with their register fields, by date (the initiative view's editor). */
  'benefits.lines': method<BenefitAssumptionLine[]>()(z.object({ initiativeId: Id }).strict()),
  /**
   * Sets a benefit line's register fields; its amount, date and import row stay as imported. The edit is
   * recorded (every field before and after, and when), and the answer carries `editedAt`.
   */
  'benefits.setAssumptions': method<BenefitAssumptionLine>()(
    z.object({ id: Id, patch: AssumptionPatch }).strict(),
  ),
};
