import { HEADER_SYNONYMS } from '../../../src/io/header-synonyms';
import {
  createCsvImport,
  type CsvCellError,
  type CsvMapping,
  type CsvParsedRow,
  type CsvPreviewRow,
  type CsvSchema,
} from '../../../src/io/csv-import';
import { createCsvChunkParser, type CsvRow } from '../../../src/io/csv-table';
import type { DecimalSeparator } from '../../../src/io/number-parse';
import { ioIssue, type IoIssue } from '../../../src/io/issues';
import { WHO_GUIDELINES } from '../../../src/rules/who-guidelines';
import type {
  Actor,
  BulkImportOptions,
  Draft,
  ImportProgress,
  Repository,
  StoreProblem,
} from '../../../src/ports/repository';
import { MAX_RATE_LPS, MAX_WITHDRAWAL_M3, offsetText } from './form-values';

/*
 * CSV import of withdrawals and measurements, the part that does not touch the screen: the fields a file can
 * feed, how a read row becomes a draft (intake and point names resolved, periods and units settled), and the run
 * itself: stream the file once, read and check every row, and only when every row is right write them all in one
 * transaction (repository.bulkImport), or nothing. The worker (import.worker.ts) and the tests call runCsvImport.
 */

/** The registers a CSV file can be imported into. */
export type ImportKind = 'withdrawals' | 'measurements';

/** How dates in the file are written: day first (31/12/2025) or ISO (2025-12-31). */
export type DateFormat = 'dmy' | 'iso';

/** Unit of a measurement file's value column when it has no unit column: the parameter's usual unit, or one unit. */
export type MeasurementUnitChoice =
  'auto' | 'mg/L' | 'ug/L' | 'CFU/100mL' | 'MPN/100mL' | 'NTU' | 'm3/s' | 'L/s' | 'pH';

/** Everything the user chose in the wizard. */
export interface ImportSettings {
  readonly kind: ImportKind;
  readonly mapping: CsvMapping;
  readonly decimal: DecimalSeparator;
  readonly dateFormat: DateFormat;
  /** Measurements only: unit of the value column when no unit column is mapped. */
  readonly valueUnit: MeasurementUnitChoice;
}

/** What rows refer to by name: intakes and monitoring points (id and name), and the basin's clock. */
export interface ImportContext {
  readonly intakes: readonly { readonly id: string; readonly name: string }[];
  readonly points: readonly { readonly id: string; readonly name: string }[];
  /** Offset of the basin's clock from UTC, minutes east (-300 for Colombia). */
  readonly offsetMinutes: number;
}

/** Usual unit of each parameter (the guideline table's), and discharge in m3/s. */
export const PARAMETER_UNITS: Readonly<Record<string, string>> = {
  discharge: 'm3/s',
  ...Object.fromEntries(Object.entries(WHO_GUIDELINES.entries).map(([key, entry]) => [key, entry.unit])),
};

const PARAMETER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  discharge: ['caudal', 'vazao', 'vazão', 'flow', 'q'],
  ecoli: ['e. coli', 'e coli', 'escherichia coli', 'coliformes fecales'],
  'thermotolerant-coliforms': ['coliformes termotolerantes', 'thermotolerant coliforms'],
  arsenic: ['arsenico', 'arsênio', 'arsenio', 'as'],
  nitrate: ['nitratos', 'nitrato', 'no3'],
  nitrite: ['nitritos', 'nitrito', 'no2'],
  fluoride: ['fluoruro', 'fluoruros', 'fluoreto', 'f'],
  lead: ['plomo', 'chumbo', 'pb'],
  cadmium: ['cadmio', 'cádmio', 'cd'],
  mercury: ['mercurio', 'mercúrio', 'hg'],
  chromium: ['cromo', 'cr'],
  copper: ['cobre', 'cu'],
  manganese: ['manganeso', 'manganês', 'mn'],
  uranium: ['uranio', 'urânio', 'u'],
  turbidity: ['turbiedad', 'turbidez'],
  ph: ['ph', 'potencial de hidrogeno'],
};

