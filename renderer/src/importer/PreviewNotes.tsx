/**
 * What the preview says that is not a problem but changes what is stored: amounts whose currency the file
 * does not name, booked as the workspace currency; a "$" read as the workspace's dollar.
 */
export function PreviewNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="notice notice-warn" data-testid="preview-notes">
      <strong>Check before importing</strong>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
