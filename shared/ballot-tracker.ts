// Ballot tracker (计票核验): after a secret vote closes, the server publishes its closed ballot box (ballot key →
// content, no deputies). A seat tablet that cast knows each of its ballots' secret, so their keys, and what it cast:
// it finds each in the box and checks the content is what it sent. A ballot edited, removed or replaced in the file
// while the vote was open shows as a mismatch on the tablet that cast it. Pure: the kiosk and the tests use it.
import type { BallotContent } from './types';

/** The closed box of a secret vote, in key order. */
export interface BallotBox {
  voteId: number;
  ballots: Array<{ key: string; content: BallotContent }>;
}

/** JSON with object keys sorted: a ballot equals another whatever order its keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** 'counted': the box holds this key with exactly this content; 'mismatch': missing or different. */
export function trackBallot(box: BallotBox, key: string, cast: BallotContent): 'counted' | 'mismatch' {
  const found = box.ballots.find((b) => b.key === key);
  return found && canonicalJson(found.content) === canonicalJson(cast) ? 'counted' : 'mismatch';
}

/** What the console shows: tablets that checked, and how many of them found a mismatch (an alarm). */
export interface TrackerTally {
  verified: number;
  mismatched: number;
}

/** A secret ballot's key as the server stores it: hex SHA-256 of `<voteId>:<secret>` (WebCrypto: browser and Node). */
export async function ballotKeyOf(voteId: number, secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${voteId}:${secret}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
