import { describe, expect, it } from 'vitest';
import { type CsvSchema, createCsvImport } from '../../../../src/io/csv-import';
import { toCsvText } from '../../../../src/io/csv-export';
import { parseCsvText } from '../../../../src/io/csv-table';
import { importGeoFile } from '../../../../src/io/geo-import';
import { toGeoJsonText } from '../../../../src/io/geojson-export';

interface Reading {
  readonly date: string;
  readonly intake: string;
  readonly volumeM3: number;
  readonly notes: string | null;
}

const READINGS: readonly Reading[] = Object.freeze([
  { date: '2026-01-05', intake: 'Toma La Esperanza', volumeM3: 1234.5, notes: 'fuga; revisar "válvula"' },
  { date: '2026-01-12', intake: 'Captação São João', volumeM3: 0.125, notes: null },
]);

const COLUMNS = [
  { header: 'Fecha', value: (row: Reading) => row.date },
  { header: 'Captación', value: (row: Reading) => row.intake },
  { header: 'Volumen (m³)', value: (row: Reading) => row.volumeM3 },
  { header: 'Observaciones', value: (row: Reading) => row.notes },
];

describe('toCsvText', () => {
  it('writes semicolons, decimal commas, a BOM and CRLF for Spanish and Portuguese Excel', () => {
    expect(toCsvText(COLUMNS, READINGS, 'es')).toBe(
      '\uFEFFFecha;Captación;Volumen (m³);Observaciones\r\n' +
        '2026-01-05;Toma La Esperanza;1234,5;"fuga; revisar ""válvula"""\r\n' +
        '2026-01-12;Captação São João;0,125;\r\n',
    );
  });

  it('writes commas and decimal points for English', () => {
    expect(toCsvText(COLUMNS.slice(2, 3), READINGS, 'en')).toBe('\uFEFFVolumen (m³)\r\n1234.5\r\n0.125\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    const columns = [
      { header: 'a', value: (row: { text: string; number: number }) => row.text },
      { header: 'b', value: (row: { text: string; number: number }) => row.number },
    ];
    expect(toCsvText(columns, [{ text: '=HYPERLINK("x")', number: -2.5 }], 'pt-BR')).toBe('\uFEFFa;b\r\n"\'=HYPERLINK(""x"")";-2,5\r\n');
  });

  it('is read back by the importer with the same locale', () => {
    const schema: CsvSchema = [
      { name: 'date', kind: 'date', required: true },
      { name: 'intake', kind: 'text', required: true },
      { name: 'volumeM3', kind: 'number', required: true, units: ['m3'] },
      { name: 'notes', kind: 'text', required: false },
    ];
    const read = parseCsvText(toCsvText(COLUMNS, READINGS, 'pt-BR'));
    if (!read.ok) throw new Error('refused');
    const mapping = { date: { column: 0 }, intake: { column: 1 }, volumeM3: { column: 2 }, notes: { column: 3 } };
    const prepared = createCsvImport(read.table, schema, mapping, { decimal: ',' });
    const result = prepared.ok ? prepared.value.validateAll() : null;
    expect(result?.ok && result.rows.map((row) => row.values)).toEqual(READINGS);
  });
});

describe('toGeoJsonText', () => {
  it('rounds coordinates to 7 decimals and writes no crs', () => {
    const text = toGeoJsonText([{ type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: [-75.123456789, 4.5] }, properties: { nombre: 'Bocatoma' } }]);
    expect(JSON.parse(text)).toEqual({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: [-75.1234568, 4.5] }, properties: { nombre: 'Bocatoma' } }],
    });
  });

  it('is imported back unchanged', async () => {
    const features = [
      { type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [[[-75.5, -9.4], [-75.4, -9.4], [-75.4, -9.3], [-75.5, -9.4]]] }, properties: { area: 'ribera' } },
    ];
    const result = await importGeoFile('sitios.geojson', new TextEncoder().encode(toGeoJsonText(features)));
    expect(result.ok && result.features).toEqual(features);
  });
});
