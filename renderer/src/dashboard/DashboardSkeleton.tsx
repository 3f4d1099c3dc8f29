/** Placeholder shapes of the dashboard while the quarter's figures are computed. */
export function DashboardSkeleton() {
  return (
    <div role="status" aria-label="Loading the quarter's figures" className="dashboard-skeleton">
      <div className="tiles">
        {Array.from({ length: 6 }, (_, i) => (
          <div className="tile" key={i}>
            <div className="skeleton-line" style={{ width: '50%' }} />
            <div className="skeleton-line skeleton-big" style={{ width: '70%' }} />
            <div className="skeleton-line" style={{ width: '60%' }} />
          </div>
        ))}
      </div>
      <div className="grid-2">
        <div className="panel skeleton-block" />
        <div className="panel skeleton-block" />
      </div>
    </div>
  );
}
