import { bandLabel, type Band } from '../core/scoring/bands.ts';
import './BandBadge.css';

export function BandBadge({ band }: { band: Band }) {
  return <span className={`band band-${band}`}>{bandLabel[band]}</span>;
}
