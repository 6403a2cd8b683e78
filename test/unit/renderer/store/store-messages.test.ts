import { describe, expect, it } from 'vitest';
import { STORE_PROBLEM_CODES } from '../../../../src/ports/repository';
import { store } from '../../../../src/i18n/messages/store';

describe('store messages', () => {
  it.each(['en', 'es', 'pt-BR'] as const)('has a %s message for every problem code the store returns', (locale) => {
    const missing = STORE_PROBLEM_CODES.map((code) => code.replace(/^store\./, '')).filter(
      (key) => !Object.hasOwn(store[locale], key),
    );
    expect(missing).toEqual([]);
  });

  it.each(['hash-mismatch', 'broken-link', 'gap', 'checkpoint-mismatch', 'record-mismatch', 'record-missing', 'record-unaudited'])(
    'explains the audit problem %s',
    (reason) => {
      expect(Object.hasOwn(store.es, `audit.${reason}`)).toBe(true);
    },
  );
});
