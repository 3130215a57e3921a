import { pointsMove, riskDirection } from '../../core/comparison/direction.ts';
import { formatRisk } from '../../core/format.ts';
import './cycles.css';

export interface TrendPoint {
  label: string;
  risk: number;
}

const height = 220;
const margin = { top: 28, right: 16, bottom: 36, left: 40 };
/** Between the axis and the first and last cycles, so that their labels clear the axis and the edge. */
const inset = 32;
/** Room for a cycle label and its value side by side with the next ones, at the chart's 12 px. */
const minSpacing = 76;

/**
 * Risk per cycle as an SVG line chart drawn at the width it is given (wider when the cycles need
 * it), so that its text is always drawn at its real size. Each step is green when the risk fell,
 * red when it rose and grey when it did not move; the table below carries the same numbers.
 */
export function TrendChart({
  points,
  title,
  width: available,
}: {
  points: readonly TrendPoint[];
  title: string;
  width: number;
}) {
  const width = Math.max(
    available,
    margin.left + margin.right + 2 * inset + minSpacing * Math.max(points.length - 1, 1),
  );
  const span = width - margin.left - margin.right - 2 * inset;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (index: number) =>
    margin.left + inset + (points.length === 1 ? span / 2 : (span * index) / (points.length - 1));
  const y = (risk: number) => margin.top + plotHeight * (1 - risk / 100);
  return (
    <svg
      className="trend-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="trend-title"
    >
      <title id="trend-title">{title}</title>
      {[0, 25, 50, 75, 100].map((tick) => (
        <g key={tick}>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(tick)}
            y2={y(tick)}
            className="trend-grid"
          />
          <text x={margin.left - 8} y={y(tick) + 4} textAnchor="end" className="trend-axis">
            {tick}
          </text>
        </g>
      ))}
      {points.slice(1).map((point, index) => {
        const before = points[index] ?? point;
        const move = point.risk - before.risk;
        return (
          <line
            key={`${before.label}-${point.label}-${index}`}
            x1={x(index)}
            y1={y(before.risk)}
            x2={x(index + 1)}
            y2={y(point.risk)}
            className={`trend-segment ${riskDirection(move)}`}
          >
            <title>{`${before.label} to ${point.label}: ${pointsMove(move)} points`}</title>
          </line>
        );
      })}
      {points.map((point, index) => (
        <g key={`${point.label}-${index}`}>
          <circle cx={x(index)} cy={y(point.risk)} r={4} className="trend-dot" />
          <text x={x(index)} y={y(point.risk) - 9} textAnchor="middle" className="trend-value">
            {formatRisk(point.risk)}
          </text>
          <text x={x(index)} y={height - 12} textAnchor="middle" className="trend-axis">
            {point.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
