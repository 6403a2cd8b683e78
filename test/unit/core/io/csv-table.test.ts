import { describe, expect, it } from 'vitest';
import { columnLetter, createCsvChunkParser, detectCsvDelimiter, parseCsvText } from '../../../../src/io/csv-table';
import { fixtureText } from './helpers';

function readAll(text: string) {
  const result = parseCsvText(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('parseCsvText', () => {
  it('reads a Spanish Excel export: BOM, semicolons, CRLF, quotes, blank rows', () => {
    const { table, textErrors } = readAll(fixtureText('lecturas-es.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['Fecha', 'Captación', 'Volumen (m3)', 'Método', 'Observaciones']);
    expect(table.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 6]);
    expect(table.rows[1]?.cells[4]).toBe('revisar; fuga en válvula');
    expect(table.rows[2]?.cells[4]).toBe('dijo "aprox."');
    expect(textErrors).toEqual([]);
  });

  it('numbers rows as the spreadsheet does when a quoted cell spans lines', () => {
    const { table } = readAll('a,b\n1,"two\nlines"\n3,4\n');
    expect(table.rows.map((row) => [row.rowNumber, row.cells[1]])).toEqual([
      [2, 'two\nlines'],
      [3, '4'],
    ]);
  });

  it('reads tab-separated text', () => {
    expect(readAll('fecha\tvolumen\n01/02/2026\t12,5\n').table.delimiter).toBe('\t');
  });

  it('reads old Mac line ends', () => {
    expect(readAll('a;b\r1;2\r3;4').table.rows.map((row) => row.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reports a quote left open with its row', () => {
    const result = readAll('a;b\n1;2\n3;"open\n5;6\n');
    expect(result.textErrors).toEqual([{ code: 'io.csv.unclosedQuote', params: { row: 3 } }]);
  });

  it('refuses an empty file', () => {
    expect(parseCsvText('\uFEFF\r\n\r\n')).toEqual({ ok: false, errors: [{ code: 'io.csv.empty', params: {} }] });
  });

  it('refuses text over maxBytes with a code', () => {
    const result = parseCsvText('a;b\n1;2\n', { maxBytes: 4 });
    expect(result.ok ? null : result.errors[0]?.code).toBe('io.csv.tooLarge');
  });
});

describe('createCsvChunkParser', () => {
  it('gives the same rows whatever the chunk boundaries', () => {
    const text = fixtureText('lecturas-es.csv');
    const whole = readAll(text).table.rows;
    for (const size of [1, 2, 3, 7, 64]) {
      const reader = createCsvChunkParser();
      const rows = [];
      for (let start = 0; start < text.length; start += size) rows.push(...reader.push(text.slice(start, start + size)));
      rows.push(...reader.end());
      expect(rows).toEqual(whole);
    }
  });

  it('stops at maxBytes without reading further', () => {
    const reader = createCsvChunkParser({ maxBytes: 10 });
    reader.push('a;b\n1;2\n');
    expect(reader.push('3;4\n5;6\n')).toEqual([]);
    expect(reader.failed).toBe(true);
    expect(reader.errors[0]?.code).toBe('io.csv.tooLarge');
  });

  it('gives up on a quote never closed instead of holding the whole file', () => {
    const reader = createCsvChunkParser({ delimiter: ';' });
    reader.push('a;b\n1;"open\n');
    const line = 'x;y\n'.repeat(1024);
    for (let index = 0; index < 300 && !reader.failed; index += 1) reader.push(line);
    expect(reader.failed).toBe(true);
    expect(reader.errors).toEqual([{ code: 'io.csv.unclosedQuote', params: { row: 2 } }]);
  });
});

describe('detectCsvDelimiter', () => {
  it('prefers semicolons over the decimal commas inside them', () => {
    expect(detectCsvDelimiter('fecha;volumen\n01/02/2026;12,5\n02/02/2026;1,25')).toBe(';');
  });

  it('finds commas in an English file', () => {
    expect(detectCsvDelimiter('date,volume\n2026-02-01,12.5')).toBe(',');
  });
});

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