/** The fields of a withdrawal file. A row needs a date (or a start and an end) and a volume or a rate. */
export const WITHDRAWAL_CSV_SCHEMA: CsvSchema = [
  { name: 'intake', kind: 'text', required: true, maxLength: 200, aliases: HEADER_SYNONYMS.intake },
  { name: 'date', kind: 'datetime', required: false, aliases: HEADER_SYNONYMS.date },
  { name: 'periodStart', kind: 'datetime', required: false, aliases: HEADER_SYNONYMS.periodStart },
  { name: 'periodEnd', kind: 'datetime', required: false, aliases: HEADER_SYNONYMS.periodEnd },
  {
    name: 'volume',
    kind: 'number',
    required: false,
    units: ['m3', 'L', 'ML'],
    min: 0,
    max: MAX_WITHDRAWAL_M3,
    aliases: HEADER_SYNONYMS.volume,
  },
  {
    name: 'rate',
    kind: 'number',
    required: false,
    units: ['L/s', 'm3/h', 'm3/s'],
    min: 0,
    max: MAX_RATE_LPS,
    aliases: HEADER_SYNONYMS.rate,
  },
  {
    name: 'hours',
    kind: 'number',
    required: false,
    min: 0,
    max: 24 * 366,
    aliases: ['horas', 'duracion', 'duração', 'duracao', 'hours', 'duration'],
  },
  {
    name: 'method',
    kind: 'enum',
    required: false,
    enumValues: [
      {
        value: 'meter',
        aliases: ['medidor', 'medido', 'medicion', 'hidrometro', 'hidrômetro', 'macromedidor', 'contador', 'medição'],
      },
      { value: 'estimate', aliases: ['estimado', 'estimada', 'estimacion', 'estimativa', 'calculado', 'aforo'] },
    ],
    aliases: HEADER_SYNONYMS.method,
  },
  { name: 'reporter', kind: 'text', required: false, maxLength: 200, aliases: HEADER_SYNONYMS.reporter },
];

/** The fields of a measurement file. */
export const MEASUREMENT_CSV_SCHEMA: CsvSchema = [
  { name: 'point', kind: 'text', required: true, maxLength: 200, aliases: HEADER_SYNONYMS.point },
  {
    name: 'parameter',
    kind: 'enum',
    required: true,
    enumValues: Object.keys(PARAMETER_UNITS).map((value) => ({ value, aliases: PARAMETER_ALIASES[value] ?? [] })),
    aliases: HEADER_SYNONYMS.parameter,
  },
  { name: 'value', kind: 'number', required: true, min: 0, aliases: HEADER_SYNONYMS.value },
  { name: 'unit', kind: 'text', required: false, maxLength: 30, aliases: HEADER_SYNONYMS.unit },
  { name: 'time', kind: 'datetime', required: true, aliases: [...HEADER_SYNONYMS.time, ...HEADER_SYNONYMS.date] },
  {
    name: 'detectionLimit',
    kind: 'number',
    required: false,
    min: 0,
    aliases: ['limite de deteccion', 'límite de detección', 'limite de detecção', 'ld', 'detection limit', 'lod'],
  },
];

/** The schema of a register's files. */
export function importSchema(kind: ImportKind): CsvSchema {
  return kind === 'withdrawals' ? WITHDRAWAL_CSV_SCHEMA : MEASUREMENT_CSV_SCHEMA;
}

function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

const UNIT_WORDS: Readonly<Record<string, string>> = {
  'mg/l': 'mg/L',
  'ug/l': 'ug/L',
  'µg/l': 'ug/L',
  'μg/l': 'ug/L',
  'ufc/100ml': 'CFU/100mL',
  'ufc/100 ml': 'CFU/100mL',
  'cfu/100ml': 'CFU/100mL',
  'cfu/100 ml': 'CFU/100mL',
  'nmp/100ml': 'MPN/100mL',
  'nmp/100 ml': 'MPN/100mL',
  'mpn/100ml': 'MPN/100mL',
  'mpn/100 ml': 'MPN/100mL',
  ntu: 'NTU',
  unt: 'NTU',
  'm3/s': 'm3/s',
  'm³/s': 'm3/s',
  'l/s': 'L/s',
  ph: 'pH',
  'unidades de ph': 'pH',
};

