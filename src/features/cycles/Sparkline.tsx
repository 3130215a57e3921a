import { riskDirection } from '../../core/comparison/direction.ts';
import './cycles.css';

/**
 * A domain's risk across cycles as a small line, green when it ended lower than it started, red
 * when higher, grey when level; the table beside it carries the numbers.
 */
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
  const first = known[0]?.value ?? 0;
  const last = known.at(-1)?.value ?? 0;
  return (
    <svg
      className={`sparkline ${riskDirection(last - first)}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
    >
      <polyline points={points} fill="none" />
    </svg>
  );
}
