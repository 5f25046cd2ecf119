// Ballot tracker (计票核验): after a secret vote closes, the server publishes its closed ballot box (ballot key →
// content, no deputies). A seat tablet that cast knows each of its ballots' secret, so their keys, and what it cast:
// it finds each in the box and checks the content is what it sent. A ballot edited, removed or replaced in the file
// while the vote was open shows as a mismatch on the tablet that cast it. Pure: the kiosk and the tests use it.
import type { BallotContent } from './types';

/** The closed box of a secret vote, in key order. */
export interface BallotBox {
  voteId: number;
  ballots: Array<{ key: string; content: BallotContent }>;
  /** What the vote's close entry in the audit log sealed: the ballot count and the box's digest (null: none). */
  announced?: { ballots: number; digest: string } | null;
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

const hex = (digest: ArrayBuffer) => [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The box's digest as the server's seal computes it (services/secret-seal.ts boxDigest): SHA-256 of the JSON array of
 * [key, content as stored] in key order. Stored content is JSON.stringify of the cast content, which parsing and
 * stringifying again gives back (its keys are option ids, which JavaScript keeps in ascending order either way).
 */
export async function boxDigestOf(box: BallotBox): Promise<string> {
  const text = JSON.stringify(box.ballots.map((b) => [b.key, JSON.stringify(b.content)]));
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * Whether the box is the one the close announced: as many ballots, the same digest. A box edited after the close, or
 * a different box shown to this tablet than the one sealed in the log, fails here even if this tablet's own ballots
 * are in it as cast.
 */
export async function boxAsAnnounced(box: BallotBox): Promise<boolean> {
  if (!box.announced) return false;
  return box.ballots.length === box.announced.ballots && (await boxDigestOf(box)) === box.announced.digest;
}

/** What the console shows: tablets that checked, and how many of them found a mismatch (an alarm). */
export interface TrackerTally {
  verified: number;
  mismatched: number;
}

/** A secret ballot's key as the server stores it: hex SHA-256 of `<voteId>:<secret>` (WebCrypto: browser and Node). */
export async function ballotKeyOf(voteId: number, secret: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${voteId}:${secret}`)));
}