/** The stored unit id for a unit as a file writes it ('µg/L' -> 'ug/L', 'UFC/100 mL' -> 'CFU/100mL'), or null. */
export function normalizeUnitText(textValue: string): string | null {
  return UNIT_WORDS[textValue.trim().toLowerCase()] ?? null;
}

function isoAtOffset(epochMs: number, offsetMinutes: number): string {
  return `${new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19)}${offsetText(offsetMinutes)}`;
}

/** Finds a record by name (accents and case ignored) or id; reports a name two records share. */
function makeResolver(records: readonly { readonly id: string; readonly name: string }[]) {
  const byName = new Map<string, string | null>();
  const ids = new Set<string>();
  for (const record of records) {
    ids.add(record.id);
    const key = fold(record.name);
    byName.set(key, byName.has(key) ? null : record.id);
  }
  return (value: string): { readonly id: string } | { readonly problem: 'unknown' | 'ambiguous' } => {
    if (ids.has(value)) return { id: value };
    const found = byName.get(fold(value));
    if (found === undefined) return { problem: 'unknown' };
    if (found === null) return { problem: 'ambiguous' };
    return { id: found };
  };
}

/** Turns read rows into drafts; every problem as a cell error with row and column. */
export interface RowConverter {
  convert(
    row: CsvParsedRow,
    raw?: Readonly<Record<string, string>>,
  ): { readonly draft: Draft<ImportKind> } | { readonly errors: CsvCellError[] };
}

/** The header text of the column a field reads, for error messages. */
function columnName(header: readonly string[], settings: ImportSettings, field: string): string {
  const choice = settings.mapping[field];
  return choice === undefined ? '' : (header[choice.column] ?? '').trim() || String(choice.column + 1);
}

