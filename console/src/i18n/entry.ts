// One console label in both languages: the shape every part of the dictionary (dict.ts, dict-admin.ts) checks against.
export interface Entry {
  zh: string;
  en: string;
}
