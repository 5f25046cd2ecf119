// The tablet's check of its own ballot in the closed box (计票核验): found as cast, found changed, missing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ballotKeyOf, trackBallot, type BallotBox } from '../../shared/ballot-tracker';
import { ballotKey } from '../../server/services/ballot-service';

const box: BallotBox = {
  voteId: 7,
  ballots: [
    { key: 'a'.repeat(64), content: { marks: { '1': 'yes', '2': 'no' } } },
    { key: 'b'.repeat(64), content: { marks: { '1': 'no' }, writeIns: [{ name: '赵志刚', mark: 'yes' }] } as never },
  ],
};

describe('ballot tracker', () => {
  it('finds a ballot as cast whatever order its keys were written in', () => {
    expect(trackBallot(box, 'a'.repeat(64), { marks: { '2': 'no', '1': 'yes' } })).toBe('counted');
  });

  it('reports a ballot whose content differs, or that is missing, as a mismatch', () => {
    expect(trackBallot(box, 'a'.repeat(64), { marks: { '1': 'no', '2': 'no' } })).toBe('mismatch');
    expect(trackBallot(box, 'c'.repeat(64), { marks: { '1': 'yes', '2': 'no' } })).toBe('mismatch');
  });

  it('makes the key the server stores (SHA-256 of "<voteId>:<secret>")', async () => {
    const secret = 'f'.repeat(32);
    expect(await ballotKeyOf(7, secret)).toBe(ballotKey(7, 1, secret));
    expect(await ballotKeyOf(7, secret)).toBe(createHash('sha256').update(`7:${secret}`).digest('hex'));
  });
});
