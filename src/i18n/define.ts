/** The languages the app ships, as BCP 47 tags. English is the source catalog; the others must match its keys. */
export const LOCALES = ['es', 'pt-BR', 'en'] as const;
/** One of the shipped languages. */
export type Locale = (typeof LOCALES)[number];

/**
 * A namespace of messages in every shipped language. The English object fixes the keys; Spanish and
 * Portuguese must have exactly those keys, so a missing translation is a compile error (and a test error).
 * Messages use `{name}` placeholders; numbers and dates passed as parameters are formatted for the locale.
 * A key ending in `_one` / `_other` is chosen by the plural rule of `{count}`.
 *
 * @example defineMessages({ saved: 'Saved {count} records' }, { saved: 'Se guardaron {count} registros' },
 *   { saved: 'Foram salvos {count} registros' })
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  es: { readonly [K in keyof E]: string },
  ptBR: { readonly [K in keyof E]: string },
): { readonly en: E; readonly es: { readonly [K in keyof E]: string }; readonly 'pt-BR': { readonly [K in keyof E]: string } } {
  return { en, es, 'pt-BR': ptBR };
}
