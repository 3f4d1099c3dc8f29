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
  /** The full report model for one fiscal quarter (the dashboard, the packs and `report --json` all read it). */
  'report.get': method<ReportModel>()(z.object({ period: Period }).strict()),
  'report.periods': method<ReportPeriods>()(Empty),
};
