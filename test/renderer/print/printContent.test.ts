/**
 * The print view's content, rendered by React to static HTML from a real demo workspace's pack data
 * (the same components the PDF prints; layout and charts are checked in Chromium elsewhere).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IRR_MEANINGFUL_MAX, IRR_NOT_MEANINGFUL_NOTE } from '../../../shared/export/irrShown';
import { boardMoney, kpiValue, wholeUnitsNote } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { createService } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { draftSummary } from '../../../shared/narrative/draftSummary';
import {
  cumulativeChart as kitCumulativeChart,
  PRINT_LOOK,
  roiByInitiativeChart,
  varianceByCategoryChart,
} from '../../../renderer/src/kit/charts';
import { STATUS_COLOUR, UNDER } from '../../../shared/export/palette';
import { roiChartInitiatives } from '../../../shared/export/roiChartSelection';
import type { ReportModel } from '../../../shared/report';
import { PackDocument } from '../../../renderer/src/print/PackDocument';
import { BOARD_SUMMARY_FORMAT } from '../../../shared/export/summaryFormat';
import { tempWorkspace } from '../../helpers/tempWorkspace';

const PERIOD = 'FY2026-Q3';

/** The pack's HTML for `data`. */
function render(data: PackData): string {
  return renderToStaticMarkup(createElement(PackDocument, { data, packDate: '2026-10-12' }));
}

/** The visible text of an HTML fragment, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML of the pack section with this id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="pack-section`, html.indexOf(`id="${id}"`) - 60);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

/** The table row (<tr>…</tr>) whose first cell starts with `label`. */
function row(html: string, label: string): string {
  const rows = html.match(/<tr[^>]*>.*?<\/tr>/gs) ?? [];
  const found = rows.find((r) => text(r).startsWith(label));
  expect(found, `row ${label}`).toBeDefined();
  return found!;
}

const ws = tempWorkspace({ demo: true });
let data: PackData;
let html: string;
beforeAll(async () => {
  const r = await createService({ ws, uploads: new UploadStore() }).call('pack.data', { period: PERIOD });
  if (!r.ok) throw new Error(r.error.message);
  data = r.result as PackData;
  html = render(data);
});
afterAll(() => ws.close());

describe('KPI values in the pack', () => {
  it('a KPI with a target below 1% shows 3 decimals: value, target (scorecard and risk tables)', () => {
    for (const id of ['kpi-scorecard', 'risk-governance']) {
      const r = text(row(section(html, id), 'Safety Violation Rate'));
      expect(r).toContain('0.098%');
      expect(r).toContain('max 0.100%');
    }
    expect(text(row(section(html, 'appendix-definitions'), 'Safety Violation Rate'))).toContain('max 0.100%');
    // Other ratio KPIs keep one decimal.
    expect(text(row(section(html, 'kpi-scorecard'), 'Support Deflection'))).toContain('18.6% min 15.0%');
  });
});

describe('executive summary (page 2)', () => {
  it("with no summary written, prints the Narrative screen's draft: off-track KPIs and movers included", () => {
    expect(data.commentary.find((c) => c.scope === 'summary')?.body ?? '').toBe('');
    const page = text(section(html, 'executive-summary'));
    expect(page).toContain('this is the draft the Narrative screen proposes');
    const draft = draftSummary(data.report, BOARD_SUMMARY_FORMAT);
    for (const para of draft.split('\n\n')) expect(page).toContain(para);
    // Money in whole units, as on the rest of the board pages.
    expect(page).toContain('the AI portfolio of 9 initiatives cost $1,870,661');
    const red = data.report.kpis.filter((k) => k.status === 'red');
    expect(red.length).toBeGreaterThan(0);
    for (const k of red) expect(page).toContain(k.name);
    expect(page).toContain('Incident Rate (AI-caused) (6 vs target max 2)');
    expect(page).toContain('% High-Risk Use Cases with Formal Approval (66.7% vs target min 100.0%)');
    expect(page).toContain('Safety Violation Rate improved from 0.145% to 0.098%');
    expect(page).toContain('Budget runs out Dec 2026');
  });

  it("the user's own summary replaces the draft", () => {
    const own: PackData = {
      ...data,
      commentary: [
        ...data.commentary,
        { period: PERIOD, scope: 'summary', ref: '', body: 'Our own words.\n\nSecond paragraph.' },
      ] as PackData['commentary'],
    };
    const page = text(section(render(own), 'executive-summary'));
    expect(page).toContain('Our own words. Second paragraph.');
    expect(page).not.toContain('Narrative screen');
    expect(page).not.toContain('KPIs are on track');
  });
});

/** The print page's charts: the kit's builders in the print look, as the sections call them. */
const cumulativeChart = (r: ReportModel) => kitCumulativeChart(r, PRINT_LOOK);
const varianceChart = (r: ReportModel) => varianceByCategoryChart(r, PRINT_LOOK);
const roiChart = (r: ReportModel) => roiByInitiativeChart(roiChartInitiatives(r), ['quarter'], PRINT_LOOK);

