import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The heading of something that just appeared because of what the user did (a file read, an import done, a
 * batch undone): it takes focus when it mounts, so keyboard and screen-reader users land on the result
 * instead of the page body, and the next Tab continues from there.
 */
export function FocusHeading({
  level = 2,
  id,
  className,
  children,
}: {
  level?: 2 | 3;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag ref={ref} id={id} className={className} tabIndex={-1}>
      {children}
    </Tag>
  );
}
