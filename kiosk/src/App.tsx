// The tablet: pairing until a clerk accepts it, then the mode the console gave it (door, seat or big screen).
import { useEffect, useMemo, useState } from 'react';
import type { DeviceView } from '../../shared/views';
import { I18nContext, langTag, translator, type Lang } from './i18n';
import { useDevice } from './features/pairing/use-device';
import { PairingScreen } from './features/pairing/PairingScreen';
import { ScreenPlaceholder } from './features/screen/ScreenPlaceholder';
import { DoorScreen } from './features/door/DoorScreen';
import { SeatShell } from './features/documents/SeatShell';
import { useLive } from './realtime/use-live';
import { TopBar } from './ui/TopBar';

const LANG_KEY = 'quorum.lang';

function Paired({ device }: { device: DeviceView }) {
  // Seat tablets need only vote state changes; door and screen tablets show attendance, so they take the
  // coalesced view the console takes (a handful of tablets, not thousands).
  const live = useLive(device.meetingId, device.mode === 'seat' ? 'kiosk' : 'console');
  if (device.mode === 'screen') return <ScreenPlaceholder device={device} live={live} />;
  if (device.mode === 'door') return <DoorScreen device={device} live={live} />;
  return <SeatShell device={device} live={live} />;
}

export function App() {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const i18n = useMemo(
    () => ({
      lang,
      t: translator(lang),
      setLang: (l: Lang) => {
        localStorage.setItem(LANG_KEY, l);
        setLangState(l);
      },
    }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = langTag(lang);
  }, [lang]);
  const state = useDevice();

  return (
    <I18nContext.Provider value={i18n}>
      {state.kind === 'loading' && (
        <div className="app">
          <TopBar title={i18n.t('appName')} />
          <main className="screen center">
            <p className="lead muted">{i18n.t('loading')}</p>
          </main>
        </div>
      )}
      {state.kind === 'pairing' && (
        <div className="app">
          <TopBar title={i18n.t('appName')} />
          <PairingScreen code={state.code} revoked={state.revoked} />
        </div>
      )}
      {state.kind === 'active' && <Paired key={state.device.id} device={state.device} />}
    </I18nContext.Provider>
  );
}
