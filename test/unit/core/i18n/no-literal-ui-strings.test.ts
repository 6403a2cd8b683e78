import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The lint rule is what makes "a visible UI string is not from a catalog" fail `npm test`; check it catches one.
const eslint = new ESLint({ cwd: process.cwd() });

async function lintRenderer(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'renderer/components/example.tsx' });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('no literal UI strings in the renderer', () => {
  it('fails on text written into JSX', async () => {
    const rules = await lintRenderer('export const A = () => <p>Guardar cambios</p>;\n');
    expect(rules).toContain('watershed/no-literal-ui-strings');
  });

  it('fails on a visible attribute written as a literal', async () => {
    const rules = await lintRenderer('export const A = () => <button aria-label="Close" />;\n');
    expect(rules).toContain('watershed/no-literal-ui-strings');
  });

  it('accepts text from the catalogs and bare symbols', async () => {
    const code = "declare const t: (key: string) => string;\nexport const A = () => <p title={t('app.title')}>{t('app.title')} →</p>;\n";
    expect(await lintRenderer(code)).toEqual([]);
  });
});
