import type { KpiScore } from '../../../shared/report';

/**
 * Marks a KPI whose target changed this quarter; its tooltip (and text for screen readers) gives the old and
 * the new target. The KPI's explanation says the same, with when and why.
 */
export function TargetChangedMarker({ kpi, format }: { kpi: KpiScore; format(value: number): string }) {
  const c = kpi.targetChange;
  if (!c) return null;
  const text =
    `Target changed this quarter: ${format(c.from.target)} → ${format(c.to.target)} ` +
    `(in force from ${c.effectiveFrom}; earlier quarters keep ${format(c.from.target)})` +
    (c.note ? `. ${c.note}` : '');
  return (
    <span className="target-changed" title={text} data-testid={`target-changed-${kpi.id}`}>
      <span aria-hidden="true">Δ</span>
      <span className="sr-only">{text}</span>
    </span>
  );
}
