/*
 * Runs every bench/*.bench.ts one after another, each in its own Node process (so its memory figures are its
 * own), streams their output, and ends with a summary of every figure against its target in DESIGN.md
 * ("Performance targets"), each marked met or not. The run fails only when a bench crashes; a target not met
 * is reported, not fatal.
 *
 *   npm run bench              every bench
 *   npm run bench -- dem       only the benches whose file name contains "dem" (several words: any of them)
 *   npm run bench -- dem --large   options (words starting with -) are passed on to each bench
 *
 * Benches report figures as `[figure] <id> <value>` lines (see bench/report.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

/** One performance target of DESIGN.md and the figure that measures it. */
interface Target {
  /** Figure id as the bench reports it. */
  readonly id: string;
  /** Bench file that measures it (without .bench.ts); null when no bench can measure it here. */
  readonly bench: string | null;
  /** What is measured, in words. */
  readonly what: string;
  /** The target, in words. */
  readonly target: string;
  /** Unit of the figure, printed after it. */
  readonly unit: string;
  /** Whether a measured value meets the target. */
  readonly met?: (value: number) => boolean;
  /** Why it is not measured here, for targets without a bench. */
  readonly notMeasured?: string;
}

const TARGETS: readonly Target[] = [
  {
    id: 'rules.full-ms',
    bench: 'rules',
    what: 'rules: full evaluation, scale basin (1,117,000 records x 300 clauses, index build included), one core',
    target: '< 1,000 ms',
    unit: 'ms',
    met: (value) => value < 1000,
  },
  {
    id: 'rules.incremental-ms',
    bench: 'rules',
    what: 'rules: re-evaluation after one new record (worst of withdrawal, discharge, contamination event), CPU',
    target: '< 20 ms',
    unit: 'ms',
    met: (value) => value < 20,
  },
  {
    id: 'rules.vs-json-rules-engine',
    bench: 'rules',
    what: 'rules: record-clause pairs per CPU second, ours / json-rules-engine, same clauses, same run',
    target: '>= 1,000x',
    unit: 'x',
    met: (value) => value >= 1000,
  },
  {
    id: 'rules.memory-mb',
    bench: 'rules',
    what: 'memory: scale basin records + rule index held for the rules (Node heap; the app budget is 500 MB in all)',
    target: '< 500 MB',
    unit: 'MB',
    met: (value) => value < 500,
  },
  {
    id: 'network.build-ms',
    bench: 'network',
    what: 'network: build from id/toid, 50,000 reaches, CPU time',
    target: '< 1,000 ms',
    unit: 'ms',
    met: (value) => value < 1000,
  },
  {
    id: 'network.queries-ms',
    bench: 'network',
    what: 'network: 1,000,000 isUpstream queries, CPU time',
    target: '< 100 ms',
    unit: 'ms',
    met: (value) => value < 100,
  },
  {
    id: 'dem.vs-grass',
    bench: 'dem',
    what: 'DEM: whole pipeline on 2,000 x 2,000 cells, GRASS r.watershed -s time / ours (median of paired runs)',
    target: '> 1x (faster)',
    unit: 'x',
    met: (value) => value > 1,
  },
  {
    id: 'import.vs-raw-idb',
    bench: 'import-browser',
    what: 'import: 1,000,000 CSV readings into IndexedDB, rate / raw bulk-write rate, same browser',
    target: '>= 0.5',
    unit: '',
    met: (value) => value >= 0.5,
  },
  {
    id: 'app.start-ms',
    bench: null,
    what: 'app: start to an interactive map on the scale basin',
    target: '< 3,000 ms',
    unit: 'ms',
    notMeasured:
      "needs the scale basin's 1.1 M records written into the app's store by its first-run import before a start can be timed (minutes per run here: raw IndexedDB alone wrote 10,000-30,000 rows/s on this machine); no bench for it yet",
  },
  {
    id: 'app.findings-ms',
    bench: null,
    what: 'app: all findings shown after start, scale basin',
    target: '< 10,000 ms',
    unit: 'ms',
    notMeasured: 'same setup as app start; the rules part of it is rules.full-ms above',
  },
  {
    id: 'app.memory-mb',
    bench: null,
    what: 'app: memory of the running app on the scale basin',
    target: '< 500 MB',
    unit: 'MB',
    notMeasured:
      'needs the app running on the scale basin; rules.memory-mb above is the largest part measured headless',
  },
];

/** What one bench process did. */
interface BenchRun {
  readonly name: string;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly seconds: number;
  readonly peakRssMb: number | null;
  readonly figures: Map<string, number | string>;
}

