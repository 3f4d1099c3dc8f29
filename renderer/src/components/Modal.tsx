import { useEffect, useRef, type ReactNode } from 'react';

/** A native modal dialog (focus kept inside, Escape closes) that returns focus to its opener. */
export function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby="modal-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal-inner">
        <h2 id="modal-title">{title}</h2>
        {children}
      </div>
    </dialog>
  );
}
