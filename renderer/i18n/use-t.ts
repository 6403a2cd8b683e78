import { useCallback } from 'react';
import { translate, type MessageParams, type CodedMessage, translateMessage } from '../../src/i18n/translate';
import { useUiStore } from '../state/ui-store';
import type { Locale } from '../../src/i18n/define';

/** A translator bound to the current locale. */
export type Translator = ((key: string, params?: MessageParams) => string) & {
  readonly locale: Locale;
  message(message: CodedMessage): string;
};

/** Returns the translator for the UI's current language; components re-render when it changes. */
export function useT(): Translator {
  const locale = useUiStore((state) => state.locale);
  const t = useCallback((key: string, params?: MessageParams) => translate(locale, key, params), [locale]);
  return Object.assign(t, { locale, message: (message: CodedMessage) => translateMessage(locale, message) });
}
