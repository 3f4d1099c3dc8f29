import { lastDayOfMonth, type Month } from '../../shared/fiscal';
import { BOARD_PRECISION, money } from '../../shared/format/money';
import { pct } from '../../shared/format/number';
import { commitmentOutlook, daysInMonths, vendorKey } from '../../shared/metrics/commitments';
import { monthlyBurn } from '../../shared/metrics/runRate';
import { compareText } from '../../shared/metrics/order';
import type { CommitmentOutcome, CommitmentReport } from '../../shared/report';
import type { ReportContext } from './context';
import { figureInput, ratioInput, tallyInput, valueInput } from './explanations';
import type { FactCommitment } from './facts';

const TYPE_WORD = { prepaid: 'prepaid credit', commitment: 'commitment' } as const;

/** The spend vendors (as written on the lines) that each reduced name stands for. */
function vendorsByKey(ctx: ReportContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of ctx.facts.spendByVendor.keys()) {
    if (v === '') continue;
    const k = vendorKey(v);
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  for (const list of out.values()) list.sort(compareText);
  return out;
}

/** The warning a reader must see, in words; null when the commitment is on track (or ended as planned). */
function warningText(
  c: FactCommitment,
  o: {
    outcome: CommitmentOutcome;
    runOutDate: string | null;
    remaining: number;
    unused: number;
    share: number;
  },
  ended: boolean,
  currency: string,
): string | null {
  const what = `${c.vendor} ${TYPE_WORD[c.type]}`;
  switch (o.outcome) {
    case 'runs_out_early':
      return `${what} will run out on ${o.runOutDate}, before its end ${c.end}.`;
    case 'under_used':
      return ended
        ? `${what}: ${money(o.unused, currency, BOARD_PRECISION)} (${pct(o.share)}) was left unused at its end ${c.end}.`
        : `${what}: at the current rate, ${money(o.unused, currency, BOARD_PRECISION)} (${pct(o.share)}) will be unused at its end ${c.end}.`;
    case 'overrun':
      return `${what} is overrun by ${money(-o.remaining, currency, BOARD_PRECISION)}: spend with ${c.vendor} since ${c.start} exceeds it.`;
    case 'used_up':
      return ended ? null : `${what} is used up before its end ${c.end}: further spend is beyond it.`;
    case 'on_track':
      return null;
  }
}

