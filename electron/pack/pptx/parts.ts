import type PptxGenJS from 'pptxgenjs';
import type { RagStatus, Trend } from '../../../shared/domain';
import { currencySymbol, STATUS_LABEL, TREND_LABEL } from '../../../shared/export/format';
import { STATUS_GLYPH, UNDER } from '../../../shared/export/palette';
import { budgetStatusView } from '../../../shared/format/budgetStatus';
import { microToCentsString, type Micro } from '../../../shared/money';
import { safeText } from '../../../shared/export/safeText';
import type { Cell } from './flow';
import type { DeckContext, Slide } from './deckContext';
import { COLOURS, CONTENT_W, FONT, hex, MARGIN, STATUS_HEX } from './theme';
import { clean, cleanLine } from './text';

/** A status as colour, shape and word: "● On track" in the status colour. */
export function statusCell(status: RagStatus): Cell {
  return { text: statusText(status), colour: STATUS_HEX[status], bold: true };
}

/** A budget status: "▲ Over budget" in the status colour, "▼ Under budget" in its own (shared/format/budgetStatus). */
export function budgetStatusCell(status: RagStatus, varianceMicro: number | null): Cell {
  const v = budgetStatusView(status, varianceMicro);
  return { text: `${v.glyph} ${v.label}`, colour: budgetStatusHex(status, varianceMicro), bold: true };
}

/** The colour of a budget status: an underspend beyond tolerance in its own colour, else the status colour. */
const UNDER_HEX = hex(UNDER);

export function budgetStatusHex(status: RagStatus, varianceMicro: number | null): string {
  return budgetStatusView(status, varianceMicro).side === 'under' ? UNDER_HEX : STATUS_HEX[status];
}

export function statusText(status: RagStatus): string {
  return `${STATUS_GLYPH[status]} ${STATUS_LABEL[status]}`;
}

const ARROW: Record<Trend, string> = { improving: '↑', worsening: '↓', flat: '–', no_data: '·' };

/** The PDF's TrendMark as text: "↑ Improving". */
export function trendText(trend: Trend): string {
  return `${ARROW[trend]} ${TREND_LABEL[trend]}`;
}

export interface Tile {
  label: string;
  value: string;
  detail?: string;
  status?: RagStatus;
  /** With a status: the budget variance (actual − budget, micro-units), shown as over / under budget. */
  budgetVariance?: number | null;
}

export const TILE_H = 1.15;

/** Headline tiles in a row (or rows of `perRow`), each a native shape with text runs. */
export function addTiles(slide: Slide, tiles: Tile[], y: number, perRow = tiles.length): number {
  const gap = 0.2;
  const w = (CONTENT_W - gap * (perRow - 1)) / perRow;
  tiles.forEach((t, i) => {
    const x = MARGIN + (i % perRow) * (w + gap);
    const ty = y + Math.floor(i / perRow) * (TILE_H + gap);
    const runs: PptxGenJS.TextProps[] = [
      { text: clean(t.label), options: { fontSize: 10, color: COLOURS.muted, breakLine: true } },
      { text: clean(t.value), options: { fontSize: 20, bold: true, color: COLOURS.ink, breakLine: true } },
    ];
    if (t.detail) runs.push({ text: clean(t.detail), options: { fontSize: 9, color: COLOURS.ink } });
    if (t.status) {
      const budget = t.budgetVariance !== undefined ? budgetStatusView(t.status, t.budgetVariance) : null;
      runs.push({
        text: `${t.detail ? '  ' : ''}${budget ? `${budget.glyph} ${budget.label}` : statusText(t.status)}`,
        options: {
          fontSize: 9,
          bold: true,
          color: budget ? budgetStatusHex(t.status, t.budgetVariance!) : STATUS_HEX[t.status],
        },
      });
    }
    slide.addText(runs, {
      x,
      y: ty,
      w,
      h: TILE_H,
      fontFace: FONT,
      fill: { color: COLOURS.tile },
      line: { color: COLOURS.rule, width: 0.75 },
      margin: [6, 8, 6, 8],
      valign: 'top',
      fit: 'shrink',
    });
  });
  const rows = Math.ceil(tiles.length / perRow);
  return y + rows * TILE_H + (rows - 1) * gap;
}

/** An amount exact to the cent as a number for a chart's data (its text is the cent string itself). */
export function chartMoney(micro: Micro | null): number | null {
  return micro === null ? null : Number(microToCentsString(micro));
}

