import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '@/utils/i18n';

/** The translation function, provided by each entry point (components never call browser APIs). */
export const I18n = createContext<Translate>((key) => key);

export function useT(): Translate {
  return useContext(I18n);
}
