// The console's words for who reads a document.
import type { DocumentVisibility } from '../../../../shared/documents';
import { useI18n } from '../../i18n/I18n';

const KEYS = { tablets: 'visTablets', presidium: 'visPresidium', paper: 'visPaper' } as const;

export function useVisibilityLabel(): (v: DocumentVisibility) => string {
  const { t } = useI18n();
  return (v) => t(KEYS[v]);
}

/** 1.2 MB, 340 KB. */
export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
