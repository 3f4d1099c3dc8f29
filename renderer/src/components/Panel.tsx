import type { ReactNode } from 'react';
import { FocusHeading } from './FocusHeading';

/** A titled card that groups one chart or table. */
export function Panel({
  title,
  actions,
  children,
  className,
  id,
  focusOnMount = false,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
  /** The panel is the result of the user's action: its heading takes focus when it appears. */
  focusOnMount?: boolean;
}) {
  const headingId = id ?? `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`panel${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <header className="panel-header">
        {focusOnMount ? <FocusHeading id={headingId}>{title}</FocusHeading> : <h2 id={headingId}>{title}</h2>}
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
