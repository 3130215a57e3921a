import { formatRisk } from '../../core/format.ts';
import './cycles.css';

export interface TrendPoint {
  label: string;
  risk: number;
}

const width = 640;
const height = 220;
const margin = { top: 28, right: 48, bottom: 36, left: 48 };

/** Risk per cycle as an SVG line chart; a table beside it carries the same numbers in text. */
export function TrendChart({ points, title }: { points: readonly TrendPoint[]; title: string }) {
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (index: number) =>
    margin.left + (points.length === 1 ? plotWidth / 2 : (plotWidth * index) / (points.length - 1));
  const y = (risk: number) => margin.top + plotHeight * (1 - risk / 100);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.risk).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="trend-chart"
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
      <path d={path} className="trend-line" fill="none" />
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
