// Pair a tablet: the clerk types the 6-digit code the tablet shows (or scans its QR code, which opens
// #/devices?code=…), names it and gives it a mode and sitting. The form checks its own fields and says what is
// missing in the console's language (the browser's own bubble spoke English).
import { useEffect, useState, type FormEvent } from 'react';
import type { DeviceMode } from '../../../../shared/views';
import { acceptPairing } from '../../api/devices';
import { useI18n } from '../../i18n/I18n';
import type { DictKey } from '../../i18n/dict';
import { Card, ErrorNote, Field } from '../../ui/kit';
import { ModeSelect, SittingSelect, type SittingChoice } from './DevicePickers';
import { SeatSelect, useSeatChoices } from './SeatSelect';

const validCode = (code: string | null | undefined): code is string => /^\d{6}$/.test(code ?? '');

/** What the form still lacks, first first; null when it can be sent. */
function missing(code: string, name: string, mode: DeviceMode, sittingId: number | null): DictKey | null {
  if (!validCode(code)) return 'pairCodeMissing';
  if (!name.trim()) return 'deviceNameMissing';
  if (mode !== 'screen' && !sittingId) return 'pairSittingMissing';
  return null;
}

export function PairForm({ sittings, onPaired, initialCode }: { sittings: SittingChoice[]; onPaired(): void; initialCode?: string | null }) {
  const { t } = useI18n();
  const [code, setCode] = useState(validCode(initialCode) ? initialCode : '');
  const [name, setName] = useState('');
  const [mode, setMode] = useState<DeviceMode>('door');
  const [sittingId, setSittingId] = useState<number | null>(null);
  const [seat, setSeat] = useState('');
  const [seatId, setSeatId] = useState<number | null>(null);
  const choices = useSeatChoices(mode === 'seat' ? sittingId : null);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A second tablet's QR code opened while this page is up: its code replaces the field, the last "已配对" goes.
  useEffect(() => {
    if (!validCode(initialCode)) return;
    setCode(initialCode);
    setDone(null);
    setError(null);
  }, [initialCode]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const lack = missing(code, name, mode, sittingId);
    if (lack) {
      setDone(null);
      return setError(new Error(t(lack)));
    }
    try {
      const hallSeat = mode === 'seat' && seatId ? { seatId } : seat.trim() ? { seat: seat.trim() } : {};
      const d = await acceptPairing({ code, name: name.trim(), mode, ...(sittingId && { sittingId }), ...hallSeat });
      setDone(t('pairedOk', { name: d.name }));
      setCode('');
      setName('');
      setSeat('');
      setSeatId(null);
      onPaired();
    } catch (err) {
      setDone(null);
      setError(err as Error);
    }
  };
  return (
    <Card title={t('pairTablet')}>
      <p className="muted small">{t('pairHelp')}</p>
      <form onSubmit={submit} className="pair-form" noValidate>
        <Field label={t('pairCode')}>
          <input
            name="code"
            className="code-input"
            inputMode="numeric"
            pattern="[0-9]{6}"
            maxLength={6}
            placeholder="000000"
            value={code}
            onChange={(e) => (setCode(e.target.value.replace(/\D/g, '')), setDone(null))}
            required
          />
        </Field>
        <Field label={t('deviceName')}>
          <input name="deviceName" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('deviceNamePlaceholder')} required />
        </Field>
        <Field label={t('deviceMode')}>
          <ModeSelect value={mode} onChange={setMode} />
        </Field>
        <Field label={t('sitting')}>
          <SittingSelect value={sittingId} sittings={sittings} onChange={setSittingId} />
        </Field>
        {mode === 'seat' && (
          <Field label={t('seat')}>
            {choices && choices.length > 0 ? (
              <SeatSelect value={seatId} choices={choices} onChange={setSeatId} />
            ) : (
              <input name="seat" value={seat} onChange={(e) => setSeat(e.target.value)} maxLength={20} />
            )}
          </Field>
        )}
        <button type="submit" className="button button-primary">
          {t('pair')}
        </button>
      </form>
      <ErrorNote error={error} />
      {done && <p className="ok-line">{done}</p>}
    </Card>
  );
}
