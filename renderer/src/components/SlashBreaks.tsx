import { Fragment } from 'react';

/**
 * A name that may break after each slash ("Hallucination/Incorrectness Rate") rather than mid-word, in a
 * narrow column. `<wbr>` adds no character: the text, as copied or read out, stays the name.
 */
export function SlashBreaks({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
