import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { io } from '../../../../src/i18n/messages/io';

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../src/io');

function placeholders(text: string): string {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort().join();
}

describe('io messages', () => {
  it('keep the placeholders of English in Spanish and Portuguese', () => {
    const differing = Object.entries(io.en).flatMap(([key, english]) =>
      (['es', 'pt-BR'] as const).filter((locale) => placeholders(io[locale][key as keyof typeof io.en]) !== placeholders(english)).map((locale) => `${locale} ${key}`),
    );
    expect(differing).toEqual([]);
  });

  it('cover every code the parsers return, and no code is left without use', () => {
    const used = new Set(
      readdirSync(SOURCE)
        .filter((file) => file.endsWith('.ts'))
        .flatMap((file) => [...readFileSync(path.join(SOURCE, file), 'utf8').matchAll(/'io\.([a-z]+\.[a-zA-Z]+)'/g)].map((match) => match[1])),
    );
    used.add('csv.at');
    expect([...used].sort()).toEqual(Object.keys(io.en).sort());
  });
});
