// Pinch to zoom on a touch screen: two fingers spread or close over the page. Touch events, not pointer events:
// the page scrolls with one finger (touch-action: pan-x pan-y), and the browser would cancel a pointer it pans.
import { useEffect, useRef, useState } from 'react';

export /** Two-finger pinch on the element: the live factor while the fingers move; onEnd(factor) when they lift. */
function usePinch(ref: React.RefObject<HTMLElement | null>, onEnd: (factor: number) => void): number {
  const [factor, setFactor] = useState(1);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let start = 0;
    let last = 1;
    const spread = (e: TouchEvent) => Math.hypot(e.touches[0]!.clientX - e.touches[1]!.clientX, e.touches[0]!.clientY - e.touches[1]!.clientY);
    const onStart = (e: TouchEvent) => {
      if (e.touches.length === 2) start = spread(e);
    };
    const onMove = (e: TouchEvent) => {
      if (e.touches.length !== 2 || start === 0) return;
      e.preventDefault();
      last = spread(e) / start;
      setFactor(last);
    };
    const onStop = (e: TouchEvent) => {
      if (start === 0 || e.touches.length >= 2) return;
      start = 0;
      setFactor(1);
      if (Math.abs(last - 1) > 0.02) endRef.current(last);
      last = 1;
    };
    el.addEventListener('touchstart', onStart, { passive: true });
    el.addEventListener('touchmove', onMove, { passive: false });
    el.addEventListener('touchend', onStop);
    el.addEventListener('touchcancel', onStop);
    return () => {
      el.removeEventListener('touchstart', onStart);
      el.removeEventListener('touchmove', onMove);
      el.removeEventListener('touchend', onStop);
      el.removeEventListener('touchcancel', onStop);
    };
  }, [ref]);
  return factor;
}
