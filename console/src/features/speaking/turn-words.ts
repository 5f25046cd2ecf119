// The word of a turn in the queue: 发言, 问 (a question in an inquiry), 答 (an official's answer).
import type { SpeechTurn } from '../../../../shared/speaking';
import type { DictKey } from '../../i18n/dict';

export const TURN_WORD: Record<SpeechTurn, DictKey> = { speech: 'turnSpeech', question: 'turnQuestion', answer: 'turnAnswer' };