/** Builds the converter from read rows to drafts for the settings and what the basin holds. */
export function createRowConverter(
  settings: ImportSettings,
  context: ImportContext,
  header: readonly string[],
): RowConverter {
  const intake = makeResolver(context.intakes);
  const point = makeResolver(context.points);
  const error = (
    row: number,
    field: string | null,
    code: string,
    params: Record<string, string | number> = {},
  ): CsvCellError => {
    const column = field === null ? null : columnName(header, settings, field);
    return { code: code as CsvCellError['code'], params: { row, column: column ?? '', ...params }, row, column, field };
  };
  const checkDateFormat = (row: number, field: string, raw: string | undefined, errors: CsvCellError[]): void => {
    if (raw === undefined || raw.trim() === '') return;
    const iso = /^\s*\d{4}-\d{2}-\d{2}/.test(raw);
    if (settings.dateFormat === 'iso' && !iso)
      errors.push(error(row, field, 'registers.import.notIsoDate', { value: raw.trim() }));
    if (settings.dateFormat === 'dmy' && iso)
      errors.push(error(row, field, 'registers.import.notDmyDate', { value: raw.trim() }));
  };
  return {
    convert(row, raw) {
      const values = row.values;
      const errors: CsvCellError[] = [];
      const at = row.rowNumber;
      if (settings.kind === 'withdrawals') {
        for (const field of ['date', 'periodStart', 'periodEnd']) checkDateFormat(at, field, raw?.[field], errors);
        const intakeText = String(values['intake'] ?? '');
        const found = intake(intakeText);
        if ('problem' in found) {
          errors.push(
            error(
              at,
              'intake',
              found.problem === 'unknown' ? 'registers.import.unknownIntake' : 'registers.import.ambiguousIntake',
              { value: intakeText },
            ),
          );
        }
        const startText = (values['periodStart'] ?? values['date']) as string | null;
        let startMs = startText === null ? Number.NaN : Date.parse(startText);
        let endMs = Number.NaN;
        if (values['periodEnd'] !== null && values['periodEnd'] !== undefined)
          endMs = Date.parse(String(values['periodEnd']));
        else if (values['periodStart'] === null && values['date'] !== null) endMs = startMs + (24 * 60 - 1) * 60_000;
        if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
          errors.push(error(at, null, 'registers.import.noPeriod'));
          startMs = endMs = 0;
        } else if (endMs < startMs) errors.push(error(at, 'periodEnd', 'registers.import.endBeforeStart'));
        const volume = values['volume'] as number | null;
        const rate = values['rate'] as number | null;
        let volumeM3 = 0;
        let entered: Draft<'withdrawals'>['entered'] = { quantity: 'volume', value: 0, unit: 'm3' };
        if (volume !== null) {
          volumeM3 = volume;
          const typed = row.entered['volume'];
          entered = { quantity: 'volume', value: typed?.value ?? volume, unit: typed?.unit ?? 'm3' };
        } else if (rate !== null) {
          const hours = values['hours'] as number | null;
          const seconds = hours === null ? (endMs - startMs) / 1000 : hours * 3600;
          volumeM3 = (rate * seconds) / 1000;
          const typed = row.entered['rate'];
          entered = { quantity: 'rate', value: typed?.value ?? rate, unit: typed?.unit ?? 'L/s' };
          if (volumeM3 > MAX_WITHDRAWAL_M3)
            errors.push(error(at, 'rate', 'registers.import.volumeTooLarge', { max: MAX_WITHDRAWAL_M3 }));
        } else errors.push(error(at, null, 'registers.import.noQuantity'));
        if (errors.length > 0 || 'problem' in found) return { errors };
        const draft: Draft<'withdrawals'> = {
          intakeId: found.id,
          periodStart: isoAtOffset(startMs, context.offsetMinutes),
          periodEnd: isoAtOffset(endMs, context.offsetMinutes),
          volumeM3,
          entered,
          method: (values['method'] as 'meter' | 'estimate' | null) ?? 'meter',
          reporter: String(values['reporter'] ?? ''),
        };
        return { draft };
      }
      checkDateFormat(at, 'time', raw?.['time'], errors);
      const pointText = String(values['point'] ?? '');
      const found = point(pointText);
      if ('problem' in found) {
        errors.push(
          error(
            at,
            'point',
            found.problem === 'unknown' ? 'registers.import.unknownPoint' : 'registers.import.ambiguousPoint',
            { value: pointText },
          ),
        );
      }
      const parameter = String(values['parameter'] ?? '');
      let unit: string | null;
      const unitText = values['unit'];
      if (typeof unitText === 'string' && unitText !== '') {
        unit = normalizeUnitText(unitText);
        if (unit === null) errors.push(error(at, 'unit', 'registers.import.unknownUnit', { value: unitText }));
      } else unit = settings.valueUnit === 'auto' ? (PARAMETER_UNITS[parameter] ?? null) : settings.valueUnit;
      let value = values['value'] as number;
      // Discharge is stored in m3/s; a file in L/s is converted.
      if (parameter === 'discharge' && unit === 'L/s') {
        value /= 1000;
        unit = 'm3/s';
      }
      if (unit === null && errors.length === 0) errors.push(error(at, 'value', 'registers.import.unitNeeded'));
      if (errors.length > 0 || 'problem' in found || unit === null) return { errors };
      const time = Date.parse(String(values['time']));
      const draft: Draft<'measurements'> = {
        pointId: found.id,
        parameter,
        value,
        unit,
        time: isoAtOffset(time, context.offsetMinutes),
        ...(typeof values['detectionLimit'] === 'number' ? { detectionLimit: values['detectionLimit'] } : {}),
      };
      return { draft };
    },
  };
}

/** Progress of a run: reading the file (bytes), then the store's phases (rows). */
export type RunProgress = { readonly phase: 'read'; readonly done: number; readonly total: number } | ImportProgress;

/** Outcome of a run: how many rows were written, or every problem (nothing written). */
export type RunResult =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly errors: readonly (CsvCellError | IoIssue)[]; readonly truncated: boolean }
  | { readonly ok: false; readonly storeProblems: readonly StoreProblem[] };

/** Most errors listed; past this the list says more were found. */
export const MAX_LISTED_ERRORS = 200;

