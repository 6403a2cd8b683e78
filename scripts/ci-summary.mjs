// Sums the results every suite wrote under test-results/ and prints one line: `N passed, N failed`.
// Suites: vitest (unit.json, real-data.json), Playwright (e2e.json), packaging (packaging.json), and the static
// checks (typecheck, lint) recorded by scripts/run-check.mjs as static-*.json.
import { readdirSync, readFileSync, existsSync } from 'node:fs';

const dir = 'test-results';
let passed = 0;
let failed = 0;
const lines = [];

function add(name, p, f) {
  passed += p;
  failed += f;
  lines.push(`  ${name}: ${p} passed, ${f} failed`);
}

function countPlaywright(suites) {
  let p = 0;
  let f = 0;
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const status = test.results?.at(-1)?.status;
        if (status === 'passed') p += 1;
        else f += 1;
      }
    }
    const nested = countPlaywright(suite.suites);
    p += nested.p;
    f += nested.f;
  }
  return { p, f };
}

const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).sort() : [];
for (const file of files) {
  const data = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  if (typeof data.numPassedTests === 'number') {
    // vitest's json reporter (jest-compatible)
    add(file, data.numPassedTests, data.numFailedTests + (data.numTotalTestSuites > 0 && data.success === false && data.numFailedTests === 0 ? 1 : 0));
  } else if (data.suites && data.stats) {
    const { p, f } = countPlaywright(data.suites);
    add(file, p, f + (data.errors?.length ?? 0));
  } else if (typeof data.passed === 'number' && typeof data.failed === 'number') {
    add(file, data.passed, data.failed);
  }
}
// A suite that crashed before writing its results counts as one failure, so it cannot vanish from the total.
for (const expected of ['static-typecheck.json', 'static-lint.json', 'unit.json', 'e2e.json', 'packaging.json', 'real-data.json']) {
  if (!files.includes(expected)) add(`${expected} (missing: the suite did not run or crashed)`, 0, 1);
}
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
