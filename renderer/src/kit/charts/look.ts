import type { RagStatus } from '../../../../shared/domain';
import {
  BENEFIT,
  COST,
  GRID,
  INK,
  MUTED,
  OVER,
  PROJECTED,
  STATUS_COLOUR,
} from '../../../../shared/export/palette';
import { chartTheme } from './theme';

/**
 * Where a chart is drawn: the screens (the app's CSS-variable theme, light or dark, tooltips, a title on
 * the canvas) or the print page (the pack's print-safe palette, a fixed size, no animation, the title in
 * the figure's caption).
 */
export type ChartMedium = 'screen' | 'print';

/** The colours and font one medium draws a chart with; every builder reads only these. */
export interface ChartLook {
  medium: ChartMedium;
  text: string;
  muted: string;
  grid: string;
  cost: string;
  /** Budget drawn as a line over the bars: dark enough to read against them. */
  budget: string;
  benefit: string;
  projected: string;
  negative: string;
  status: Record<RagStatus, string>;
  font: string;
}

/** The pack's palette (shared/export/palette.ts, the deck's too): fixed, for paper and greyscale. */
export const PRINT_LOOK: ChartLook = {
  medium: 'print',
  text: INK,
  muted: MUTED,
  grid: GRID,
  cost: COST,
  budget: INK,
  benefit: BENEFIT,
  projected: PROJECTED,
  negative: OVER,
  status: STATUS_COLOUR,
  // The print page's bundled face (print/boot.tsx): a canvas font has no 'inherit', it would drop the size too.
  font: 'Inter',
};

/** The look of a medium; the screen's is read from the CSS variables now (call again when the theme changes). */
export function chartLook(medium: ChartMedium): ChartLook {
  if (medium === 'print') return PRINT_LOOK;
  const t = chartTheme();
  return {
    medium,
    text: t.text,
    muted: t.muted,
    grid: t.grid,
    cost: t.actual,
    budget: t.budget,
    benefit: t.benefit,
    projected: t.projected,
    negative: t.red,
    status: { green: t.green, amber: t.amber, red: t.red, no_data: t.projected },
    font: t.font,
  };
}