function commitmentLine(
  ctx: ReportContext,
  c: FactCommitment,
  vendors: Map<string, string[]>,
): CommitmentReport {
  const { book, facts, quarter: q } = ctx;
  const currency = facts.settings.currency;
  const key = `commitments.${c.id}`;
  const label = `${c.vendor} ${TYPE_WORD[c.type]} ${c.start} to ${c.end}`;
  const source = valueInput(
    `${c.vendor} ${TYPE_WORD[c.type]}, ${c.start} to ${c.end}${c.sourceRow ? `, row ${c.sourceRow}` : ''}`,
    'commitments',
    `${money(c.amount, c.currency)} (${c.currency.toUpperCase()})`,
    1,
    c.batchId ? [c.batchId] : [],
  );
  const amount = book.money(`${key}.amount`, c.amountReporting, {
    label: `Amount, ${label}`,
    formula: c.rate
      ? `The stated amount × the ${c.currency} rate of its start month ${c.rate.month}, rounded half away from zero to the micro-unit.`
      : 'The stated amount.',
    inputs: c.rate
      ? [
          source,
          valueInput(
            `${c.currency} ${c.rate.month}`,
            'fx_rates',
            c.rate.rate,
            1,
            c.rate.batchId ? [c.rate.batchId] : [],
          ),
        ]
      : [source],
  });

  const matched = vendors.get(vendorKey(c.vendor)) ?? [];
  const startMonth: Month = c.start.slice(0, 7);
  const endMonth: Month = c.end.slice(0, 7);
  const usedTo: Month = endMonth < ctx.asOf ? endMonth : ctx.asOf;
  const matchNote =
    matched.length === 0
      ? `No spend line names a vendor matching "${c.vendor}" (names are compared reduced: case, punctuation and legal forms such as Inc or LLC ignored).`
      : `Spend vendors matched (reduced name "${vendorKey(c.vendor)}"): ${matched.map((v) => `"${v}"`).join(', ')}.`;
  const usedTally = facts.spendByVendor.sumKeys(matched, startMonth, usedTo);
  const used = book.money(`${key}.used`, startMonth > usedTo ? 0 : usedTally.micro, {
    label: `Used, ${label}, to ${q.end}`,
    formula:
      "Sum of spend lines with the vendor (names compared reduced) dated in the commitment's months up to the period's end: whole months, as spend is matched by month.",
    inputs:
      startMonth > usedTo
        ? []
        : [tallyInput(`Spend with ${c.vendor} ${startMonth} to ${usedTo}`, 'spend', usedTally)],
    notes: [matchNote],
  });
  const remainingMicro = amount.micro - used.micro;
  const remaining = book.money(`${key}.remaining`, remainingMicro, {
    label: `Remaining, ${label}, on ${q.end}`,
    formula: 'Amount − used; negative is an overrun (spend beyond the commitment).',
    inputs: [figureInput('Amount', amount), figureInput('Used', used)],
    notes: remainingMicro < 0 ? [`Overrun by ${money(-remainingMicro, currency)}.`] : [],
  });

  const months = ctx.lastThreeMonths;
  const rateTallies = months.map((m) => facts.spendByVendor.sumKeys(matched, m, m));
  const monthlyRate = book.money(`${key}.monthlyRate`, monthlyBurn(rateTallies.map((t) => t.micro)), {
    label: `Monthly run rate, ${c.vendor}, as of ${q.end}`,
    formula:
      'Mean monthly spend with the vendor over the last 3 complete months (sum ÷ 3, rounded to the micro-unit).',
    inputs: rateTallies.map((t, i) => tallyInput(`Spend with ${c.vendor} ${months[i]}`, 'spend', t)),
    notes: [matchNote],
  });
  const rateSum = rateTallies.reduce((s, t) => s + t.micro, 0);
  const rateDays = daysInMonths(months);
  const asOf = lastDayOfMonth(ctx.asOf);
  const o = commitmentOutlook({
    amount: amount.micro,
    used: used.micro,
    start: c.start,
    end: c.end,
    asOf,
    rateSum,
    rateDays,
  });
  const ended = o.phase === 'ended';
  const warning = warningText(
    c,
    {
      outcome: o.outcome,
      runOutDate: o.runOutDate,
      remaining: o.remaining,
      unused: o.projectedUnused,
      share: o.projectedUnusedShare,
    },
    ended,
    currency,
  );
  const rateInputs = [
    figureInput('Remaining', remaining),
    tallyInput(
      `Spend with ${c.vendor} ${months[0]} to ${months[months.length - 1]}`,
      'spend',
      facts.spendByVendor.sumKeys(matched, months[0]!, months[months.length - 1]!),
    ),
    valueInput('Days in those months', 'settings', rateDays),
    valueInput('As of', 'settings', asOf),
    valueInput('End', 'commitments', c.end, 1, c.batchId ? [c.batchId] : []),
    valueInput('Days from the as-of date to the end', 'settings', o.daysToEnd),
  ];
  const projectedUnused = book.money(`${key}.projectedUnused`, o.projectedUnused, {
    label: `Unused at its end ${c.end}, at the current rate, ${label}`,
    formula: ended
      ? 'Remaining at its end (it ended on or before the as-of date).'
      : 'Remaining − daily rate × days from the as-of date to the end, where daily rate = spend of the last 3 complete months ÷ their days; never below zero.',
    inputs: rateInputs,
  });
  const projectedUnusedShareExplain = book.other(
    `${key}.projectedUnusedShare`,
    'ratio',
    o.projectedUnusedShare,
    {
      label: `Unused share of the amount at its end, ${label}`,
      formula: 'Unused at its end ÷ the amount (in the workspace currency).',
      inputs: [figureInput('Unused at its end', projectedUnused), figureInput('Amount', amount)],
    },
  );
  const explain = book.other(`${key}.outlook`, 'status', o.runOutDate, {
    label: `Run-out date and outlook, ${label}`,
    formula:
      'Run-out date = the as-of date (or the day before the start) + ⌈remaining ÷ daily rate⌉ days, daily rate = spend of the last 3 complete months ÷ their days; ' +
      'a warning when that is before the end ("will run out on D, before its end E"), or when some of it will be left unused at its end (under-use).',
    inputs: [
      ...rateInputs,
      figureInput('Unused at its end', projectedUnused),
      ratioInput('Unused share of the amount', 'figure', o.projectedUnusedShare),
    ],
    notes: [
      warning ?? `On track: ${o.outcome.replace(/_/g, ' ')}.`,
      ...(rateSum <= 0 && o.remaining > 0 && !ended
        ? ['No spend with the vendor in the last 3 complete months: no run-out date.']
        : []),
    ],
  });
  return {
    id: c.id,
    vendor: c.vendor,
    type: c.type,
    start: c.start,
    end: c.end,
    statedAmount: c.amount,
    statedCurrency: c.currency.toUpperCase(),
    initiative: c.initiative,
    description: c.description,
    amount,
    used,
    remaining,
    monthlyRate,
    runOutDate: o.runOutDate,
    projectedUnused,
    projectedUnusedShare: o.projectedUnusedShare,
    projectedUnusedShareExplain,
    phase: o.phase,
    outcome: o.outcome,
    warning,
    explain,
    batchId: c.batchId,
    sourceRow: c.sourceRow,
  };
}

/**
 * Commitments in force at some time in the fiscal year to the period's end (started on or before its last
 * day, ending on or after the fiscal year's first day), each with its drawdown and outlook.
 */
export function buildCommitments(ctx: ReportContext): CommitmentReport[] {
  const asOf = lastDayOfMonth(ctx.asOf);
  const fyStart = `${ctx.fiscalYearStart}-01`;
  const inScope = ctx.facts.commitments.filter((c) => c.start <= asOf && c.end >= fyStart);
  if (inScope.length === 0) return [];
  const vendors = vendorsByKey(ctx);
  return inScope.map((c) => commitmentLine(ctx, c, vendors));
}
