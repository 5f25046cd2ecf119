// Time left on the floor, counted on the server's clock: the tablet's own clock may be off by minutes, so the
// countdown runs from the view's serverNow and the local time it arrived (shared/speaking.ts clockSkew).
import { useEffect, useState } from 'react';
import { clockSkew, formatCountdown, secondsLeft } from '../../../../shared/speaking';

export function useSecondsLeft(endsAt: string, serverNow: number, receivedAt: number): number {
  const skew = clockSkew(serverNow, receivedAt);
  const [left, setLeft] = useState(() => secondsLeft(endsAt, skew));
  useEffect(() => {
    setLeft(secondsLeft(endsAt, skew));
    const timer = setInterval(() => setLeft(secondsLeft(endsAt, skew)), 250);
    return () => clearInterval(timer);
  }, [endsAt, skew]);
  return left;
}

export function FloorCountdown({ endsAt, serverNow, receivedAt, label, over }: { endsAt: string; serverNow: number; receivedAt: number; label: string; over: string }) {
  const left = useSecondsLeft(endsAt, serverNow, receivedAt);
  return (
    <div className={left < 0 ? 'countdown over' : 'countdown'} data-testid="seat-countdown" data-left={left}>
      <span className="countdown-label">{left < 0 ? over : label}</span>
      <span className="countdown-time">{formatCountdown(left)}</span>
    </div>
  );
}
