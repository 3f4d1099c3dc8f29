import { z } from 'zod';
import type { InitiativeKpiReport, ReportModel } from '../report';
import { Empty, Id, Period, method } from './contract';

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
   * `initiativeKpis: false` leaves every initiative's KPI rows out (`kpis: []`, not computed): the
   * initiative detail fetches its own with `report.initiativeKpis`, so a quarter switch does not carry
   * them for every initiative.
   */
  'report.get': method<ReportModel>()(
    z
      .object({
        period: Period,
        explanations: z.boolean().default(true),
        initiativeKpis: z.boolean().default(true),
      })
      .strict(),
  ),
  /**
   * One initiative's KPIs for one quarter, as `report.get` has them in `initiatives[].kpis` (their
   * explanations are in `report.explanations`).
   */
  'report.initiativeKpis': method<InitiativeKpiReport[]>()(
    z.object({ period: Period, initiative: Id }).strict(),
  ),
  /**
   * The figures' explanations for one quarter: inputs, line counts, batches and the formula in words.
   * Every one, or with `keys` only those and the explanations their inputs refer to (so a reader can
   * follow an input to its own explanation without another request); a key the quarter lacks is left out.
   */
  'report.explanations': method<ReportModel['explanations']>()(
    z.object({ period: Period, keys: z.array(z.string().min(1).max(200)).max(100).optional() }).strict(),
  ),
  'report.periods': method<ReportPeriods>()(Empty),
};
