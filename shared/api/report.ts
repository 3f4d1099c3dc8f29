import { z } from 'zod';
import type { ReportModel } from '../report';
import { Empty, Period, method } from './contract';

export interface ReportPeriods {
  /** Fiscal quarters that have any data, oldest first. */
  periods: string[];
  /** The latest quarter with spend (what the dashboard opens on); null in an empty workspace. */
  defaultPeriod: string | null;
}

export const reportMethods = {
  /**
   * The report model for one fiscal quarter (the dashboard, the packs and `report --json` all read it).
   * `explanations: false` leaves the per-figure explanations out (most of the model's size on a large
   * workspace); the screens fetch them with `report.explanations` when a figure is opened.
   */
  'report.get': method<ReportModel>()(
    z.object({ period: Period, explanations: z.boolean().default(true) }).strict(),
  ),
  /** Every figure's explanation for one quarter: inputs, line counts, batches and the formula in words. */
  'report.explanations': method<ReportModel['explanations']>()(z.object({ period: Period }).strict()),
  'report.periods': method<ReportPeriods>()(Empty),
};
