import './cycles.css';

/** A domain's risk across cycles as a small line; the table beside it carries the numbers. */
export function Sparkline({ values }: { values: readonly (number | null)[] }) {
  const width = 96;
  const height = 24;
  const known = values
    .map((value, index) => ({ value, index }))
    .filter((p): p is { value: number; index: number } => p.value !== null);
  if (known.length < 2) return null;
  const x = (index: number) => 2 + ((width - 4) * index) / Math.max(values.length - 1, 1);
  const y = (value: number) => 2 + (height - 4) * (1 - value / 100);
  const points = known.map((p) => `${x(p.index).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = known[known.length - 1];
  const first = known[0];
  const better = last !== undefined && first !== undefined && last.value <= first.value;
  return (
    <svg
      className={`sparkline ${better ? 'better' : 'worse'}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
    >
      <polyline points={points} fill="none" />
    </svg>
  );
}
