/** A small accessible horizontal bar chart (a list with proportional bars), no chart library needed. */
export function BarChart({
  title,
  data,
  labels,
  byKey,
}: {
  title: string;
  data: Record<string, number>;
  labels?: (k: string) => string;
  /** keep the keys' order (e.g. days) instead of largest first */
  byKey?: boolean;
}) {
  const entries = Object.entries(data).sort(byKey ? (a, b) => a[0].localeCompare(b[0]) : (a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {entries.length === 0 ? (
        <p className="muted">No data.</p>
      ) : (
        <ul>
          {entries.map(([k, v]) => (
            <li key={k}>
              <span className="chart-label">{labels ? labels(k) : k}</span>
              <span className="chart-bar" aria-hidden="true">
                <span style={{ width: `${(v / max) * 100}%` }} />
              </span>
              <span className="chart-value">{v}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