/** Excel/PowerPoint number format for money on an axis or label: "$"#,##0. */
export function moneyAxisFormat(currency: string, decimals = false): string {
  const sym = currencySymbol(currency).trim().replace(/"/g, '');
  return `"${sym}"#,##0${decimals ? '.00' : ''}`;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  colour: string;
  /** A colour per bar (a single-series bar chart only), e.g. each category's status colour. */
  pointColours?: string[];
}

/** Where a chart would stand but has nothing to show: one muted line saying why. */
export function addChartPlaceholder(
  slide: Slide,
  text: string,
  box: { x: number; y: number; w: number },
): void {
  slide.addText(text, { ...box, h: 0.4, fontFace: FONT, fontSize: 11, italic: true, color: COLOURS.muted });
}

/**
 * A native single-type bar chart (clustered) with its data embedded in the deck (PowerPoint's "Edit data"
 * opens it). Category labels that came from imports are neutralised against formula injection in the
 * embedded workbook the way the Excel pack does it (safeText), and stripped of XML-forbidden characters.
 */
export function addBarChart(
  d: DeckContext,
  slide: Slide,
  box: { x: number; y: number; w: number; h: number },
  opts: {
    title: string;
    labels: string[];
    series: ChartSeries[];
    horizontal: boolean;
    valueFormat: string;
    /** The value axis's format when coarser than the data labels' ("0%" against "0.0%"). */
    axisFormat?: string;
    dataLabels?: boolean;
    legend?: boolean;
    /** Start the value axis at zero (money against money: no exaggerated differences). */
    fromZero?: boolean;
    /** The colour of a negative bar (the PDF's ROI chart draws losses in its over-spend red). */
    negativeColour?: string;
  },
): void {
  const labels = opts.labels.map((l) => safeText(cleanLine(l)));
  const many = labels.length > 10;
  slide.addChart(
    d.pptx.ChartType.bar,
    opts.series.map((s) => ({ name: safeText(cleanLine(s.name)), labels, values: s.values as number[] })),
    {
      ...box,
      barDir: opts.horizontal ? 'bar' : 'col',
      barGrouping: 'clustered',
      barGapWidthPct: labels.length <= 4 ? 150 : 60,
      chartColors:
        opts.series.length === 1 && opts.series[0]!.pointColours
          ? opts.series[0]!.pointColours
          : opts.series.map((s) => s.colour),
      ...(opts.negativeColour ? { invertedColors: [opts.negativeColour] } : {}),
      showTitle: true,
      title: clean(opts.title),
      titleFontFace: FONT,
      titleFontSize: 12,
      titleColor: COLOURS.ink,
      showLegend: opts.legend ?? opts.series.length > 1,
      legendPos: 'b',
      legendFontFace: FONT,
      legendFontSize: 9,
      showValue: opts.dataLabels ?? false,
      dataLabelFormatCode: opts.valueFormat,
      dataLabelFontFace: FONT,
      dataLabelFontSize: 8,
      dataLabelColor: COLOURS.ink,
      dataLabelPosition: 'outEnd',
      valAxisLabelFormatCode: opts.axisFormat ?? opts.valueFormat,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 9,
      valAxisLabelColor: COLOURS.muted,
      valGridLine: { color: COLOURS.rule, style: 'solid', size: 0.5 },
      ...(opts.fromZero ? { valAxisMinVal: 0 } : {}),
      // Category names sit at the low end of the value axis, clear of negative bars.
      catAxisLabelPos: 'low',
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: many ? 7 : 9,
      catAxisLabelColor: COLOURS.ink,
      catGridLine: { style: 'none' },
      // A horizontal bar chart lists its first category at the top, as the PDF's chart does.
      // (pptxgenjs writes 'maxMin' as given; its typings only list 'minMax'.)
      ...(opts.horizontal ? { catAxisOrientation: 'maxMin' as 'minMax' } : {}),
    },
  );
}

/** A native line chart (one type only: no combo, no secondary axis). */
export function addLineChart(
  d: DeckContext,
  slide: Slide,
  box: { x: number; y: number; w: number; h: number },
  opts: { title: string; labels: string[]; series: ChartSeries[]; valueFormat: string },
): void {
  const labels = opts.labels.map((l) => safeText(cleanLine(l)));
  slide.addChart(
    d.pptx.ChartType.line,
    opts.series.map((s) => ({ name: safeText(cleanLine(s.name)), labels, values: s.values as number[] })),
    {
      ...box,
      chartColors: opts.series.map((s) => s.colour),
      lineSize: 2,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 5,
      showTitle: true,
      title: clean(opts.title),
      titleFontFace: FONT,
      titleFontSize: 12,
      titleColor: COLOURS.ink,
      showLegend: true,
      legendPos: 'b',
      legendFontFace: FONT,
      legendFontSize: 9,
      valAxisLabelFormatCode: opts.valueFormat,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 9,
      valAxisLabelColor: COLOURS.muted,
      valGridLine: { color: COLOURS.rule, style: 'solid', size: 0.5 },
      valAxisMinVal: 0,
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: 9,
      catAxisLabelColor: COLOURS.ink,
      catGridLine: { style: 'none' },
    },
  );
}
