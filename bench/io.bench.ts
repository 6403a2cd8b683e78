/*
 * CSV import throughput: 1,000,000 meter readings in the Spanish Excel dialect (';', decimal commas,
 * dd/mm/yyyy), read in 64 KiB chunks as the renderer streams a file, parsed and validated against the
 * withdrawal schema. Also papaparse alone on the same text, the floor any importer built on it pays.
 * Run: npx tsx bench/io.bench.ts
 */
import Papa from 'papaparse';
import { type CsvSchema, validateCsvChunks } from '../src/io/csv-import';
import { parseCsvText } from '../src/io/csv-table';
import { reportFigure } from './report';

const ROWS = 1_000_000;
const CHUNK_CHARS = 64 * 1024;

const SCHEMA: CsvSchema = [
  { name: 'date', kind: 'date', required: true },
  { name: 'intake', kind: 'text', required: true },
  { name: 'volumeM3', kind: 'number', required: true, units: ['m3', 'L'], min: 0 },
  { name: 'method', kind: 'enum', required: false, enumValues: [{ value: 'meter', aliases: ['medidor'] }, { value: 'estimate', aliases: ['estimado'] }] },
];
const MAPPING = { date: { column: 0 }, intake: { column: 1 }, volumeM3: { column: 2, unit: 'L' as const }, method: { column: 3 } };

function buildText(): string {
  const lines = ['Fecha;Captación;Volumen (L);Método'];
  for (let index = 0; index < ROWS; index += 1) {
    const day = (index % 28) + 1;
    const month = (Math.floor(index / 28) % 12) + 1;
    const litres = ((index * 7919) % 2_000_000) / 4;
    const formatted = litres.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/, '.');
    lines.push(`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2026;Toma ${index % 2000};${formatted};${index % 3 === 0 ? 'estimado' : 'medidor'}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function* chunks(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += CHUNK_CHARS) yield text.slice(start, start + CHUNK_CHARS);
}

async function main(): Promise<void> {
  const text = buildText();
  const megabytes = text.length / 1024 / 1024;
  console.log(`io bench: ${ROWS.toLocaleString('en')} rows, ${megabytes.toFixed(1)} MB of CSV text`);

  let started = performance.now();
  Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n' });
  const papaMs = performance.now() - started;
  console.log(`papaparse alone (whole string):      ${papaMs.toFixed(0)} ms, ${((ROWS / papaMs) * 1000).toFixed(0)} rows/s`);

  started = performance.now();
  const table = parseCsvText(text, { maxBytes: 1024 * 1024 * 1024 });
  const tableMs = performance.now() - started;
  console.log(`parseCsvText (chunk reader, 1 chunk): ${tableMs.toFixed(0)} ms, ${((ROWS / tableMs) * 1000).toFixed(0)} rows/s, ratio to papaparse ${(tableMs / papaMs).toFixed(2)}`);
  if (!table.ok) throw new Error('bench text refused');

  started = performance.now();
  let written = 0;
  const result = await validateCsvChunks(chunks(text), SCHEMA, MAPPING, {
    decimal: ',',
    offsetMinutes: -300,
    onRows: (rows) => {
      written += rows.length;
    },
  });
  const validateMs = performance.now() - started;
  if (!result.ok || written !== ROWS) throw new Error(`bench validation failed: ${JSON.stringify(result).slice(0, 300)}`);
  console.log(
    `validateCsvChunks (64 KiB chunks):    ${validateMs.toFixed(0)} ms, ${((ROWS / validateMs) * 1000).toFixed(0)} rows/s, ratio to papaparse ${(validateMs / papaMs).toFixed(2)}`,
  );
  reportFigure('io.validate-rows-per-s', (ROWS / validateMs) * 1000);
  console.log(`against the import target: raw IndexedDB writes ~30,000 rows/s, so validation costs ${((30_000 / ((ROWS / validateMs) * 1000)) * 100).toFixed(1)}% of the write time`);
}

await main();
