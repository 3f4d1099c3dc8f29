/** Print palette: distinguishable in greyscale too (dark vs light, solid vs dashed). */
export const INK = '#0f172a';
export const COST = '#1e3a8a';
export const BENEFIT = '#0f766e';
export const PROJECTED = '#64748b';
export const BUDGET = '#94a3b8';
export const OVER = '#b91c1c';
export const UNDER = '#1d4ed8';
export const GRID = '#e2e8f0';