/** Reads preview rows (raw cells kept) into drafts, or errors with row and column. */
export function convertRows(
  rows: readonly CsvPreviewRow[],
  converter: RowConverter,
  onDraft: (draft: Draft<ImportKind>) => void,
  onErrors: (errors: readonly CsvCellError[]) => void,
): void {
  for (const row of rows) {
    if (row.errors.length > 0) {
      onErrors(row.errors);
      continue;
    }
    const converted = converter.convert(row, row.raw);
    if ('draft' in converted) onDraft(converted.draft);
    else onErrors(converted.errors);
  }
}

/**
 * Imports a file's text chunks: every row read and checked first, holding one chunk of text at a time; then, only
 * if all are right, all written in one transaction. Aborting at any point leaves nothing written.
 */
export async function runCsvImport(
  chunks: AsyncIterable<string> | Iterable<string>,
  settings: ImportSettings,
  context: ImportContext,
  repository: Pick<Repository, 'bulkImport'>,
  actor: Actor,
  options: {
    readonly signal?: AbortSignal;
    readonly onProgress?: (progress: RunProgress) => void;
    readonly batchSize?: number;
  } = {},
): Promise<RunResult> {
  const aborted = (): RunResult => ({ ok: false, storeProblems: [{ code: 'store.aborted', params: {} }] });
  const schema = importSchema(settings.kind);
  const readOptions = { decimal: settings.decimal, offsetMinutes: context.offsetMinutes };
  const reader = createCsvChunkParser();
  const drafts: Draft<ImportKind>[] = [];
  const errors: (CsvCellError | IoIssue)[] = [];
  let errorCount = 0;
  let converter: RowConverter | null = null;
  const onDraft = (draft: Draft<ImportKind>) => {
    if (errorCount === 0) drafts.push(draft);
  };
  const onErrors = (found: readonly CsvCellError[]) => {
    errorCount += found.length;
    for (const one of found) if (errors.length < MAX_LISTED_ERRORS) errors.push(one);
  };
  const take = (rows: readonly CsvRow[]): boolean => {
    if (rows.length === 0) return true;
    const header = reader.header ?? [];
    const chunkImport = createCsvImport(
      { header, rows, delimiter: reader.delimiter ?? ',' },
      schema,
      settings.mapping,
      readOptions,
    );
    if (!chunkImport.ok) {
      errors.push(...chunkImport.errors);
      errorCount += chunkImport.errors.length;
      return false;
    }
    converter ??= createRowConverter(settings, context, header);
    convertRows(chunkImport.value.previewRows(rows.length), converter, onDraft, onErrors);
    return errorCount < MAX_LISTED_ERRORS * 5 && !reader.failed;
  };
  let going = true;
  for await (const chunk of chunks) {
    if (options.signal?.aborted) return aborted();
    going = take(reader.push(chunk));
    if (!going) break;
  }
  if (going) take(reader.end());
  if (options.signal?.aborted) return aborted();
  for (const issue of reader.errors) {
    errors.push(issue);
    errorCount += 1;
  }
  if (errorCount === 0 && reader.header === null)
    return { ok: false, errors: [ioIssue('io.csv.empty')], truncated: false };
  if (errorCount === 0 && drafts.length === 0)
    return { ok: false, errors: [ioIssue('io.csv.noRows')], truncated: false };
  if (errorCount > 0) {
    errors.sort((a, b) => Number(a.params['row'] ?? 0) - Number(b.params['row'] ?? 0));
    return {
      ok: false,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      truncated: errorCount > MAX_LISTED_ERRORS || !going,
    };
  }
  const bulkOptions: BulkImportOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  };
  const written = await repository.bulkImport(settings.kind, drafts, actor, bulkOptions);
  if (!written.ok) return { ok: false, storeProblems: written.problems };
  return { ok: true, count: written.value.count };
}

/** The bytes up to the last line end, so a slice cut inside a UTF-8 character is not taken for Windows-1252. */
export function wholeLines(bytes: Uint8Array, isWholeFile: boolean): Uint8Array {
  if (isWholeFile) return bytes;
  const end = bytes.lastIndexOf(0x0a);
  return end > 0 ? bytes.subarray(0, end + 1) : bytes;
}
