import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The architecture's boundaries fail `npm run lint`: the pure core imports no platform or UI library, the renderer
// no Electron or Node, main nothing of the renderer. (src/ has its own tsconfig without DOM or Node types too.)
const eslint = new ESLint({ cwd: process.cwd() });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('import boundaries', () => {
  it.each([
    'electron',
    'react',
    'dexie',
    'maplibre-gl',
    'zustand',
    'node:fs',
    '../../renderer/app',
    '../../main/start',
  ])('src/ cannot import %s', async (module) => {
    const rules = await rulesBroken('src/domain/example.ts', `import '${module}';\nexport const a = 1;\n`);
    expect(rules).toContain('no-restricted-imports');
  });

  it.each(['electron', 'node:fs', 'node:path', '../main/start'])('renderer/ cannot import %s', async (module) => {
    const rules = await rulesBroken('renderer/example.ts', `import '${module}';\nexport const a = 1;\n`);
    expect(rules).toContain('no-restricted-imports');
  });

  it('main/ cannot import the renderer', async () => {
    const rules = await rulesBroken('main/example.ts', `import '../renderer/app';\nexport const a = 1;\n`);
    expect(rules).toContain('no-restricted-imports');
  });

  it('allows what each side may use', async () => {
    expect(
      await rulesBroken('src/domain/example.ts', "import { z } from 'zod';\nexport const a = z.string();\n"),
    ).toEqual([]);
    expect(await rulesBroken('renderer/example.ts', "import Dexie from 'dexie';\nexport const a = Dexie;\n")).toEqual(
      [],
    );
    expect(await rulesBroken('main/example.ts', "import { join } from 'node:path';\nexport const a = join;\n")).toEqual(
      [],
    );
  });
});
