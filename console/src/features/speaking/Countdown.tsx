// Time left on the floor on the server's clock (the console's and the big screen's PCs may be minutes off): from the
// view's serverNow and the local time it arrived (shared/speaking.ts clockSkew).
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

export function Countdown({ endsAt, serverNow, receivedAt, label, over, className = '' }: { endsAt: string; serverNow: number; receivedAt: number; label: string; over: string; className?: string }) {
  const left = useSecondsLeft(endsAt, serverNow, receivedAt);
  return (
    <div className={`countdown ${left < 0 ? 'over' : ''} ${className}`} data-testid="countdown" data-left={left}>
      <span className="countdown-label">{left < 0 ? over : label}</span>
      <span className="countdown-time">{formatCountdown(left)}</span>
    </div>
  );
}
