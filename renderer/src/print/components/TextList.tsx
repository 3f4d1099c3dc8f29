import { lines } from '../../../../shared/export/format';

/** Commentary as a list, one item per line; a plain note when there is none. */
export function TextList({ text, empty }: { text: string | undefined; empty: string }) {
  const items = lines(text);
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="text-list">
      {items.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}