describe('charts', () => {
  it('cumulative benefit vs cost: the lines differ by dash, not colour alone, and the legend draws each dash', () => {
    const cfg = cumulativeChart(data.report);
    const dashes = cfg.data.datasets.map((d) => JSON.stringify(d.borderDash ?? []));
    expect(new Set(dashes).size).toBe(cfg.data.datasets.length);
    const labels = cfg.options!.plugins!.legend!.labels!;
    expect(labels.usePointStyle).toBe(true);
    const legend = labels.generateLabels!(null as never);
    expect(
      legend.map((l) => [l.text, JSON.stringify(l.lineDash), l.lineWidth, l.strokeStyle, l.pointStyle]),
    ).toEqual(
      cfg.data.datasets.map((d) => [
        d.label,
        JSON.stringify(d.borderDash),
        d.borderWidth,
        d.borderColor,
        'line',
      ]),
    );
  });

  it('variance by category: each bar has the status of its row in the table (Labor +4.6% is on track, not red)', () => {
    const cfg = varianceChart(data.report);
    const rows = data.report.budget.byCategory;
    // An under-spend beyond tolerance in the under-budget colour, every other bar in its status colour.
    expect(cfg.data.datasets[0]!.backgroundColor).toEqual(
      rows.map((c) => (c.status !== 'green' && c.variance.micro < 0 ? UNDER : STATUS_COLOUR[c.status])),
    );
    const labor = rows.findIndex((c) => c.label === 'Labor');
    expect(rows[labor]!.variance.micro).toBeGreaterThan(0);
    expect(rows[labor]!.status).toBe('green');
    expect((cfg.data.datasets[0]!.backgroundColor as string[])[labor]).toBe(STATUS_COLOUR.green);
    // The table beside the chart says the same.
    expect(text(row(section(html, 'spend-budget'), 'Labor'))).toContain('On budget');
    // Other is 14% under budget: red by distance, but under, not an over-spend.
    expect(text(row(section(html, 'spend-budget'), 'Other'))).toContain('Under budget');
    const legend = cfg.options!.plugins!.legend!.labels!.generateLabels!(null as never);
    expect(legend.map((l) => [l.text, l.pointStyle, l.rotation])).toEqual([
      ['On budget', 'circle', 0],
      ['Over budget', 'triangle', 0],
      ['Slightly under', 'triangle', 180],
      ['Under budget', 'triangle', 180],
    ]);
  });
});

describe('IRR', () => {
  it('a rate above 1,000% a year prints as n/m with the note on its page; a normal rate as a percentage', () => {
    const normal = text(section(html, 'portfolio-value'));
    expect(data.report.portfolio.irr.value).toBeLessThan(IRR_MEANINGFUL_MAX);
    expect(normal).toContain(`IRR (annual) ${(data.report.portfolio.irr.value! * 100).toFixed(1)}%`);
    expect(normal).not.toContain(IRR_NOT_MEANINGFUL_NOTE);
    // The demo's Customer Support Copilot pays back in 5 months: its own IRR, as the portfolio's.
    const fast = data.report.initiatives.find((i) => i.name === 'Customer Support Copilot')!.irr.value!;
    expect(fast).toBeGreaterThan(IRR_MEANINGFUL_MAX);
    const quick = structuredClone(data);
    quick.report.portfolio.irr.value = fast;
    const page = text(section(render(quick), 'portfolio-value'));
    expect(page).toMatch(/IRR \(annual\) n\/m Cumulative ROI/);
    expect(page).toContain(IRR_NOT_MEANINGFUL_NOTE);
    expect(page).not.toContain(`${(fast * 100).toFixed(1)}%`);
  });
});

describe('tables with a total row', () => {
  it('each says, under it, that it is in whole units and totals are rounded independently', () => {
    const tables = html.match(/<table[^>]*>.*?<\/table>/gs) ?? [];
    const withTotal = tables.filter((t) => /<tr class="total"/.test(t));
    expect(withTotal.length).toBeGreaterThanOrEqual(4);
    const note = wholeUnitsNote('USD');
    expect(note).toMatch(/^Whole US dollars; totals rounded independently/);
    for (const t of withTotal) expect(t).toContain(`<caption class="table-note">${note}</caption>`);
    // The case in point: the initiative rows, each rounded to the whole dollar (half away from zero), do not
    // add to the total rounded from the exact sum; the page prints each as rounded, not a re-added total.
    const r = data.report;
    const units = (micro: number) => Math.sign(micro) * Math.round(Math.abs(micro) / 1_000_000);
    const rows = r.initiatives.reduce(
      (s, i) => s + units(i.cost.micro),
      units(r.portfolio.sharedPlatformCost.micro),
    );
    expect(units(r.portfolio.cost.micro)).toBe(1_870_661); // $1,870,660.60 exact
    expect(rows).not.toBe(units(r.portfolio.cost.micro));
    const initiatives = withTotal.find((t) => t.includes('Shared platform (not allocated)'))!;
    expect(text(initiatives)).toContain(`Portfolio ${boardMoney(r.portfolio.cost.micro, r.currency)}`);
    expect(text(initiatives)).toContain('Portfolio $1,870,661');
    // Board pages show no cents at all.
    expect(text(section(html, 'portfolio-value'))).not.toMatch(/\$[\d,]+\.\d\d\b/);
  });
});

