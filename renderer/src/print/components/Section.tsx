import type { ReactNode } from 'react';

/** One pack section: starts a new page; its h1 becomes an entry of the PDF outline. */
export function Section({
  id,
  title,
  children,
  newPage = true,
}: {
  id: string;
  title: string;
  children: ReactNode;
  /** Short sections may follow the previous one on the same page. */
  newPage?: boolean;
}) {
  return (
    <section
      className={newPage ? 'pack-section' : 'pack-section follow'}
      id={id}
      aria-labelledby={`${id}-title`}
    >
      <h1 id={`${id}-title`}>{title}</h1>
      {children}
    </section>
  );
}
