// The server's arrival order of requests to speak: a ticket taken the moment a request comes in (the route's
// onRequest hook), before any await, so the checks that follow (the tablet's signature, the deputy's standing) cannot
// reorder two requests that came close together. Tickets grow strictly in the process, and above every ticket of an
// earlier run (microseconds of the wall clock), so a restart keeps the order.
//
// The queue is ordered by ticket; the gate also makes requests reach the one writer in ticket order (each waits for
// the tickets before it to be written or dropped), so the place a tablet is told in its answer is already final:
// no request that came earlier can still slip in ahead of it.
let last = 0;

/** The longest a request waits for the ones that came before it (their checks take milliseconds). */
const MAX_WAIT_MS = 2000;

export function arrivalTicket(): number {
  last = Math.max(last + 1, Date.now() * 1000);
  return last;
}

export class ArrivalGate {
  private readonly open = new Set<number>();
  private readonly waiting = new Map<number, () => void>();

  /** A ticket that later requests wait for until `release`. */
  take(): number {
    const ticket = arrivalTicket();
    this.open.add(ticket);
    return ticket;
  }

  /**
   * Resolves once every ticket taken before this one is released, or after MAX_WAIT_MS whatever happens: a request
   * stuck before the writer (it should not be) costs the order of those behind it, never their answer.
   */
  async turn(ticket: number): Promise<void> {
    if (this.earliest() === ticket) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (this.waiting.delete(ticket), resolve()), MAX_WAIT_MS);
      this.waiting.set(ticket, () => (clearTimeout(timer), resolve()));
    });
  }

  /** Called when the request is handed to the writer, and again (harmlessly) when it is answered, however it ended. */
  release(ticket: number): void {
    if (!this.open.delete(ticket)) return;
    const next = this.earliest();
    if (next === undefined) return;
    const wake = this.waiting.get(next);
    if (wake) {
      this.waiting.delete(next);
      wake();
    }
  }

  private earliest(): number | undefined {
    let min: number | undefined;
    for (const t of this.open) if (min === undefined || t < min) min = t;
    return min;
  }
}
