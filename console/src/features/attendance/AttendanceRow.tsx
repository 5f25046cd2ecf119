// One person on the attendance list. Face check-ins show the enrolled photo beside the live evidence photo.
import { useState } from 'react';
import type { AttendanceEntry } from '../../../../shared/views';
import { evidenceUrl, frameUrl } from '../../api/attendance';
import { thumbnailUrl } from '../../api/bodies';
import { useMay } from '../auth/session';
import { useI18n } from '../../i18n/I18n';
import { Modal } from '../../ui/Modal';
import { Badge } from '../../ui/kit';
import { formatTime } from '../../ui/format';

function PhotoPair({ sittingId, entry }: { sittingId: number; entry: AttendanceEntry }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const c = entry.checkin;
  const deputyId = entry.participant.deputyId;
  if (!c || c.method !== 'face' || !c.hasEvidence) return null;
  const enrolled = deputyId ? thumbnailUrl(deputyId) : null;
  const live = evidenceUrl(sittingId, entry.participant.id);
  return (
    <>
      <button type="button" className="photo-pair" onClick={() => setOpen(true)} title={t('photoCompareHint')}>
        {enrolled && <img src={enrolled} alt={t('enrolledPhoto')} loading="lazy" />}
        <img src={live} alt={t('evidencePhoto')} loading="lazy" />
      </button>
      {open && (
        <Modal title={t('photoCompareTitle', { name: entry.participant.name })} onClose={() => setOpen(false)}>
          <div className="photo-compare">
            {enrolled && (
              <figure>
                <img src={enrolled} alt="" />
                <figcaption>{t('enrolledPhoto')}</figcaption>
              </figure>
            )}
            <figure className="evidence">
              <img src={live} alt="" />
              <figcaption>
                {t('evidencePhoto')} · {formatTime(c.at)}
              </figcaption>
            </figure>
          </div>
          {c.frames > 0 && (
            <div className="photo-compare" data-frames={c.frames}>
              {(['frontal', 'turned', 'back'] as const).map((label) => (
                <figure key={label}>
                  <img src={frameUrl(sittingId, entry.participant.id, label)} alt="" />
                  <figcaption>{t(label === 'frontal' ? 'frameFrontal' : label === 'turned' ? 'frameTurned' : 'frameBack')}</figcaption>
                </figure>
              ))}
            </div>
          )}
          {c.distance !== null && (
            <p className="muted small">{t('matchDistance', { d: c.distance.toFixed(3), m: c.margin?.toFixed(3) ?? '—' })}</p>
          )}
          {c.antispoof !== null && <p className="muted small" data-antispoof={c.antispoof}>{t('antispoofScore', { s: c.antispoof.toFixed(2) })}</p>}
        </Modal>
      )}
    </>
  );
}

interface RowProps {
  sittingId: number;
  /** Before the sitting starts, not yet here is 未报到 (neutral), not 缺席. */
  started: boolean;
  entry: AttendanceEntry;
  onCheckIn(): void;
  onLeave(): void;
  onCancelLeave(): void;
}

export function AttendanceRow({ sittingId, started, entry: e, onCheckIn, onLeave, onCancelLeave }: RowProps) {
  const { t } = useI18n();
  const keepsRecords = useMay()('keepRecords');
  const p = e.participant;
  const status =
    e.status === 'present' ? <Badge tone="good">{t('statusPresent')}</Badge> : e.status === 'leave' ? (
      <Badge tone="warn">{t('onLeave')}</Badge>
    ) : started ? (
      <Badge tone="bad">{t('absent')}</Badge>
    ) : (
      <Badge tone="neutral">{t('notArrived')}</Badge>
    );
  return (
    <tr className={e.inOffice ? '' : 'row-muted'}>
      <td className="strong">
        {p.name}
        {p.role !== 'deputy' && <span className="tag">{p.role === 'observer' ? t('roleObserver') : t('roleStaff')}</span>}
        {!e.inOffice && <span className="tag">{t('notInOffice')}</span>}
      </td>
      <td>{p.delegation ?? p.organisation ?? ''}</td>
      <td>{status}</td>
      <td>{e.checkin ? (e.checkin.method === 'face' ? t('methodFace') : t('methodManual')) : ''}</td>
      <td className="time">{formatTime(e.checkin?.at)}</td>
      <td>
        <PhotoPair sittingId={sittingId} entry={e} />
      </td>
      <td className="note">{e.leaveReason ?? e.checkin?.reason ?? ''}</td>
      <td className="actions">
        {keepsRecords && e.status !== 'present' && (
          <button type="button" className="button button-small" onClick={onCheckIn}>
            {t('manualCheckin')}
          </button>
        )}
        {keepsRecords && e.status === 'absent' && (
          <button type="button" className="button button-small button-ghost" onClick={onLeave}>
            {t('recordLeave')}
          </button>
        )}
        {keepsRecords && e.status === 'leave' && (
          <button type="button" className="button button-small button-ghost" onClick={onCancelLeave}>
            {t('cancelLeave')}
          </button>
        )}
      </td>
    </tr>
  );
}
