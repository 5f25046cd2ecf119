// Secret votes (无记名): a random secret made once per (vote, deputy) on this tablet and kept, so a change
// replaces the same ballot; the server stores only its hash and nothing that ties it to the deputy. With the
// database file, the secret would tie the ballot to the deputy, so the tablet keeps it only while it is needed: until
// the vote closes (after the ballot tracker checked it), is cancelled, or the tablet is unpaired.
import type { BallotContent } from '../../../../shared/types';
import { randomHex } from '../../api/device-token';

const PREFIX = 'quorum.ballotSecret.';
/** What was cast with the secret, for the tracker: kept beside it, forgotten with it. */
const CAST_PREFIX = 'quorum.ballotCast.';
const key = (voteId: number, deputyId: number) => `${PREFIX}${voteId}.${deputyId}`;

export function ballotSecret(voteId: number, deputyId: number): string {
  let secret = localStorage.getItem(key(voteId, deputyId));
  if (!secret) {
    secret = randomHex(32);
    localStorage.setItem(key(voteId, deputyId), secret);
  }
  return secret;
}

/** After the server acknowledged a secret ballot: what it holds now (the last change counts). */
export function rememberCast(voteId: number, deputyId: number, content: BallotContent): void {
  localStorage.setItem(`${CAST_PREFIX}${voteId}.${deputyId}`, JSON.stringify(content));
}

function storedKeys(): string[] {
  return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).filter((k) => k.startsWith(PREFIX) || k.startsWith(CAST_PREFIX));
}

/** Votes this tablet holds secrets for. */
export function votesWithSecrets(): number[] {
  return [...new Set(storedKeys().map((k) => Number(k.split('.')[2])))];
}

/** The ballots this tablet cast in a vote and was answered for: secret and content. */
export function castBallots(voteId: number): Array<{ secret: string; content: BallotContent }> {
  return storedKeys()
    .filter((k) => k.startsWith(`${CAST_PREFIX}${voteId}.`))
    .flatMap((k) => {
      const secret = localStorage.getItem(`${PREFIX}${k.slice(CAST_PREFIX.length)}`);
      return secret ? [{ secret, content: JSON.parse(localStorage.getItem(k)!) as BallotContent }] : [];
    });
}

export function forgetVote(voteId: number): void {
  for (const k of storedKeys()) if (Number(k.split('.')[2]) === voteId) localStorage.removeItem(k);
}

/** The tablet is unpaired: nothing of any ballot stays on it. */
export function forgetAllBallots(): void {
  for (const k of storedKeys()) localStorage.removeItem(k);
}
