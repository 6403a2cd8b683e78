// `npm test`: every suite in turn — typecheck, lint, unit, end-to-end (which builds first), packaging — going on
// after a failure so one broken suite never hides the results of the others; exits 1 if any failed.
import { spawnSync } from 'node:child_process';

const STEPS = ['typecheck', 'lint', 'test:unit', 'test:e2e', 'test:packaging'];
const failed = [];
for (const step of STEPS) {
  console.log(`\n== npm run ${step}`);
  const result = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) failed.push(step);
}
console.log(failed.length === 0 ? '\nEvery suite passed.' : `\nFailed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
