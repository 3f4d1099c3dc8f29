import type { ReactNode } from 'react';

/** One pack section: starts a new page; its h1 becomes an entry of the PDF outline. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="pack-section" id={id} aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      {children}
    </section>
  );
}
