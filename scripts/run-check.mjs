// Runs a static check (typecheck, lint) and records it as one passed or failed test for the CI summary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const [name, ...command] = process.argv.slice(2);
const result = spawnSync(command.join(' '), { stdio: 'inherit', shell: true });
const ok = result.status === 0;
mkdirSync('test-results', { recursive: true });
writeFileSync(`test-results/static-${name}.json`, JSON.stringify({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 }));
process.exit(result.status ?? 1);
