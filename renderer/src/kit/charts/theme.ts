/** Chart colours, read from the app's CSS custom properties so charts follow the light/dark theme. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  budget: string;
  actual: string;
  benefit: string;
  projected: string;
  green: string;
  amber: string;
  red: string;
  font: string;
}

const FALLBACK: ChartTheme = {
  text: '#17202b',
  muted: '#5b6675',
  grid: '#dde1e7',
  accent: '#2f5bd3',
  budget: '#17202b',
  actual: '#2f5bd3',
  benefit: '#1e7b45',
  projected: '#7a8aa0',
  green: '#1e7b45',
  amber: '#a15c00',
  red: '#b3261e',
  font: 'Inter, system-ui, sans-serif',
};

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v || fallback;
}

export function chartTheme(element?: Element | null): ChartTheme {
  if (typeof window === 'undefined') return FALLBACK;
  const style = getComputedStyle(element ?? document.documentElement);
  return {
    text: cssVar(style, '--text', FALLBACK.text),
    muted: cssVar(style, '--muted', FALLBACK.muted),
    grid: cssVar(style, '--grid', FALLBACK.grid),
    accent: cssVar(style, '--accent', FALLBACK.accent),
    budget: cssVar(style, '--chart-budget', FALLBACK.budget),
    actual: cssVar(style, '--chart-actual', FALLBACK.actual),
    benefit: cssVar(style, '--chart-benefit', FALLBACK.benefit),
    projected: cssVar(style, '--chart-projected', FALLBACK.projected),
    green: cssVar(style, '--green', FALLBACK.green),
    amber: cssVar(style, '--amber', FALLBACK.amber),
    red: cssVar(style, '--red', FALLBACK.red),
    font: cssVar(style, '--font', FALLBACK.font),
  };
}

/** Colour with alpha, for fills (accepts #rrggbb; anything else is returned as is). */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = parseInt(m[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
