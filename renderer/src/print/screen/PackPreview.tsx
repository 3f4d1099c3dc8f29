import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PackData } from '../../../../shared/export/packTypes';
import { PackDocument } from '../PackDocument';
import printCss from '../print.css?inline';

/**
 * The pages as the PDF prints them, drawn by the same components, inside a shadow root so the pack's
 * stylesheet and the app's never touch each other.
 */
export function PackPreview({ data, packDate }: { data: PackData; packDate: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setRoot(el.shadowRoot ?? el.attachShadow({ mode: 'open' }));
  }, []);
  return (
    // A visual preview: the same content is in the exported PDF (tagged) for assistive technology, and its
    // headings must not compete with the screen's own h1.
    <div ref={host} className="pack-preview" aria-hidden="true">
      {root
        ? createPortal(
            <>
              <style>{printCss}</style>
              <div className="preview-frame">
                <PackDocument data={data} packDate={packDate} />
              </div>
            </>,
            root,
          )
        : null}
    </div>
  );
}
