import type { WorkspaceSettings } from '../domain';

/**
 * Whether the logo in Settings is an SVG: the PDF shows it as it is; the deck takes it only as a PNG drawn
 * from it at export (PowerPoint needs a PNG beside an SVG), which the print view's Chromium draws.
 */
export function isSvgLogo(settings: Pick<WorkspaceSettings, 'logoDataUrl'>): boolean {
  return /^data:image\/svg\+xml[;,]/.test(settings.logoDataUrl ?? '');
}
