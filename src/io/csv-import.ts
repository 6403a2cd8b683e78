import { type UnitId, UNITS, CANONICAL_UNITS, toCanonicalUnit } from '../domain/units';
import { type DateParseCode, parseDateText, parseDateTimeText } from './date-parse';
import { fieldNameWords, guessUnitFromHeader, normalizeHeader } from './header-synonyms';
import { type IoCode, type IoFailure, type IoIssue, ioIssue } from './issues';
import { type DecimalSeparator, type NumberParseCode, parseLocaleNumber } from './number-parse';
import { type CsvParseOptions, type CsvRow, type CsvTable, columnLetter, createCsvChunkParser } from './csv-table';

/*
 * A CSV import in three steps, as the user lives it: map the columns to the fields of a record kind (guessed from
 * the header, each number column with its unit), preview the first rows exactly as they will be read, then
 * validate the whole file. Either every row is read, or every error is listed by row and column, and nothing
 * is written: the caller writes the rows in one transaction only after ok: true.
 */

/** How a field's cells are read. */
export type CsvFieldKind = 'number' | 'date' | 'datetime' | 'text' | 'enum';

/** One allowed value of an enum field, with the words a spreadsheet may use for it. */
export interface CsvEnumValue {
  /** The value stored, e.g. 'meter'. */
  readonly value: string;
  /** Other spellings accepted, compared without case or accents, e.g. ['medidor', 'medido', 'hidrometro']. */
  readonly aliases?: readonly string[];
}

/** A field of the record kind being imported, as the target schema describes it. */
export interface CsvFieldSpec {
  /** Key of the field in the parsed row, e.g. 'volumeM3'. */
  readonly name: string;
  readonly kind: CsvFieldKind;
  readonly required: boolean;
  /** Number fields: the units a user may choose for the column (ids of UNITS); values are converted to the canonical unit. */
  readonly units?: readonly UnitId[];
  /** Number fields: smallest value allowed, in the canonical unit (e.g. 0 for a volume). */
  readonly min?: number;
  /** Number fields: largest value allowed, in the canonical unit. */
  readonly max?: number;
  /** Enum fields: the allowed values. */
  readonly enumValues?: readonly CsvEnumValue[];
  /** Text fields: longest text allowed, characters. */
  readonly maxLength?: number;
  /** Header words that name this field (see HEADER_SYNONYMS), for guessCsvMapping. */
  readonly aliases?: readonly string[];
}

/** The fields of the record kind being imported. */
export type CsvSchema = readonly CsvFieldSpec[];

/** Which column (0-based) feeds a field, and in which unit its numbers are written. */
export interface CsvColumnChoice {
  readonly column: number;
  /** Unit of the column's numbers; defaults to the field's first unit. */
  readonly unit?: UnitId;
}

/** The user's column mapping: field name -> column choice. Unmapped optional fields read as null. */
export type CsvMapping = Readonly<Record<string, CsvColumnChoice>>;

/** How cells are read. */
export interface CsvReadOptions {
  /** Decimal separator of the file's numbers. */
  readonly decimal: DecimalSeparator;
  /** Offset east of UTC, minutes, of date-times written without a zone (-300 for UTC-05:00). Default 0. */
  readonly offsetMinutes?: number;
}

/** A cell value as read: a number in the canonical unit, an ISO date or date-time, a text, an enum value, or null. */
export type CsvValue = number | string | null;

/** A number as the user wrote it, before conversion (records keep it beside the canonical value). */
export interface CsvEnteredQuantity {
  readonly value: number;
  readonly unit: UnitId;
}

/** A row read without errors. */
export interface CsvParsedRow {
  /** Spreadsheet row number (header = 1). */
  readonly rowNumber: number;
  /** Values by field name; numbers in the canonical unit of their quantity. */
  readonly values: Readonly<Record<string, CsvValue>>;
  /** For number fields with units and a value: what the user wrote and in which unit. */
  readonly entered: Readonly<Record<string, CsvEnteredQuantity>>;
}

