import type { KpiTargetVersion } from '../report';
import { kpiValue } from './format';
import type { TargetChange } from './packTypes';

function versionText(t: TargetChange, v: KpiTargetVersion, currency: string): string {
  const shown = (x: number) =>
    kpiValue(x, { unit: t.unit, target: v.target, tolerance: v.tolerance }, currency);
  const band = t.direction === 'band' ? ` ± ${shown(v.tolerance ?? 0)}` : '';
  return `${shown(v.target)}${band} (amber ${shown(v.amber)})`;
}

/** "70.0% (amber 60.0%) → 80.0% (amber 70.0%)": a target change as the pack prints it. */
export function targetChangeText(t: TargetChange, currency: string): string {
  return `${versionText(t, t.from, currency)} → ${versionText(t, t.to, currency)}`;
}

/** What the change did to the status, in words. */
export function targetStatusEffect(
  t: TargetChange,
  label: (s: TargetChange['statusFrom']) => string,
): string {
  const move = `${label(t.statusFrom)} → ${label(t.statusTo)}`;
  if (t.statusCause === 'none') return `Status unchanged (${label(t.statusTo)})`;
  if (t.statusCause === 'target') return `Status changed because the target changed: ${move}`;
  return `Status changed with the value as well (${move}): listed under status changes`;
}
