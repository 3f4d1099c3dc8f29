import type { RagStatus } from '../domain';

/**
 * The briefing pack's palette, shared by the PDF's print view and the PowerPoint deck. Colour never carries
 * meaning alone: lines differ by dash, statuses by shape and word too. Every pair shown together stays
 * apart for colour-blind readers as well (CIEDE2000 ≥ 10 under simulated protanopia, deuteranopia and
 * tritanopia: test/electron/pack/palette.test.ts); the status colours differ in lightness, not only in hue.
 */
export const INK = '#0f172a';
export const MUTED = '#475569';
export const COST = '#1e3a8a';
export const BENEFIT = '#0f766e';
/** Lighter than the slate it was (#64748b), which deuteranopes could not tell from benefit teal. */
export const PROJECTED = '#8491a5';
export const BUDGET = '#94a3b8';
export const OVER = '#b91c1c';
/** A budget status under budget beyond tolerance (kit.css --under's default): apart from every status colour. */
export const UNDER = '#1d4ed8';
export const GRID = '#e2e8f0';

/**
 * The status colours of print.css (--green, --amber, --red), for charts, sparklines and the deck. Green,
 * amber and red of one lightness run together for protanopes and deuteranopes: emerald, amber and a dark
 * red are three lightness steps apart (all readable as text on white, contrast ≥ 4.5).
 */
export const STATUS_COLOUR: Record<RagStatus, string> = {
  green: '#047857',
  amber: '#b45309',
  red: '#7f1d1d',
  no_data: '#94a3b8',
};

/** The status marks as text: ● on track, ▲ at risk, ■ off track, ○ no data (the PDF's StatusShape). */
export const STATUS_GLYPH: Record<RagStatus, string> = {
  green: '●',
  amber: '▲',
  red: '■',
  no_data: '○',
};
