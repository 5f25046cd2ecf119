// GET /api/face/config once: which descriptor model the server matches with (kiosk and server must agree).
import { useEffect, useState } from 'react';
import { faceConfig, type FaceConfig } from '../api/kiosk-api';

export function useFaceConfig(): FaceConfig | null {
  const [config, setConfig] = useState<FaceConfig | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const load = () =>
      faceConfig().then(
        ({ body }) => !stopped && setConfig(body),
        () => {
          if (!stopped) timer = setTimeout(load, 2000);
        },
      );
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return config;
}
