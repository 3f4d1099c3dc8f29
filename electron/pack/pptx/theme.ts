import type { RagStatus } from '../../../shared/domain';
import {
  BENEFIT,
  BUDGET,
  COST,
  GRID,
  INK,
  MUTED,
  OVER,
  PROJECTED,
  STATUS_COLOUR,
} from '../../../shared/export/palette';

/** "#1e3a8a" → "1E3A8A", as OOXML colours are written. */
export function hex(colour: string): string {
  return colour.replace('#', '').toUpperCase();
}

/** PowerPoint's own 16:9 size (LAYOUT_WIDE), in inches. */
export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN = 0.5;
export const CONTENT_W = SLIDE_W - 2 * MARGIN;
/** Below the title and its rule. */
export const CONTENT_TOP = 1.2;
/** Above the footer line. */
export const CONTENT_BOTTOM = 6.8;

/** Arial: on every PowerPoint, and metric-compatible substitutes elsewhere. */
export const FONT = 'Arial';

/** The PDF's palette (shared/export/palette.ts) in OOXML form. */
export const COLOURS = {
  ink: hex(INK),
  muted: hex(MUTED),
  cost: hex(COST),
  benefit: hex(BENEFIT),
  projected: hex(PROJECTED),
  budget: hex(BUDGET),
  over: hex(OVER),
  rule: hex(GRID),
  header: hex(COST),
  headerText: 'FFFFFF',
  zebra: 'F8FAFC',
  tile: 'F1F5F9',
  white: 'FFFFFF',
} as const;

export const STATUS_HEX: Record<RagStatus, string> = {
  green: hex(STATUS_COLOUR.green),
  amber: hex(STATUS_COLOUR.amber),
  red: hex(STATUS_COLOUR.red),
  no_data: hex(STATUS_COLOUR.no_data),
};
