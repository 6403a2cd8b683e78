// Packaging check, run after the build: packs the app with electron-builder's `dir` target against a stand-in
// Electron folder (the real binary cannot be downloaded here, and `dir` needs nothing else), then opens
// release/linux-unpacked/resources/app.asar and checks what a user's installation would hold.
// It also checks the configuration `npm run dist` uses (AppImage, deb, NSIS, dmg) is complete: electron-builder's
// own schema validation, and the metadata the deb target refuses to build without (homepage, maintainer).
// Plain Node script: prints each check, then `N passed, N failed`, writes test-results/packaging.json as
// {"passed": N, "failed": N} for scripts/ci-summary.mjs, and exits non-zero on failure.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const releaseDir = join(repoRoot, 'release', 'linux-unpacked');
const archive = join(releaseDir, 'resources', 'app.asar');

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n     ${detail}` : ''}`);
}

/** Prints the closing line, records the counts for the CI summary, and exits. */
function finish() {
  const resultsDir = join(repoRoot, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'packaging.json'), `${JSON.stringify({ passed, failed })}\n`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// 0. The configuration of `npm run dist`, checked the way electron-builder reads it (it cannot build the
// installers here: AppImage, deb and NSIS tools are downloaded on first use, and dmg needs macOS).
{
  const require = createRequire(join(repoRoot, 'package.json'));
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  let config = null;
  try {
    config = await getConfig(repoRoot, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    check('electron-builder accepts the configuration', true);
  } catch (error) {
    check('electron-builder accepts the configuration', false, String(error?.message ?? error).slice(0, 2000));
  }
  if (config !== null) {
    const targets = (platform) => [config[platform]?.target ?? []].flat().map((target) => (typeof target === 'string' ? target : target.target));
    const wanted = { linux: ['AppImage', 'deb'], win: ['nsis'], mac: ['dmg'] };
    for (const [platform, names] of Object.entries(wanted)) {
      check(`dist builds ${names.join(' and ')} for ${platform}`, names.every((name) => targets(platform).includes(name)), targets(platform).join(', '));
    }
    // What FpmTarget.computeFpmMetaInfoOptions demands before it builds a deb: a homepage, and a maintainer (or an
    // author with an e-mail address), from package.json merged with extraMetadata.
    const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const metadata = { ...packageJson, ...(config.extraMetadata ?? {}) };
    const homepage = metadata.homepage;
    check('the deb has a homepage', typeof homepage === 'string' && /^https?:\/\/\S+$/.test(homepage), String(homepage));
    const author = typeof metadata.author === 'object' && metadata.author !== null ? metadata.author : null;
    const maintainer = config.deb?.maintainer ?? config.linux?.maintainer ?? (author?.email ? `${author.name} <${author.email}>` : null);
    check('the deb has a maintainer with an e-mail address', typeof maintainer === 'string' && /^[^<>]+ <[^@\s<>]+@[^@\s<>]+>$/.test(maintainer), String(maintainer));
  }
}

function run(command, args) {
  const startedMs = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`, seconds: (performance.now() - startedMs) / 1000 };
}

function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true })
    .map((entry) => String(entry))
    .filter((entry) => statSync(join(folder, entry)).isFile())
    .map((entry) => entry.split(sep).join('/'));
}

const totalStartMs = performance.now();

// 1. The build, if it is not there yet.
const builtFiles = ['out/main/index.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
if (!builtFiles.every((file) => existsSync(join(repoRoot, file)))) {
  console.log('out/ is incomplete: running electron-vite build');
  const build = run('npx', ['electron-vite', 'build']);
  console.log(`build: ${build.seconds.toFixed(1)} s`);
  if (build.status !== 0) {
    console.log(build.output.slice(-4000));
    check('electron-vite build succeeds', false, `exit code ${build.status}`);
    finish();
  }
}

// 2. A stand-in Electron folder. By experiment, `--dir` with electronDist needs only an executable named
// `electron` (renamed to the product's executable); LICENSE and version are copied like a real distribution's.
const standIn = mkdtempSync(join(tmpdir(), 'wsc-electron-dist-'));
writeFileSync(join(standIn, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
chmodSync(join(standIn, 'electron'), 0o755);
mkdirSync(join(standIn, 'resources'));
copyFileSync(join(repoRoot, 'node_modules', 'electron', 'LICENSE'), join(standIn, 'LICENSE'));
writeFileSync(join(standIn, 'version'), (await import('electron/package.json', { with: { type: 'json' } })).default.version);

rmSync(releaseDir, { recursive: true, force: true });
const pack = run('npx', ['electron-builder', '--linux', 'dir', `-c.electronDist=${standIn}`, '--publish', 'never']);
rmSync(standIn, { recursive: true, force: true });
check('electron-builder --linux dir succeeds offline', pack.status === 0 && existsSync(archive), pack.output.slice(-3000));
if (!existsSync(archive)) finish();

// 3. What the archive holds.
const entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.split(sep).join('/').replace(/^\//, ''));
const files = entries.filter((entry) => !('files' in asar.statFile(archive, entry)));
const read = (entry) => asar.extractFile(archive, entry);
const text = (entry) => read(entry).toString('utf8');
const has = (entry) => files.includes(entry);

check('holds the built main process', has('out/main/index.js'));
check('holds the preload', has('out/preload/preload.cjs'));
if (has('out/preload/preload.cjs')) {
  const preload = text('out/preload/preload.cjs');
  check(
    'the preload is CommonJS (loads under sandbox: true) and requires only electron',
    /require\("electron"\)/.test(preload) &&
      !/^\s*import\s/m.test(preload) &&
      [...preload.matchAll(/require\("([^"]+)"\)/g)].every((match) => match[1] === 'electron'),
  );
}
check('holds the renderer index.html', has('out/renderer/index.html'));

const rendererScripts = files.filter((entry) => entry.startsWith('out/renderer/') && /\.(m?js)$/.test(entry));
check('holds the renderer scripts', rendererScripts.some((entry) => entry.startsWith('out/renderer/assets/')), rendererScripts.join(', '));
if (has('out/renderer/index.html')) {
  const html = text('out/renderer/index.html');
  const references = [...html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map((match) => `out/renderer/${match[1].slice(2)}`);
  const missing = references.filter((entry) => !has(entry));
  check('every file index.html references is in the archive', references.length > 0 && missing.length === 0, `missing: ${missing.join(', ')}`);
}

// data/ is the renderer's public folder: each of its files is copied to out/renderer/ by the build.
// Notes for developers (*.md) stay out of the archive on purpose (electron-builder.yml); every data file goes in.
const dataFiles = filesUnder(join(repoRoot, 'data')).filter((file) => !file.endsWith('.md'));
check('data/ has the sample basin to ship', dataFiles.length > 0, 'data/ is empty');
const missingData = dataFiles.filter((file) => !has(`out/renderer/${file}`));
check('every file of data/ is in the archive under out/renderer/', missingData.length === 0, `missing: ${missingData.slice(0, 10).join(', ')}`);

check('no node_modules in the archive', !entries.some((entry) => entry.split('/').includes('node_modules')));
const sources = files.filter((entry) => /\.(ts|tsx|map)$/.test(entry) || /^(src|main|renderer|test|bench|scripts|docs|data)\//.test(entry));
check('no sources, tests or source maps in the archive', sources.length === 0, sources.slice(0, 10).join(', '));
check('only package.json and out/ at the top level', entries.every((entry) => entry === 'package.json' || entry === 'out' || entry.startsWith('out/')), entries.filter((entry) => !entry.startsWith('out')).join(', '));

const packageJson = JSON.parse(text('package.json'));
check('package.json points at the built main', packageJson.main === 'out/main/index.js', packageJson.main);
check('package.json has no runtime dependencies', Object.keys(packageJson.dependencies ?? {}).length === 0, JSON.stringify(packageJson.dependencies));

// Each renderer library is bundled once: no two scripts with the same content, and each library's code once.
const scripts = files.filter((entry) => /\.(m?js|cjs)$/.test(entry));
const byHash = new Map();
for (const entry of scripts) {
  const hash = createHash('sha256').update(read(entry)).digest('hex');
  byHash.set(hash, [...(byHash.get(hash) ?? []), entry]);
}
const duplicates = [...byHash.values()].filter((group) => group.length > 1);
check('no script is packed twice', duplicates.length === 0, duplicates.map((group) => group.join(' = ')).join('; '));

// A library bundled twice shows up as twice its own count of a string the minifier keeps.
const count = (haystack, needle) => haystack.split(needle).length - 1;
const rendererText = rendererScripts.map(text).join('\n');
const SIGNATURES = [
  ['react', 'react/cjs/react.production.js', '.H.useTransition()'],
  ['react-dom', 'react-dom/cjs/react-dom-client.production.js', 'rendererPackageName'],
  ['maplibre-gl', 'maplibre-gl/dist/maplibre-gl.mjs', 'maplibregl-canvas'],
];
for (const [library, sourceFile, signature] of SIGNATURES) {
  const expected = count(readFileSync(join(repoRoot, 'node_modules', sourceFile), 'utf8'), signature);
  const found = count(rendererText, signature);
  check(`${library} is bundled exactly once in the renderer`, expected > 0 && found === expected, `signature "${signature}": ${found} in the renderer, ${expected} in one copy of ${sourceFile}`);
}
const workerHash = createHash('sha256').update(readFileSync(join(repoRoot, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'))).digest('hex');
const workerCopies = [...byHash.entries()].filter(([hash]) => hash === workerHash).flatMap(([, group]) => group);
check('the MapLibre worker is shipped once, as its own file', workerCopies.length === 1, `copies: ${workerCopies.join(', ') || 'none'}`);
const mainSide = files.filter((entry) => /^out\/(main|preload)\//.test(entry));
const leaked = mainSide.filter((entry) => /maplibregl-canvas|react\.transitional\.element/.test(text(entry)));
check('main and preload bundle no renderer library', leaked.length === 0, leaked.join(', '));

// 4. Figures.
const asarBytes = statSync(archive).size;
const rendererBytes = files.filter((entry) => entry.startsWith('out/renderer/')).reduce((sum, entry) => sum + asar.statFile(archive, entry).size, 0);
console.log(
  `figures: electron-builder ${pack.seconds.toFixed(1)} s; whole check ${((performance.now() - totalStartMs) / 1000).toFixed(1)} s; ` +
    `app.asar ${(asarBytes / 1024 / 1024).toFixed(2)} MB, ${files.length} files, renderer ${(rendererBytes / 1024 / 1024).toFixed(2)} MB`,
);
finish();
