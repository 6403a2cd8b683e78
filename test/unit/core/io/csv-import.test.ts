import { describe, expect, it } from 'vitest';
import { type CsvSchema, createCsvImport, guessCsvMapping, validateCsvChunks } from '../../../../src/io/csv-import';
import { parseCsvText } from '../../../../src/io/csv-table';
import { HEADER_SYNONYMS } from '../../../../src/io/header-synonyms';
import { expectGolden, fixtureText } from './helpers';

/** Meter readings as the withdrawal register takes them. */
const READINGS: CsvSchema = Object.freeze([
  { name: 'date', kind: 'date', required: true, aliases: HEADER_SYNONYMS.date },
  { name: 'intake', kind: 'text', required: true, maxLength: 200, aliases: HEADER_SYNONYMS.intake },
  { name: 'volumeM3', kind: 'number', required: true, units: ['m3', 'L', 'ML'], min: 0, aliases: HEADER_SYNONYMS.volume },
  {
    name: 'method',
    kind: 'enum',
    required: false,
    enumValues: [
      { value: 'meter', aliases: ['medidor', 'hidrómetro', 'medido'] },
      { value: 'estimate', aliases: ['estimado', 'estimativa', 'estimación'] },
    ],
    aliases: HEADER_SYNONYMS.method,
  },
  { name: 'notes', kind: 'text', required: false, aliases: HEADER_SYNONYMS.notes },
]);

/** Laboratory results of a monitoring point. */
const MEASUREMENTS: CsvSchema = Object.freeze([
  { name: 'time', kind: 'datetime', required: true, aliases: HEADER_SYNONYMS.time },
  { name: 'nitrate', kind: 'number', required: false, units: ['mg/L', 'ug/L'], min: 0, aliases: ['nitrato', 'nitrate'] },
  { name: 'ecoli', kind: 'number', required: false, units: ['CFU/100mL', 'MPN/100mL'], min: 0, aliases: HEADER_SYNONYMS.ecoli },
  { name: 'dischargeLps', kind: 'number', required: false, units: ['L/s', 'm3/s', 'm3/h'], min: 0, aliases: HEADER_SYNONYMS.rate },
]);

function importOf(fixture: string, schema: CsvSchema, decimal: ',' | '.') {
  const read = parseCsvText(fixtureText(fixture));
  if (!read.ok) throw new Error('fixture refused');
  const { mapping } = guessCsvMapping(read.table.header, schema);
  const prepared = createCsvImport(read.table, schema, mapping, { decimal, offsetMinutes: -300 }, read.textErrors);
  if (!prepared.ok) throw new Error(`mapping refused: ${JSON.stringify(prepared.errors)}`);
  return prepared.value;
}

describe('guessCsvMapping', () => {
  it('maps Spanish headers, accents and units included', () => {
    const guess = guessCsvMapping(['Fecha', 'Captación', 'Volumen (m3)', 'Método', 'Observaciones'], READINGS);
    expect(guess).toEqual({
      mapping: { date: { column: 0 }, intake: { column: 1 }, volumeM3: { column: 2, unit: 'm3' }, method: { column: 3 }, notes: { column: 4 } },
      unmatchedRequired: [],
    });
  });

  it('maps Portuguese headers and reads the unit in litres', () => {
    const guess = guessCsvMapping(['Data', 'Ponto de captação', 'Volume (litros)'], READINGS);
    expect(guess.mapping).toEqual({ date: { column: 0 }, intake: { column: 1 }, volumeM3: { column: 2, unit: 'L' } });
  });

  it('reads rate and bacteria units from laboratory headers', () => {
    const guess = guessCsvMapping(['Fecha y hora', 'Nitrato (mg/L)', 'E. coli (NMP/100 mL)', 'Caudal m3/h'], MEASUREMENTS);
    expect(guess.mapping).toEqual({
      time: { column: 0 },
      nitrate: { column: 1, unit: 'mg/L' },
      ecoli: { column: 2, unit: 'MPN/100mL' },
      dischargeLps: { column: 3, unit: 'm3/h' },
    });
  });

  it('lists the required fields it could not place', () => {
    expect(guessCsvMapping(['Fecha', 'Cantidad'], READINGS).unmatchedRequired).toEqual(['intake', 'volumeM3']);
  });

  it('gives a column to one field only, the exact name first', () => {
    const guess = guessCsvMapping(['Fecha inicio', 'Fecha'], READINGS);
    expect(guess.mapping['date']).toEqual({ column: 1 });
  });
});

