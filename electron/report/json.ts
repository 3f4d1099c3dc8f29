import { microToMajor, type Micro } from '../../shared/money';
import type { ReportModel, RunRateLine, UnitCostPoint } from '../../shared/report';

/**
 * The report as `report --json` prints it (DESIGN.md's CLI contract plus the additions): money in
 * major units rounded to cents from the integer sums, ratios as fractions, IRR as an annual fraction.
 * A view of the model: nothing is computed here beyond rounding for output.
 */
export interface ReportJson {
  period: string;
  currency: string;
  portfolio: { cost: number; benefit: number; roi: number | null; cumulativeRoi: number | null };
  initiatives: {
    name: string;
    cost: number;
    benefit: number;
    roi: number | null;
    paybackMonths: number | null;
    npv: number;
    irr: number | null;
    /** How far cumulative realized benefit could fall before cumulative ROI is zero (null without cost). */
    breakEven: { margin: number | null; share: number | null };
  }[];
  budget: {
    budget: number;
    actual: number;
    variance: number;
    variancePct: number | null;
    status: string;
    forecastYearEnd: number;
    /** The forecast's 80% range (null with fewer than 3 complete months of actuals). */
    forecastRange: { low: number; high: number; level: number; method: string } | null;
    /** The forecast as of each earlier quarter end of this and the previous fiscal year, oldest first. */
    forecastTrackRecord: {
      period: string;
      asOf: string;
      forecastYearEnd: number;
      actualYearEnd: number | null;
      errorPct: number | null;
    }[];
    byCategory: {
      category: string | null;
      budget: number;
      actual: number;
      variance: number;
      variancePct: number | null;
      status: string;
    }[];
  };
  kpis: {
    id: string;
    name: string;
    value: number | null;
    /** The target in force in the period (targets have history). */
    target: number;
    status: string;
    trend: string;
    /** Set when the target changed this quarter: last quarter's and this quarter's, and from when. */
    targetChange: { from: number; to: number; effectiveFrom: string } | null;
  }[];
  npv: number;
  /** NPV of the spend with no initiative, at the same date as every NPV here: initiatives' + this = `npv`. */
  sharedPlatformNpv: number;
  irr: number | null;
  irrBasis: 'annual';
  runRate: { months: string[]; monthlyBurn: number; byCategory: { category: string; monthlyBurn: number }[] };
  budgetExhaustion: {
    month: string | null;
    status: string;
    annualBudget: number;
    byCategory: { category: string; month: string | null; status: string; annualBudget: number }[];
  };
  anomalies: {
    dimension: string;
    key: string;
    label: string;
    month: string;
    amount: number;
    baselineMedian: number;
    deviation: number;
    deviationPct: number | null;
    madMultiple: number | null;
    direction: string;
  }[];
  unitEconomics: {
    months: UnitCostJson[];
    quarter: UnitCostJson;
    previousQuarter: UnitCostJson;
    qoqChange: number | null;
  };
  sensitivity: {
    method: string;
    draws: number;
    seed: number;
    npv: { p10: number; p50: number; p90: number };
    cumulativeRoi: { p10: number | null; p50: number | null; p90: number | null };
    drivers: { assumption: string; initiative: string | null; npvLow: number; npvHigh: number }[];
    rangedLines: number;
    projectedRangedLines: number;
  };
  assumptionRegister: {
    assumption: string | null;
    initiative: string;
    realized: boolean;
    lines: number;
    rangedLines: number;
    firstDate: string;
    lastDate: string;
    base: number;
    low: number;
    high: number;
    currencies: string[];
    owner: string | null;
    source: string | null;
    confidence: string | null;
    evidenceDate: string | null;
    evidenceAgeDays: number | null;
    editedAt: string | null;
  }[];
  /** Commitments and prepaid credits: drawdown and outlook at the vendor's current 3-month run rate. */
  commitments: {
    vendor: string;
    type: string;
    start: string;
    end: string;
    /** In the reporting currency; `statedAmount` in `statedCurrency` as imported. */
    amount: number;
    statedAmount: number;
    statedCurrency: string;
    used: number;
    /** Negative is an overrun. */
    remaining: number;
    monthlyRate: number;
    runOutDate: string | null;
    projectedUnused: number;
    projectedUnusedShare: number;
    phase: string;
    outcome: string;
    warning: string | null;
  }[];
}

interface UnitCostJson {
  period: string;
  inferenceCost: number;
  keyActions: number | null;
  costPerAction: number | null;
}

const major = (m: Micro): number => microToMajor(m);

/** Unit costs are ratios of money to a count: kept to the micro-unit, not rounded to cents. */
function unitCost(p: UnitCostPoint): UnitCostJson {
  return {
    period: p.period,
    inferenceCost: major(p.inferenceCost),
    keyActions: p.keyActions,
    costPerAction: p.costPerAction === null ? null : Math.round(p.costPerAction * 1e6) / 1e6,
  };
}

function categoryOf(l: RunRateLine): string {
  return l.category ?? 'portfolio';
}

