// Turns spoken, as the 履职档案 and the speech report (发言记录) list them: when, where, on which item, how long.
import type { SpokenTurn } from '../../../../shared/speaking';
import { useI18n } from '../../i18n/I18n';
import { formatDateTime } from '../../ui/format';
import { TURN_WORD } from './turn-words';

const duration = (s: SpokenTurn) => (s.endedAt ? Math.max(0, Math.round((Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 1000)) : null);
const mmss = (sec: number) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;

/** `who`: show the speaker's columns (the sitting's report), or not (one deputy's record). */
export function SpokenTable({ turns, who }: { turns: SpokenTurn[]; who: boolean }) {
  const { t } = useI18n();
  return (
    <table className="table" data-testid="spoken-table">
      <thead>
        <tr>
          <th>{t('speakingOrder')}</th>
          {who ? <th>{t('speakingName')}</th> : <th>{t('meeting')}</th>}
          {who && <th>{t('speakingDelegation')}</th>}
          {who && <th>{t('speakingSeat')}</th>}
          <th>{t('speakingItem')}</th>
          <th>{t('speechStarted')}</th>
          <th>{t('speechDuration')}</th>
        </tr>
      </thead>
      <tbody>
        {turns.map((s, i) => {
          const d = duration(s);
          return (
            <tr key={s.id}>
              <td>{i + 1}</td>
              {who ? (
                <td>
                  {t(TURN_WORD[s.turn])} · {s.name}
                </td>
              ) : (
                <td>
                  {s.meetingName} {s.sittingName}
                </td>
              )}
              {who && <td>{s.delegation ?? ''}</td>}
              {who && <td>{s.seat ?? ''}</td>}
              <td>
                {!who && `${t(TURN_WORD[s.turn])} · `}
                {s.itemTitle ?? t('speakingGeneral')}
              </td>
              <td className="time">{formatDateTime(s.startedAt)}</td>
              <td>{d === null ? t('speakingFloor') : `${mmss(d)}${s.limitSeconds && d > s.limitSeconds ? `（${t('speakingOver')}）` : ''}`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