/** An error of one cell or row; `params` repeats row and column for the message ('io.csv.at' renders the place). */
export interface CsvCellError extends IoIssue {
  /** Spreadsheet row number (header = 1). */
  readonly row: number;
  /** Header text of the column (or its letter when the header is blank); null for a whole-row error. */
  readonly column: string | null;
  /** Schema field name, or null for a whole-row error. */
  readonly field: string | null;
}

/** A row as the preview shows it: raw texts, values as read, and the errors of its cells. */
export interface CsvPreviewRow extends CsvParsedRow {
  readonly raw: Readonly<Record<string, string>>;
  readonly errors: readonly CsvCellError[];
}

/** Every row read, or every error found. */
export type CsvValidation =
  | { readonly ok: true; readonly rows: readonly CsvParsedRow[] }
  | { readonly ok: false; readonly errors: readonly CsvCellError[]; readonly truncated: boolean };

/** A mapping checked against a header: ready to read rows. */
export interface CsvImport {
  readonly header: readonly string[];
  /** The first `count` data rows as they will be read, with their errors. */
  previewRows(count: number): CsvPreviewRow[];
  /** Reads the whole file; stops collecting after `maxErrors` errors (default: all of them). */
  validateAll(maxErrors?: number): CsvValidation;
}

/** A validated mapping, or what is wrong with it. */
export type CsvImportResult = { readonly ok: true; readonly value: CsvImport } | IoFailure;

interface FieldPlan {
  readonly spec: CsvFieldSpec;
  readonly column: number | null;
  readonly columnName: string | null;
  readonly unit: UnitId | null;
  readonly enumLookup: ReadonlyMap<string, string> | null;
}

interface RowPlan {
  readonly fields: readonly FieldPlan[];
  readonly headerLength: number;
  readonly options: CsvReadOptions;
}

