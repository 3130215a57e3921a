import './ProgressMeter.css';

/** A labelled progress bar: the text says it, the bar shows it. */
export function ProgressMeter({
  answered,
  total,
  label,
}: {
  answered: number;
  total: number;
  label: string;
}) {
  return (
    <span className="progress-meter">
      <progress max={Math.max(total, 1)} value={answered} aria-label={label} />
      <span className="progress-text">
        {answered} / {total}
      </span>
    </span>
  );
}
