// The server's arrival order of requests to speak: a ticket taken the moment a request comes in (the route's
// onRequest hook), before any await, so the checks that follow (the tablet's signature, the deputy's standing) cannot
// reorder two requests that came close together. Strictly increasing in the process, and above every ticket of an
// earlier run (microseconds of the wall clock), so a restart keeps the order.
let last = 0;

export function arrivalTicket(): number {
  last = Math.max(last + 1, Date.now() * 1000);
  return last;
}
