// Votes: create, open (with an audited quorum override), close, announce, cancel.
import type { VoteView } from '../../../shared/views';
import { get, post } from './http';

export const getVote = (id: number) => get<VoteView>(`/api/votes/${id}`);
export const openVote = (id: number, overrideQuorumReason?: string) =>
  post<VoteView>(`/api/votes/${id}/open`, overrideQuorumReason ? { overrideQuorumReason } : {});
export const closeVote = (id: number) => post<VoteView>(`/api/votes/${id}/close`);
export const announceVote = (id: number) => post<VoteView>(`/api/votes/${id}/announce`);
export const cancelVote = (id: number, reason: string) => post<VoteView>(`/api/votes/${id}/cancel`, { reason });
