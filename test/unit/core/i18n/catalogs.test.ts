import { describe, expect, it } from 'vitest';
import { CATALOGS, NAMESPACE_NAMES } from '../../../../src/i18n/catalog';
import { LOCALES } from '../../../../src/i18n/define';

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

describe('message catalogs', () => {
  it('merges every namespace file', () => {
    expect(NAMESPACE_NAMES).toContain('app');
    expect(NAMESPACE_NAMES).toContain('menu');
  });

  for (const locale of LOCALES) {
    it(`${locale} has exactly the keys of English`, () => {
      const missing = Object.keys(CATALOGS.en).filter((key) => !Object.hasOwn(CATALOGS[locale], key));
      const extra = Object.keys(CATALOGS[locale]).filter((key) => !Object.hasOwn(CATALOGS.en, key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale} has no empty message and keeps every placeholder`, () => {
      const problems = Object.entries(CATALOGS.en).flatMap(([key, english]) => {
        const text = CATALOGS[locale][key] ?? '';
        if (!text.trim()) return [`${key}: empty`];
        return placeholders(text).join() === placeholders(english).join() ? [] : [`${key}: placeholders differ`];
      });
      expect(problems).toEqual([]);
    });
  }

  it('translates Spanish and Portuguese rather than copying English', () => {
    const english = Object.entries(CATALOGS.en).filter(([, text]) => /[a-z]{4,}/i.test(text) && text.split(' ').length > 2);
    const copied = (locale: 'es' | 'pt-BR') => english.filter(([key, text]) => CATALOGS[locale][key] === text).map(([key]) => key);
    expect(copied('es')).toEqual([]);
    expect(copied('pt-BR')).toEqual([]);
  });
});