function normalizeWord(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

function columnNameOf(header: readonly string[], column: number): string {
  const text = header[column]?.trim() ?? '';
  return text === '' ? columnLetter(column) : text;
}

/**
 * Checks a mapping against the header and schema: required fields mapped, columns that exist, units allowed for
 * the field, one field per column. Returns every problem at once.
 */
export function checkCsvMapping(schema: CsvSchema, header: readonly string[], mapping: CsvMapping): IoIssue[] {
  const problems: IoIssue[] = [];
  const names = new Set(schema.map((spec) => spec.name));
  for (const field of Object.keys(mapping)) {
    if (!names.has(field)) problems.push(ioIssue('io.csv.mappingUnknownField', { field }));
  }
  const fieldsByColumn = new Map<number, string[]>();
  for (const spec of schema) {
    const choice = mapping[spec.name];
    if (choice === undefined) {
      if (spec.required) problems.push(ioIssue('io.csv.mappingRequired', { field: spec.name }));
      continue;
    }
    if (!Number.isInteger(choice.column) || choice.column < 0 || choice.column >= header.length) {
      problems.push(ioIssue('io.csv.mappingNoColumn', { field: spec.name, column: choice.column + 1 }));
      continue;
    }
    fieldsByColumn.set(choice.column, [...(fieldsByColumn.get(choice.column) ?? []), spec.name]);
    if (choice.unit !== undefined && !(spec.units ?? []).includes(choice.unit)) {
      problems.push(ioIssue('io.csv.mappingUnitNotAllowed', { field: spec.name, unit: choice.unit, allowed: (spec.units ?? []).join(', ') }));
    }
  }
  for (const [column, fields] of fieldsByColumn) {
    if (fields.length > 1) {
      problems.push(ioIssue('io.csv.mappingSharedColumn', { column: columnNameOf(header, column), fields: fields.join(', ') }));
    }
  }
  return problems;
}

function planRows(schema: CsvSchema, header: readonly string[], mapping: CsvMapping, options: CsvReadOptions): RowPlan {
  const fields = schema.map((spec): FieldPlan => {
    const choice = mapping[spec.name];
    const enumLookup =
      spec.kind === 'enum'
        ? new Map(
            (spec.enumValues ?? []).flatMap((entry) =>
              [entry.value, ...(entry.aliases ?? [])].flatMap((word) => [
                [word, entry.value] as const,
                [normalizeWord(word), entry.value] as const,
              ]),
            ),
          )
        : null;
    return {
      spec,
      column: choice?.column ?? null,
      columnName: choice === undefined ? null : columnNameOf(header, choice.column),
      unit: choice?.unit ?? spec.units?.[0] ?? null,
      enumLookup,
    };
  });
  return { fields, headerLength: header.length, options };
}

interface ReadRow {
  readonly parsed: CsvParsedRow;
  readonly raw: Record<string, string>;
  readonly errors: CsvCellError[];
}

function readRow(row: CsvRow, plan: RowPlan): ReadRow {
  const values: Record<string, CsvValue> = {};
  const entered: Record<string, CsvEnteredQuantity> = {};
  const raw: Record<string, string> = {};
  const errors: CsvCellError[] = [];
  const fail = (field: FieldPlan, code: IoCode, value: string, extra: Record<string, string | number> = {}): void => {
    const column = field.columnName ?? '';
    errors.push({
      code,
      params: { row: row.rowNumber, column, field: field.spec.name, value, ...extra },
      row: row.rowNumber,
      column,
      field: field.spec.name,
    });
  };
  for (const field of plan.fields) {
    const { spec } = field;
    values[spec.name] = null;
    if (field.column === null) continue;
    const text = row.cells[field.column] ?? '';
    raw[spec.name] = text;
    const trimmed = text.trim();
    if (trimmed === '') {
      if (spec.required) fail(field, 'io.csv.requiredEmpty', text);
      continue;
    }
    switch (spec.kind) {
      case 'number': {
        const number = parseLocaleNumber(trimmed, plan.options.decimal);
        if (!number.ok) {
          fail(field, number.code satisfies NumberParseCode, text, { decimal: plan.options.decimal });
          break;
        }
        const canonical = field.unit === null ? number.value : toCanonicalUnit(number.value, field.unit);
        const unitSymbol = field.unit === null ? '' : UNITS[CANONICAL_UNITS[UNITS[field.unit].quantity]].symbol;
        if (spec.min !== undefined && canonical < spec.min) fail(field, 'io.csv.belowMin', text, { min: spec.min, unit: unitSymbol });
        else if (spec.max !== undefined && canonical > spec.max) fail(field, 'io.csv.aboveMax', text, { max: spec.max, unit: unitSymbol });
        else {
          values[spec.name] = canonical;
          if (field.unit !== null) entered[spec.name] = { value: number.value, unit: field.unit };
        }
        break;
      }
      case 'date': {
        const date = parseDateText(trimmed);
        if (date.ok) values[spec.name] = date.isoDate;
        else fail(field, date.code satisfies DateParseCode, text);
        break;
      }
      case 'datetime': {
        const dateTime = parseDateTimeText(trimmed, plan.options);
        if (dateTime.ok) values[spec.name] = dateTime.iso;
        else fail(field, dateTime.code satisfies DateParseCode, text);
        break;
      }
      case 'enum': {
        // Most cells repeat one spelling exactly; normalising accents only when that misses keeps big files fast.
        const value = field.enumLookup?.get(trimmed) ?? field.enumLookup?.get(normalizeWord(trimmed));
        if (value === undefined) {
          fail(field, 'io.csv.notInList', text, { allowed: (spec.enumValues ?? []).map((entry) => entry.value).join(', ') });
        } else values[spec.name] = value;
        break;
      }
      case 'text': {
        if (spec.maxLength !== undefined && trimmed.length > spec.maxLength) fail(field, 'io.csv.textTooLong', text, { max: spec.maxLength });
        else values[spec.name] = trimmed;
        break;
      }
    }
  }
  let extra = false;
  for (let index = plan.headerLength; index < row.cells.length && !extra; index += 1) extra = (row.cells[index] ?? '').trim() !== '';
  if (extra) {
    // More filled cells than header columns: usually decimal commas in a comma-separated file.
    errors.push({
      code: 'io.csv.tooManyCells',
      params: { row: row.rowNumber, count: row.cells.length, expected: plan.headerLength },
      row: row.rowNumber,
      column: null,
      field: null,
    });
  }
  return { parsed: { rowNumber: row.rowNumber, values, entered }, raw, errors };
}

function textErrorsAsCellErrors(issues: readonly IoIssue[]): CsvCellError[] {
  return issues.map((issue) => ({ ...issue, row: Number(issue.params['row'] ?? 0), column: null, field: null }));
}

/**
 * Prepares the import of a table read by parseCsvText: checks the mapping (every problem returned at once), then
 * offers the preview and the whole-file validation. `textErrors` from parseCsvText are reported by validateAll.
 * @example createCsvImport(table, schema, { volumeM3: { column: 1, unit: 'L' } }, { decimal: ',' })
 */
export function createCsvImport(
  table: CsvTable,
  schema: CsvSchema,
  mapping: CsvMapping,
  options: CsvReadOptions,
  textErrors: readonly IoIssue[] = [],
): CsvImportResult {
  const problems = checkCsvMapping(schema, table.header, mapping);
  if (problems.length > 0) return { ok: false, errors: problems };
  const plan = planRows(schema, table.header, mapping, options);
  return {
    ok: true,
    value: {
      header: table.header,
      previewRows(count) {
        return table.rows.slice(0, Math.max(0, count)).map((row) => {
          const read = readRow(row, plan);
          return { ...read.parsed, raw: read.raw, errors: read.errors };
        });
      },
      validateAll(maxErrors = Number.POSITIVE_INFINITY) {
        const errors = textErrorsAsCellErrors(textErrors);
        const rows: CsvParsedRow[] = [];
        for (const row of table.rows) {
          const read = readRow(row, plan);
          if (read.errors.length > 0) {
            errors.push(...read.errors);
            if (errors.length >= maxErrors) return { ok: false, errors: errors.slice(0, maxErrors), truncated: true };
          } else if (errors.length === 0) rows.push(read.parsed);
        }
        if (errors.length > 0) return { ok: false, errors, truncated: false };
        if (rows.length === 0) return { ok: false, errors: [{ code: 'io.csv.noRows', params: {}, row: 1, column: null, field: null }], truncated: false };
        return { ok: true, rows };
      },
    },
  };
}

/** Result of a streamed validation: how many rows were read, or every error found. */
export type CsvStreamValidation =
  | { readonly ok: true; readonly rowCount: number; readonly header: readonly string[] }
  | { readonly ok: false; readonly errors: readonly IoIssue[]; readonly truncated: boolean };

/** Options of validateCsvChunks. */
export interface CsvStreamOptions extends CsvReadOptions, CsvParseOptions {
  /** Stop collecting after this many errors (default: all). */
  readonly maxErrors?: number;
  /**
   * Receives the rows of each chunk that read without error, as they come. Rows of a file that later turns out to
   * have errors have already been passed: write them in a transaction you abort on ok: false, or validate in a
   * first pass and stream again to write.
   */
  readonly onRows?: (rows: readonly CsvParsedRow[]) => void | Promise<void>;
}

/**
 * Validates a file of any size from its text chunks (e.g. `file.stream().pipeThrough(new TextDecoderStream())`),
 * holding only one chunk and the errors in memory. The mapping is checked once the header is read.
 */
export async function validateCsvChunks(
  chunks: AsyncIterable<string> | Iterable<string>,
  schema: CsvSchema,
  mapping: CsvMapping,
  options: CsvStreamOptions,
): Promise<CsvStreamValidation> {
  const reader = createCsvChunkParser(options);
  const maxErrors = options.maxErrors ?? Number.POSITIVE_INFINITY;
  const errors: CsvCellError[] = [];
  let plan: RowPlan | null = null;
  let rowCount = 0;
  let mappingProblems: IoIssue[] = [];
  const take = async (rows: readonly CsvRow[]): Promise<boolean> => {
    if (rows.length === 0) return true;
    if (plan === null) {
      const header = reader.header ?? [];
      mappingProblems = checkCsvMapping(schema, header, mapping);
      if (mappingProblems.length > 0) return false;
      plan = planRows(schema, header, mapping, options);
    }
    const good: CsvParsedRow[] = [];
    for (const row of rows) {
      const read = readRow(row, plan);
      if (read.errors.length > 0) errors.push(...read.errors);
      else good.push(read.parsed);
    }
    rowCount += good.length;
    if (good.length > 0 && errors.length === 0) await options.onRows?.(good);
    return errors.length < maxErrors && !reader.failed;
  };
  let going = true;
  for await (const chunk of chunks) {
    going = await take(reader.push(chunk));
    if (!going) break;
  }
  if (going) await take(reader.end());
  if (mappingProblems.length > 0) return { ok: false, errors: mappingProblems, truncated: false };
  const all = [...textErrorsAsCellErrors(reader.errors), ...errors];
  if (all.length > 0) return { ok: false, errors: all.slice(0, maxErrors), truncated: all.length > maxErrors || !going };
  if (reader.header === null) return { ok: false, errors: [ioIssue('io.csv.empty')], truncated: false };
  if (rowCount === 0) return { ok: false, errors: [ioIssue('io.csv.noRows')], truncated: false };
  return { ok: true, rowCount, header: reader.header };
}

/** A proposed mapping from header names, and the required fields it could not place. */
export interface CsvMappingGuess {
  readonly mapping: CsvMapping;
  readonly unmatchedRequired: readonly string[];
}

function headerScore(header: string, words: readonly string[]): number {
  const normalized = normalizeHeader(header);
  if (normalized === '') return 0;
  let best = 0;
  for (const word of words) {
    const alias = normalizeHeader(word);
    if (alias === '') continue;
    if (normalized === alias) best = Math.max(best, 3);
    else if (normalized.startsWith(`${alias} `)) best = Math.max(best, 2);
    else if (` ${normalized} `.includes(` ${alias} `)) best = Math.max(best, 1);
  }
  return best;
}

/**
 * Proposes a column for each field from the header names (es, pt, en; accents and case ignored), and a unit
 * from what the header says ('Caudal (L/s)'). Each column feeds at most one field; exact names win.
 * @example guessCsvMapping(['Fecha', 'Volumen (m3)'], schema).mapping // { date: { column: 0 }, volumeM3: { column: 1, unit: 'm3' } }
 */
export function guessCsvMapping(header: readonly string[], schema: CsvSchema): CsvMappingGuess {
  const candidates: { field: CsvFieldSpec; column: number; score: number }[] = [];
  for (const field of schema) {
    const words = [field.name, fieldNameWords(field.name), ...(field.aliases ?? [])];
    header.forEach((text, column) => {
      const score = headerScore(text, words);
      if (score > 0) candidates.push({ field, column, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: Record<string, CsvColumnChoice> = {};
  const usedColumns = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field.name] !== undefined || usedColumns.has(column)) continue;
    usedColumns.add(column);
    const unit = field.units === undefined ? null : guessUnitFromHeader(header[column] ?? '', field.units);
    mapping[field.name] = unit === null ? { column } : { column, unit };
  }
  const unmatchedRequired = schema.filter((field) => field.required && mapping[field.name] === undefined).map((field) => field.name);
  return { mapping, unmatchedRequired };
}
