import type { ReactNode } from 'react';
import { useExplain } from './ExplainContext';

/**
 * A number that opens its explanation. Renders as a button (keyboard and screen reader reachable)
 * whose name says what the figure is; plain text when no explanation is available.
 */
export function Figure({
  explain,
  label,
  children,
  className,
  testId,
}: {
  explain: string;
  /** What the figure is, e.g. "Portfolio ROI". */
  label: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const ctx = useExplain();
  if (!ctx || !ctx.has(explain))
    return (
      <span className={className} data-testid={testId}>
        {children}
      </span>
    );
  return (
    <button
      type="button"
      className={`figure${className ? ` ${className}` : ''}`}
      onClick={(e) => ctx.open(explain, e.currentTarget)}
      title={`${label}: where does this number come from?`}
      data-explain={explain}
    >
      <span className="figure-value" data-testid={testId}>
        {children}
      </span>
      <span className="sr-only"> — {label}, show where this number comes from</span>
    </button>
  );
}