export function toReportJson(r: ReportModel): ReportJson {
  const b = r.budget;
  return {
    period: r.period.label,
    currency: r.currency,
    portfolio: {
      cost: major(r.portfolio.cost.micro),
      benefit: major(r.portfolio.benefit.micro),
      roi: r.portfolio.roi.value,
      cumulativeRoi: r.portfolio.cumulativeRoi.value,
    },
    initiatives: r.initiatives.map((i) => ({
      name: i.name,
      cost: major(i.cost.micro),
      benefit: major(i.benefit.micro),
      roi: i.roi.value,
      paybackMonths: i.paybackMonths.value,
      npv: major(i.npv.micro),
      irr: i.irr.value,
      breakEven: {
        margin: i.cumulativeCost.micro === 0 ? null : major(i.breakEven.margin.micro),
        share: i.breakEven.share.value,
      },
    })),
    budget: {
      budget: major(b.budget.micro),
      actual: major(b.actual.micro),
      variance: major(b.variance.micro),
      variancePct: b.variancePct.value,
      status: b.status,
      forecastYearEnd: major(b.forecastYearEnd.micro),
      forecastRange: b.forecastRange && {
        low: major(b.forecastRange.low.micro),
        high: major(b.forecastRange.high.micro),
        level: b.forecastRange.level,
        method: b.forecastRange.method,
      },
      forecastTrackRecord: b.forecastTrackRecord.map((t) => ({
        period: t.period,
        asOf: t.asOf,
        forecastYearEnd: major(t.forecastYearEnd.micro),
        actualYearEnd: t.actualYearEnd && major(t.actualYearEnd.micro),
        errorPct: t.errorPct.value,
      })),
      byCategory: b.byCategory.map((c) => ({
        category: c.category,
        budget: major(c.budget.micro),
        actual: major(c.actual.micro),
        variance: major(c.variance.micro),
        variancePct: c.variancePct.value,
        status: c.status,
      })),
    },
    kpis: r.kpis.map((k) => ({
      id: k.id,
      name: k.name,
      value: k.value,
      target: k.target,
      status: k.status,
      trend: k.trend,
      targetChange: k.targetChange && {
        from: k.targetChange.from.target,
        to: k.targetChange.to.target,
        effectiveFrom: k.targetChange.effectiveFrom,
      },
    })),
    npv: major(r.portfolio.npv.micro),
    sharedPlatformNpv: major(r.portfolio.sharedPlatformNpv.micro),
    irr: r.portfolio.irr.value,
    irrBasis: 'annual',
    runRate: {
      months: r.runRate.months,
      monthlyBurn: major(r.runRate.portfolio.monthlyBurn.micro),
      byCategory: r.runRate.byCategory.map((l) => ({
        category: categoryOf(l),
        monthlyBurn: major(l.monthlyBurn.micro),
      })),
    },
    budgetExhaustion: {
      month: r.runRate.portfolio.exhaustionMonth,
      status: r.runRate.portfolio.exhaustionStatus,
      annualBudget: major(r.runRate.portfolio.annualBudget.micro),
      byCategory: r.runRate.byCategory.map((l) => ({
        category: categoryOf(l),
        month: l.exhaustionMonth,
        status: l.exhaustionStatus,
        annualBudget: major(l.annualBudget.micro),
      })),
    },
    anomalies: r.anomalies.map((a) => ({
      dimension: a.dimension,
      key: a.key,
      label: a.label,
      month: a.month,
      amount: major(a.amount),
      baselineMedian: major(a.baselineMedian),
      deviation: major(a.deviation),
      deviationPct: a.deviationPct,
      madMultiple: a.madMultiple,
      direction: a.direction,
    })),
    unitEconomics: {
      months: r.unitEconomics.months.map(unitCost),
      quarter: unitCost(r.unitEconomics.quarter),
      previousQuarter: unitCost(r.unitEconomics.previousQuarter),
      qoqChange: r.unitEconomics.qoqChange,
    },
    sensitivity: {
      method: r.sensitivity.method,
      draws: r.sensitivity.draws,
      seed: r.sensitivity.seed,
      npv: {
        p10: major(r.sensitivity.npv.p10.micro),
        p50: major(r.sensitivity.npv.p50.micro),
        p90: major(r.sensitivity.npv.p90.micro),
      },
      cumulativeRoi: {
        p10: r.sensitivity.cumulativeRoi.p10.value,
        p50: r.sensitivity.cumulativeRoi.p50.value,
        p90: r.sensitivity.cumulativeRoi.p90.value,
      },
      drivers: r.sensitivity.drivers.map((d) => ({
        assumption: d.assumption,
        initiative: d.initiative,
        npvLow: major(d.npvLow.micro),
        npvHigh: major(d.npvHigh.micro),
      })),
      rangedLines: r.sensitivity.rangedLines,
      projectedRangedLines: r.sensitivity.projectedRangedLines,
    },
    assumptionRegister: r.assumptionRegister.map((e) => ({
      assumption: e.assumption,
      initiative: e.initiative,
      realized: e.realized,
      lines: e.lines,
      rangedLines: e.rangedLines,
      firstDate: e.firstDate,
      lastDate: e.lastDate,
      base: major(e.base.micro),
      low: major(e.low.micro),
      high: major(e.high.micro),
      currencies: e.currencies,
      owner: e.owner,
      source: e.source,
      confidence: e.confidence,
      evidenceDate: e.evidenceDate,
      evidenceAgeDays: e.evidenceAgeDays,
      editedAt: e.editedAt,
    })),
    commitments: r.commitments.map((c) => ({
      vendor: c.vendor,
      type: c.type,
      start: c.start,
      end: c.end,
      amount: major(c.amount.micro),
      statedAmount: major(c.statedAmount),
      statedCurrency: c.statedCurrency,
      used: major(c.used.micro),
      remaining: major(c.remaining.micro),
      monthlyRate: major(c.monthlyRate.micro),
      runOutDate: c.runOutDate,
      projectedUnused: major(c.projectedUnused.micro),
      projectedUnusedShare: c.projectedUnusedShare,
      phase: c.phase,
      outcome: c.outcome,
      warning: c.warning,
    })),
  };
}
