// Secret votes (无记名): a random secret made once per (vote, deputy) on this tablet and kept, so a change
// replaces the same ballot; the server stores only its hash and nothing that ties it to the deputy.
import { randomHex } from '../../api/device-token';

const key = (voteId: number, deputyId: number) => `quorum.ballotSecret.${voteId}.${deputyId}`;

export function ballotSecret(voteId: number, deputyId: number): string {
  let secret = localStorage.getItem(key(voteId, deputyId));
  if (!secret) {
    secret = randomHex(32);
    localStorage.setItem(key(voteId, deputyId), secret);
  }
  return secret;
}