describe('unit economics', () => {
  it('the spend section carries inference cost per key action by month and quarter, as the model has it', () => {
    const spend = section(html, 'spend-budget');
    const u = data.report.unitEconomics;
    expect(u.months.length).toBe(3);
    const q = row(spend, 'FY2026-Q3');
    expect(text(q)).toBe(
      `FY2026-Q3 ${boardMoney(u.quarter.inferenceCost, 'USD')} ${u.quarter.keyActions!.toLocaleString('en-US')} $${u.quarter.costPerAction!.toFixed(4)}`,
    );
    const previous = row(spend, 'FY2026-Q2');
    expect(text(previous)).toContain(`$${u.previousQuarter.costPerAction!.toFixed(4)}`);
    expect(text(spend)).toContain(`Cost per key action ${(u.qoqChange! * 100).toFixed(1)}% on FY2026-Q2`);
  });
});

describe('Appendix B', () => {
  it('defines cumulative ROI in its own words (to the period end), not as the quarter ROI', () => {
    const defs = new Map(data.definitions.map((d) => [d.name, d.formula]));
    expect(defs.get('Cumulative ROI')).not.toBe(defs.get('ROI'));
    expect(defs.get('Cumulative ROI')).toMatch(/to the period end/);
    expect(text(row(section(html, 'appendix-definitions'), 'Cumulative ROI'))).toContain(
      '(Cumulative realized benefit − cumulative cost) ÷ cumulative cost, to the period end',
    );
  });
});

describe('initiative table', () => {
  it('payback: "n/a" for a retired initiative that never paid back, "Not yet" for a live one, as on screen', () => {
    const table = section(html, 'portfolio-value');
    const retired = data.report.initiatives.find((i) => i.name === 'HR Policy Chatbot')!;
    expect(retired.stage).toBe('retired');
    expect(retired.paybackMonths.value).toBeNull();
    expect(text(row(table, 'HR Policy Chatbot'))).toMatch(/ n\/a -\$/);
    expect(text(row(table, 'Knowledge Search'))).toMatch(/ Not yet -\$/);
  });
});

describe('ROI chart', () => {
  it('its caption says the bars are in order of cost, as they are', () => {
    const caption = text(section(html, 'portfolio-value').match(/<figcaption>.*?<\/figcaption>/s)![0]);
    expect(caption).toBe(`ROI by initiative, ${PERIOD} Initiatives in order of cost, largest first`);
    const labels = roiChart(data.report).data.labels as string[];
    const cost = new Map(data.report.initiatives.map((i) => [i.name, i.cost.micro]));
    const costs = labels.map((l) => cost.get(l)!);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
  });
});

describe('sparklines', () => {
  it('their alt text gives each quarter as the table prints values, never a raw float', () => {
    const labels = [...section(html, 'kpi-scorecard').matchAll(/<svg[^>]*aria-label="([^"]*)"/g)].map(
      (m) => m[1]!,
    );
    expect(labels.length).toBeGreaterThan(10);
    for (const l of labels) expect(l).not.toMatch(/\d\.\d{5,}/); // $0.0444 is a unit cost's 4 decimals
    const token = data.report.kpis.find((k) => k.id === 'token_budget_variance')!;
    const label = labels.find((l) => l.startsWith(token.name))!;
    const first = token.history[0]!;
    expect(label).toContain(`${first.period}: ${kpiValue(first.value, token, data.report.currency)}`);
    expect(label).toMatch(/FY2026-Q3: 15\.5%$/);
    const safety = labels.find((l) => l.startsWith('Safety Violation Rate'))!;
    expect(safety).toMatch(/FY2026-Q2: 0\.145%; FY2026-Q3: 0\.098%$/);
  });
});

describe('vendor table', () => {
  it('has a total row: the quarter spend (every spend line is under some vendor) and all its lines', () => {
    const b = data.report.budget;
    expect(b.byVendor.reduce((s, v) => s + v.actual.micro, 0)).toBe(b.actual.micro);
    const lines = b.byVendor.reduce((s, v) => s + v.lineCount, 0);
    const table = section(html, 'spend-budget').match(
      /<table[^>]*>(?:(?!<\/table>).)*?<th>Vendor<\/th>.*?<\/table>/s,
    )![0];
    expect(text(row(table, 'Total'))).toBe(
      `Total ${boardMoney(b.actual.micro, data.report.currency)} ${lines}`,
    );
    expect(table).toContain(wholeUnitsNote(data.report.currency));
  });
});
