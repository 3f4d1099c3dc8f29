export function PlannedScreen({ title }: { title: string }) {
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{title}</h1>
      <div className="empty-state">
        <p>This section is not available in this build yet.</p>
      </div>
    </section>
  );
}
