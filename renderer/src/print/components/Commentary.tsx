/** A KPI's commentary; a red KPI without one says so plainly (it was exported by override). */
export function Commentary({ text, red }: { text: string | undefined; red: boolean }) {
  if (text) return <>{text}</>;
  return red ? <span className="missing">No commentary provided.</span> : null;
}
