/*
 * Writes the embedded sample basin to data/sample-basin (npm run sample), or the scale basin of the performance
 * targets to a folder outside the repository (npm run sample -- --scale [--out <dir>], default
 * /tmp/watershed-scale), with its withdrawals streamed to CSV and JSON so memory stays bounded.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleBasin, SAMPLE_BASIN_OPTIONS, SCALE_BASIN_OPTIONS } from '../src/sample/generate-basin';
import { sampleBasinFiles, WITHDRAWAL_CSV_HEADER, withdrawalCsvRow } from '../src/sample/serialize';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const scale = args.includes('--scale');
const outIndex = args.indexOf('--out');
const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : scale ? '/tmp/watershed-scale' : path.join(repoRoot, 'data', 'sample-basin'));

const started = performance.now();
const basin = generateSampleBasin(scale ? SCALE_BASIN_OPTIONS : SAMPLE_BASIN_OPTIONS);
mkdirSync(outDir, { recursive: true });
for (const file of sampleBasinFiles(basin)) writeFileSync(path.join(outDir, file.name), file.content);

if (scale) {
  const csv = openSync(path.join(outDir, 'withdrawals.csv'), 'w');
  const json = openSync(path.join(outDir, 'withdrawals.json'), 'w');
  writeSync(csv, `${WITHDRAWAL_CSV_HEADER}\n`);
  writeSync(json, '[\n');
  let csvChunk: string[] = [];
  let jsonChunk: string[] = [];
  let written = 0;
  const flush = (): void => {
    if (csvChunk.length > 0) writeSync(csv, `${csvChunk.join('\n')}\n`);
    if (jsonChunk.length > 0) writeSync(json, jsonChunk.join(''));
    csvChunk = [];
    jsonChunk = [];
  };
  for (const withdrawal of basin.withdrawals()) {
    csvChunk.push(withdrawalCsvRow(withdrawal));
    jsonChunk.push(`${written === 0 ? '' : ',\n'}${JSON.stringify(withdrawal)}`);
    written += 1;
    if (csvChunk.length >= 20_000) flush();
  }
  flush();
  writeSync(json, '\n]\n');
  closeSync(csv);
  closeSync(json);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const counts = Object.entries(basin.info.counts).map(([kind, count]) => `${kind} ${count}`).join(', ');
console.log(`Wrote ${basin.info.name} to ${outDir} in ${seconds} s: ${counts}`);