describe('createCsvImport', () => {
  it('lists every mapping problem at once', () => {
    const read = parseCsvText('Fecha;Volumen\n01/02/2026;3\n');
    if (!read.ok) throw new Error('refused');
    const prepared = createCsvImport(read.table, READINGS, { date: { column: 0 }, volumeM3: { column: 0, unit: 'L/s' }, flow: { column: 1 } }, { decimal: ',' });
    expect(prepared.ok ? [] : prepared.errors.map((error) => error.code).sort()).toEqual([
      'io.csv.mappingRequired',
      'io.csv.mappingSharedColumn',
      'io.csv.mappingUnitNotAllowed',
      'io.csv.mappingUnknownField',
    ]);
  });

  it('previews the first rows as they will be read, converted and with their errors', () => {
    const preview = importOf('lecturas-con-error.csv', READINGS, ',').previewRows(3);
    expect(preview.map((row) => [row.rowNumber, row.values['volumeM3'], row.errors.map((error) => error.code)])).toEqual([
      [2, 1234.5, []],
      [3, 980.25, ['io.date.noSuchDay']],
      [4, null, ['io.csv.requiredEmpty', 'io.number.hasUnit']],
    ]);
  });

  it('reads a whole Spanish file: decimal commas, day-first dates, enum words', () => {
    expectGolden('lecturas-es.expected.json', importOf('lecturas-es.csv', READINGS, ',').validateAll());
  });

  it('lists every error of a file by row and column, and returns no rows', () => {
    const result = importOf('lecturas-con-error.csv', READINGS, ',').validateAll();
    expect(result.ok).toBe(false);
    expectGolden('lecturas-con-error.expected.json', result);
  });

  it('converts litres to cubic metres and keeps what was entered', () => {
    const result = importOf('readings-en.csv', READINGS, '.').validateAll();
    expect(result.ok && result.rows.map((row) => [row.values['date'], row.values['volumeM3'], row.entered['volumeM3']])).toEqual([
      ['2026-01-05', 1.2345, { value: 1234.5, unit: 'L' }],
      ['2026-01-12', 0.98025, { value: 980.25, unit: 'L' }],
    ]);
  });

  it('reports decimal commas in a comma-separated file as too many cells', () => {
    const read = parseCsvText('fecha,toma,volumen\n01/02/2026,Alta,12,5\n');
    if (!read.ok) throw new Error('refused');
    const prepared = createCsvImport(read.table, READINGS, { date: { column: 0 }, intake: { column: 1 }, volumeM3: { column: 2 } }, { decimal: ',' });
    const result = prepared.ok ? prepared.value.validateAll() : null;
    expect(result?.ok === false && result.errors.map((error) => [error.code, error.row])).toEqual([['io.csv.tooManyCells', 2]]);
  });

  it('stops collecting at maxErrors and says so', () => {
    const text = `fecha;toma;volumen\n${'xx;A;1\n'.repeat(50)}`;
    const read = parseCsvText(text);
    if (!read.ok) throw new Error('refused');
    const prepared = createCsvImport(read.table, READINGS, { date: { column: 0 }, intake: { column: 1 }, volumeM3: { column: 2 } }, { decimal: ',' });
    const result = prepared.ok ? prepared.value.validateAll(10) : null;
    expect(result?.ok === false && [result.errors.length, result.truncated]).toEqual([10, true]);
  });

  it('refuses a file with a header and no data', () => {
    const read = parseCsvText('fecha;toma;volumen\r\n;;\r\n');
    if (!read.ok) throw new Error('refused');
    const prepared = createCsvImport(read.table, READINGS, { date: { column: 0 }, intake: { column: 1 }, volumeM3: { column: 2 } }, { decimal: ',' });
    const result = prepared.ok ? prepared.value.validateAll() : null;
    expect(result?.ok === false && result.errors.map((error) => error.code)).toEqual(['io.csv.noRows']);
  });
});

describe('validateCsvChunks', () => {
  const mapping = { date: { column: 0 }, intake: { column: 1 }, volumeM3: { column: 2, unit: 'm3' as const }, method: { column: 3 }, notes: { column: 4 } };

  function chunksOf(text: string, size: number): string[] {
    const chunks: string[] = [];
    for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
    return chunks;
  }

  it('reads a file streamed in small chunks like the whole text', async () => {
    const text = fixtureText('lecturas-es.csv');
    const batches: number[] = [];
    const result = await validateCsvChunks(chunksOf(text, 5), READINGS, mapping, {
      decimal: ',',
      onRows: (rows) => {
        batches.push(...rows.map((row) => row.values['volumeM3'] as number));
      },
    });
    expect(result).toEqual({ ok: true, rowCount: 4, header: ['Fecha', 'Captación', 'Volumen (m3)', 'Método', 'Observaciones'] });
    expect(batches).toEqual([1234.5, 980.25, 12, 0.5]);
  });

  it('gives the same errors as the in-memory validation', async () => {
    const text = fixtureText('lecturas-con-error.csv');
    const streamed = await validateCsvChunks(chunksOf(text, 9), READINGS, mapping, { decimal: ',', offsetMinutes: -300 });
    const whole = importOf('lecturas-con-error.csv', READINGS, ',').validateAll();
    expect(streamed.ok ? [] : streamed.errors).toEqual(whole.ok ? null : whole.errors);
  });

  it('refuses a stream beyond maxBytes with a code', async () => {
    const result = await validateCsvChunks(chunksOf(fixtureText('lecturas-es.csv'), 16), READINGS, mapping, { decimal: ',', maxBytes: 64 });
    expect(result.ok ? [] : result.errors.map((error) => error.code)).toEqual(['io.csv.tooLarge']);
  });
});
