import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './cycles.css';

/** The width drawn before the real one is known (and where nothing can be measured). */
const fallbackWidth = 640;

/**
 * A named region, reachable and scrollable by keyboard, for content with one column per cycle,
 * oldest first. It opens scrolled to the newest cycle and, while older ones are out of sight,
 * says so. `children` is given the width the region offers.
 */
export function CycleScroller({
  labelledBy,
  children,
}: {
  labelledBy: string;
  children: (width: number) => ReactNode;
}) {
  const region = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallbackWidth);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = region.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // After each new width, show the newest cycle again and tell whether anything is hidden.
  useLayoutEffect(() => {
    const element = region.current;
    if (!element) return;
    element.scrollLeft = element.scrollWidth;
    setOverflows(element.scrollWidth > element.clientWidth + 1);
  }, [width]);
  return (
    <>
      {overflows && (
        <p className="scroll-cue muted small">
          <span aria-hidden="true">← </span>Older cycles: scroll sideways.
        </p>
      )}
      <div
        ref={region}
        className="table-scroll"
        role="region"
        aria-labelledby={labelledBy}
        tabIndex={0}
      >
        {children(width)}
      </div>
    </>
  );
}
