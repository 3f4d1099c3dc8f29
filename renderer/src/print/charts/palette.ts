import type { RagStatus } from '../../../../shared/domain';

/** Print palette. Colour never carries meaning alone: lines differ by dash, statuses by shape too. */
export const INK = '#0f172a';
export const COST = '#1e3a8a';
export const BENEFIT = '#0f766e';
export const PROJECTED = '#64748b';
export const BUDGET = '#94a3b8';
export const OVER = '#b91c1c';
export const GRID = '#e2e8f0';

/** The status colours of print.css (--green, --amber, --red), for charts and sparklines. */
export const STATUS_COLOUR: Record<RagStatus, string> = {
  green: '#15803d',
  amber: '#b45309',
  red: '#b91c1c',
  no_data: '#94a3b8',
};

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
