// Language: zh-CN first, English second. One typed dictionary (dict.ts), a context, and t(key, params).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { dict, type DictKey } from './dict';
import type { Bilingual } from '../../../shared/labels';

export type Lang = 'zh' | 'en';

export type Params = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A dictionary entry in the current language, with {name} placeholders filled. */
  t(key: DictKey, params?: Params): string;
  /** A { zh, en } pair from the shared code (labels, rule text) in the current language. */
  pick(text: Bilingual): string;
  /** A server message ("中文 / English") in the current language. */
  server(message: string): string;
}

const STORAGE_KEY = 'quorum.console.lang';

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Server messages are "中文 / English"; show the half of the current language. */
export function splitServerMessage(message: string): Bilingual {
  const at = message.indexOf(' / ');
  if (at < 0) return { zh: message, en: message };
  return { zh: message.slice(0, at), en: message.slice(at + 3) };
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => fill(dict[key][lang], params),
      pick: (text) => text[lang],
      server: (message) => splitServerMessage(message)[lang],
    }),
    [lang, setLang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label="Language / 语言">
      <button type="button" className={lang === 'zh' ? 'active' : ''} onClick={() => setLang('zh')}>
        中文
      </button>
      <button type="button" className={lang === 'en' ? 'active' : ''} onClick={() => setLang('en')}>
        English
      </button>
    </div>
  );
}
