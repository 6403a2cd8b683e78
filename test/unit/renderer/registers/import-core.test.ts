import { describe, expect, it } from 'vitest';
import { guessCsvMapping } from '../../../../src/io/csv-import';
import {
  importSchema,
  runCsvImport,
  type ImportContext,
  type ImportSettings,
} from '../../../../renderer/features/registers/import-core';
import { COORDINATOR, openStore } from '../store/store-fixtures';

const CONTEXT: ImportContext = Object.freeze({
  intakes: [
    { id: 'intake-1', name: 'Toma La Esperanza' },
    { id: 'intake-2', name: 'Bocatoma El Roble' },
  ],
  points: [{ id: 'point-1', name: 'Puente de Arenillas' }],
  offsetMinutes: -300,
});

const WITHDRAWALS = [
  'Fecha;Captación;Volumen (m3);Método;Reportado por',
  '05/01/2026;Toma La Esperanza;1.234,5;medidor;Lucía',
  '12/01/2026;toma la esperanza;980,25;Medidor;Lucía',
  '19/01/2026;Bocatoma El Roble;12;estimado;Lucía',
].join('\r\n');

function settingsFor(
  text: string,
  kind: ImportSettings['kind'] = 'withdrawals',
  extra: Partial<ImportSettings> = {},
): ImportSettings {
  const header = text.split(/\r?\n/, 1)[0]!.split(';');
  return {
    kind,
    mapping: guessCsvMapping(header, importSchema(kind)).mapping,
    decimal: ',',
    dateFormat: 'dmy',
    valueUnit: 'auto',
    ...extra,
  };
}

/** Splits a text into small chunks, as a file stream hands it over. */
function chunks(text: string, size = 17): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += size) parts.push(text.slice(start, start + size));
  return parts;
}

describe('CSV import of withdrawals', () => {
  it('reads decimal commas and intake names, and writes every row with the basin’s clock', async () => {
    const { repository } = openStore();
    const result = await runCsvImport(chunks(WITHDRAWALS), settingsFor(WITHDRAWALS), CONTEXT, repository, COORDINATOR);
    expect(result).toEqual({ ok: true, count: 3 });
    const stored = await repository.list('withdrawals');
    expect(
      stored.map((row) => [row.intakeId, row.volumeM3, row.method, row.periodStart, row.periodEnd, row.reviewState]),
    ).toEqual(
      expect.arrayContaining([
        ['intake-1', 1234.5, 'meter', '2026-01-05T00:00:00-05:00', '2026-01-05T23:59:00-05:00', 'received'],
        ['intake-1', 980.25, 'meter', '2026-01-12T00:00:00-05:00', '2026-01-12T23:59:00-05:00', 'received'],
        ['intake-2', 12, 'estimate', '2026-01-19T00:00:00-05:00', '2026-01-19T23:59:00-05:00', 'received'],
      ]),
    );
  });

  it('lists every bad row by row and column and writes nothing', async () => {
    const { repository } = openStore();
    const text = `${WITHDRAWALS}\r\n26/01/2026;Toma La Esperanza;-3,5;medidor;Lucía\r\n02/02/2026;Toma Perdida;4;medidor;Lucía`;
    const result = await runCsvImport(chunks(text), settingsFor(text), CONTEXT, repository, COORDINATOR);
    expect(result.ok).toBe(false);
    const errors = 'errors' in result ? result.errors : [];
    expect(errors.map((error) => [error.code, error.params['row'], error.params['column']])).toEqual([
      ['io.csv.belowMin', 5, 'Volumen (m3)'],
      ['registers.import.unknownIntake', 6, 'Captación'],
    ]);
    expect(await repository.list('withdrawals')).toEqual([]);
  });

  it('turns a rate with hours into a volume, and checks the chosen date format', async () => {
    const { repository } = openStore();
    const text = 'Fecha;Toma;Caudal (L/s);Horas\r\n2026-03-01;Bocatoma El Roble;2,5;10';
    expect(
      await runCsvImport(
        [text],
        settingsFor(text, 'withdrawals', { dateFormat: 'dmy' }),
        CONTEXT,
        repository,
        COORDINATOR,
      ),
    ).toMatchObject({
      ok: false,
      errors: [{ code: 'registers.import.notDmyDate', params: { row: 2, column: 'Fecha' } }],
    });
    expect(
      await runCsvImport(
        [text],
        settingsFor(text, 'withdrawals', { dateFormat: 'iso' }),
        CONTEXT,
        repository,
        COORDINATOR,
      ),
    ).toEqual({ ok: true, count: 1 });
    const [stored] = await repository.list('withdrawals');
    expect(stored).toMatchObject({ volumeM3: 90, entered: { quantity: 'rate', value: 2.5, unit: 'L/s' } });
  });

  it('writes nothing when cancelled', async () => {
    const { repository } = openStore();
    const controller = new AbortController();
    const rows = Array.from(
      { length: 300 },
      (_, index) => `${String((index % 28) + 1).padStart(2, '0')}/02/2026;Toma La Esperanza;${index},5;medidor;Lucía`,
    );
    const text = [WITHDRAWALS.split('\r\n')[0], ...rows].join('\n');
    const result = await runCsvImport(chunks(text, 500), settingsFor(text), CONTEXT, repository, COORDINATOR, {
      signal: controller.signal,
      batchSize: 50,
      onProgress: (progress) => {
        if (progress.phase === 'write' && progress.done >= 100) controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, storeProblems: [{ code: 'store.aborted', params: {} }] });
    expect(await repository.list('withdrawals')).toEqual([]);
  });
});

describe('CSV import of measurements', () => {
  it('resolves parameter words and units, converting discharge in L/s to m3/s', async () => {
    const { repository } = openStore();
    const text = [
      'Punto;Parámetro;Valor;Unidad;Fecha y hora',
      'Puente de Arenillas;Arsénico;12;µg/L;05/01/2026 08:30',
      'Puente de Arenillas;Caudal;850;L/s;05/01/2026 09:00',
      'Puente de Arenillas;E. coli;40;;05/01/2026 09:00',
    ].join('\n');
    expect(await runCsvImport([text], settingsFor(text, 'measurements'), CONTEXT, repository, COORDINATOR)).toEqual({
      ok: true,
      count: 3,
    });
    const stored = await repository.list('measurements');
    expect(stored.map((row) => [row.parameter, row.value, row.unit, row.time])).toEqual(
      expect.arrayContaining([
        ['arsenic', 12, 'ug/L', '2026-01-05T08:30:00-05:00'],
        ['discharge', 0.85, 'm3/s', '2026-01-05T09:00:00-05:00'],
        ['ecoli', 40, 'CFU/100mL', '2026-01-05T09:00:00-05:00'],
      ]),
    );
  });

  it('refuses a unit it does not know and a parameter not in the table', async () => {
    const { repository } = openStore();
    const text = [
      'Punto;Parámetro;Valor;Unidad;Fecha',
      'Puente de Arenillas;Arsénico;12;ppm;05/01/2026',
      'Puente de Arenillas;Dureza;12;mg/L;05/01/2026',
    ].join('\n');
    const result = await runCsvImport([text], settingsFor(text, 'measurements'), CONTEXT, repository, COORDINATOR);
    expect('errors' in result && result.errors.map((error) => [error.code, error.params['row']])).toEqual([
      ['registers.import.unknownUnit', 2],
      ['io.csv.notInList', 3],
    ]);
    expect(await repository.list('measurements')).toEqual([]);
  });
});
