// Pair a tablet: the clerk types the 6-digit code the tablet shows, names it and gives it a mode and sitting.
import { useState, type FormEvent } from 'react';
import type { DeviceMode } from '../../../../shared/views';
import { acceptPairing } from '../../api/devices';
import { useI18n } from '../../i18n/I18n';
import { Card, ErrorNote, Field } from '../../ui/kit';
import { ModeSelect, SittingSelect, type SittingChoice } from './DevicePickers';

export function PairForm({ sittings, onPaired, initialCode }: { sittings: SittingChoice[]; onPaired(): void; initialCode?: string | null }) {
  const { t } = useI18n();
  const [code, setCode] = useState(/^\d{6}$/.test(initialCode ?? '') ? initialCode! : '');
  const [name, setName] = useState('');
  const [mode, setMode] = useState<DeviceMode>('door');
  const [sittingId, setSittingId] = useState<number | null>(null);
  const [seat, setSeat] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const d = await acceptPairing({ code, name: name.trim(), mode, ...(sittingId && { sittingId }), ...(seat.trim() && { seat: seat.trim() }) });
      setDone(t('pairedOk', { name: d.name }));
      setCode('');
      setName('');
      setSeat('');
      onPaired();
    } catch (err) {
      setDone(null);
      setError(err as Error);
    }
  };
  return (
    <Card title={t('pairTablet')}>
      <p className="muted small">{t('pairHelp')}</p>
      <form onSubmit={submit} className="pair-form">
        <Field label={t('pairCode')}>
          <input
            name="code"
            className="code-input"
            inputMode="numeric"
            pattern="[0-9]{6}"
            maxLength={6}
            placeholder="000000"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
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
            <input name="seat" value={seat} onChange={(e) => setSeat(e.target.value)} maxLength={20} />
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
