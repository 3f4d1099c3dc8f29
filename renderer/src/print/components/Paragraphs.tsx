/** Prose whose paragraphs are separated by blank lines, one <p> each. */
export function Paragraphs({ text }: { text: string }) {
  return text.split(/\n{2,}/).map((para, i) => (
    <p key={i} className="prose">
      {para}
    </p>
  ));
}
