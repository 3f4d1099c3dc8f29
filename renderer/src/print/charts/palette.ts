import type { RagStatus } from '../../../../shared/domain';

/** The pack's palette lives in shared/export/palette.ts (the PowerPoint deck uses it too). */
export {
  INK,
  COST,
  BENEFIT,
  PROJECTED,
  BUDGET,
  OVER,
  GRID,
  STATUS_COLOUR,
} from '../../../../shared/export/palette';

/** The status marks of StatusShape, as Chart.js point styles (● on track, ▲ at risk, ■ off track). */
export const STATUS_POINT: Record<RagStatus, 'circle' | 'triangle' | 'rect'> = {
  green: 'circle',
  amber: 'triangle',
  red: 'rect',
  no_data: 'circle',
};

/**
 * Line styles told apart without colour (greyscale print, colour-blind readers): solid, long dashes,
 * dots; the legend draws each with its own dash.
 */
export const LINE_DASH = {
  solid: [] as number[],
  dashed: [7, 3],
  dotted: [1.5, 2.5],
};
