import type { RagStatus } from '../domain';

/**
 * The briefing pack's palette, shared by the PDF's print view and the PowerPoint deck. Colour never carries
 * meaning alone: lines differ by dash, statuses by shape and word too; the pairs that must be told apart
 * (cost navy against benefit teal, budget grey against actual navy) differ in lightness as well as hue.
 */
export const INK = '#0f172a';
export const MUTED = '#475569';
export const COST = '#1e3a8a';
export const BENEFIT = '#0f766e';
export const PROJECTED = '#64748b';
export const BUDGET = '#94a3b8';
export const OVER = '#b91c1c';
export const GRID = '#e2e8f0';

/** The status colours of print.css (--green, --amber, --red), for charts, sparklines and the deck. */
export const STATUS_COLOUR: Record<RagStatus, string> = {
  green: '#15803d',
  amber: '#b45309',
  red: '#b91c1c',
  no_data: '#94a3b8',
};

/** The status marks as text: ● on track, ▲ at risk, ■ off track, ○ no data (the PDF's StatusShape). */
export const STATUS_GLYPH: Record<RagStatus, string> = {
  green: '●',
  amber: '▲',
  red: '■',
  no_data: '○',
};
