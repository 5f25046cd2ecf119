// The seat tablet's speaking requests: sent until answered with the same body, so a retry is stored once (clientId).
import type { SpeakReply } from '../../../../shared/schemas/speaking';
import { sendUntilAnswered } from '../../api/client';

export const askToSpeak = (body: { clientId: string; voterToken: string; agendaItemId?: number }, onRetry?: () => void) =>
  sendUntilAnswered<SpeakReply>('POST', '/api/seat/speech-requests', body, onRetry);

export const withdrawSpeech = (requestId: number, voterToken: string) =>
  sendUntilAnswered<SpeakReply>('POST', `/api/seat/speech-requests/${requestId}/withdraw`, { voterToken });