// eslint-disable-next-line no-control-regex -- terminal colour codes that error messages sometimes carry
const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;
const FIGURE_LINE = /^\[figure\] (\S+) (?:- (.*)|(\S+))$/;
const PEAK_LINE = /^\[bench-peak-rss-kb\] (\d+)$/;
// Loaded into each bench process: prints its peak resident memory when it ends.
const PEAK_RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => { process.stdout.write('[bench-peak-rss-kb] ' + process.resourceUsage().maxRSS + '\\n'); });",
)}`;

/**
 * Node options per bench. The rules target is "on one core": V8 there runs single-threaded, so its garbage
 * collector and compiler work on the same core as the engine and the CPU time is the work of one core.
 */
const NODE_OPTIONS_OF: Readonly<Record<string, readonly string[]>> = { rules: ['--single-threaded'] };

function runBench(file: string, flags: readonly string[]): Promise<BenchRun> {
  const name = path.basename(file).replace(/\.bench\.ts$/, '');
  const figures = new Map<string, number | string>();
  let peakRssMb: number | null = null;
  const started = performance.now();
  return new Promise((resolve) => {
    const nodeOptions = NODE_OPTIONS_OF[name] ?? [];
    const child = spawn(
      process.execPath,
      [...nodeOptions, '--import', 'tsx', '--import', PEAK_RSS_HOOK, file, ...flags],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: process.env,
      },
    );
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const peak = PEAK_LINE.exec(line);
      if (peak !== null) {
        peakRssMb = Number(peak[1]) / 1024;
        return;
      }
      const figure = FIGURE_LINE.exec(line.replace(ANSI_ESCAPE, ''));
      if (figure !== null) {
        figures.set(figure[1]!, figure[2] !== undefined ? figure[2] : Number(figure[3]));
        return;
      }
      process.stdout.write(`${line}\n`);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    let finished = false;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      if (finished) return;
      finished = true;
      resolve({ name, exitCode, signal, seconds: (performance.now() - started) / 1000, peakRssMb, figures });
    };
    child.on('error', (error) => {
      process.stderr.write(`bench ${name}: could not start: ${error.message}\n`);
      finish(1, null);
    });
    // 'close' waits for stdout to drain, so every figure line has been read.
    child.on('close', (code, signal) => finish(code, signal));
  });
}

const formatValue = (value: number): string =>
  Math.abs(value) >= 100
    ? Math.round(value).toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 2 });

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function main(): Promise<number> {
  const directory = path.dirname(fileURLToPath(import.meta.url));
  const filters = process.argv.slice(2).filter((argument) => !argument.startsWith('-'));
  const flags = process.argv.slice(2).filter((argument) => argument.startsWith('-'));
  const files = fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort()
    .map((name) => path.join(directory, name));
  if (files.length === 0) {
    console.error(`No bench matches ${filters.join(', ')}.`);
    return 1;
  }

  const loadAtStart = os.loadavg()[0]!;
  const runs: BenchRun[] = [];
  for (const file of files) {
    console.log(`\n== ${path.relative(process.cwd(), file)}`);
    const run = await runBench(file, flags);
    runs.push(run);
    const status = run.exitCode === 0 ? 'done' : `CRASHED (${run.signal ?? `exit ${run.exitCode}`})`;
    console.log(
      `== ${run.name}: ${status} in ${run.seconds.toFixed(1)} s${run.peakRssMb === null ? '' : `, peak memory ${Math.round(run.peakRssMb)} MB`}`,
    );
  }

  const ran = new Map(runs.map((run) => [run.name, run]));
  const rows: string[][] = [['target', 'measured', 'wanted', 'result']];
  let met = 0;
  let missed = 0;
  for (const target of TARGETS) {
    const run = target.bench === null ? undefined : ran.get(target.bench);
    if (filters.length > 0 && (target.bench === null || run === undefined)) continue;
    let measured = '-';
    let result: string;
    if (target.bench === null) {
      result = `not measured here: ${target.notMeasured}`;
    } else if (run === undefined) {
      result = `not measured: no bench/${target.bench}.bench.ts`;
    } else {
      const figure = run.figures.get(target.id);
      if (typeof figure === 'number' && Number.isFinite(figure)) {
        measured = `${formatValue(figure)}${target.unit === '' || target.unit === 'x' ? target.unit : ` ${target.unit}`}`;
        const ok = target.met?.(figure) ?? false;
        result = ok ? 'met' : 'NOT met';
        if (ok) met++;
        else missed++;
      } else if (typeof figure === 'string') {
        result = `not measured: ${figure}`;
      } else {
        result =
          run.exitCode === 0
            ? `not measured: ${target.bench} bench printed no ${target.id}`
            : `not measured: ${target.bench} bench crashed`;
      }
    }
    rows.push([target.what, measured, target.target, result]);
  }
  const extra = runs.flatMap((run) =>
    [...run.figures]
      .filter(([id]) => !TARGETS.some((target) => target.id === id))
      .map(([id, value]) => `${id} ${typeof value === 'number' ? formatValue(value) : `not measured (${value})`}`),
  );

  console.log('\n== Summary: DESIGN.md performance targets');
  console.log(
    `(${os.cpus().length} CPUs; load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end: ` +
      'wall-clock figures swell with other work on the machine, CPU-time figures much less)',
  );
  console.log(table(rows));
  if (extra.length > 0) console.log(`\nOther figures: ${extra.join('; ')}`);
  const crashed = runs.filter((run) => run.exitCode !== 0);
  console.log(
    `\n${runs.length} bench(es) run, ${crashed.length} crashed${crashed.length > 0 ? ` (${crashed.map((run) => run.name).join(', ')})` : ''}; targets met ${met}, not met ${missed}.`,
  );
  return crashed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
