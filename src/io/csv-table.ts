import Papa from 'papaparse';
import { type IoFailure, type IoIssue, ioFailure, ioIssue } from './issues';

/*
 * CSV and TSV text into a header and rows, in one piece (parseCsvText) or chunk by chunk (createCsvChunkParser),
 * so a file of any size is read without holding it whole: the renderer feeds the chunks of
 * `file.stream().pipeThrough(new TextDecoderStream(encoding))`. Record boundaries are found here (a newline
 * outside quotes) and papaparse reads the complete records, so a quoted field may span chunks.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, blank lines keep their number.
 */

/** Field delimiters the importer recognises: comma, semicolon (Excel in es and pt locales) and tab. */
export type CsvDelimiter = ',' | ';' | '\t';

/** One record of the file with the number a spreadsheet shows for it (header = 1). */
export interface CsvRow {
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

/** A whole file read into memory. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly delimiter: CsvDelimiter;
}

/** Options of the CSV readers. */
export interface CsvParseOptions {
  /** The delimiter; detected from the first lines when omitted. */
  readonly delimiter?: CsvDelimiter;
  /** Refuse input longer than this many UTF-8 bytes (io.csv.tooLarge). parseCsvText defaults to DEFAULT_MAX_CSV_BYTES. */
  readonly maxBytes?: number;
}

/** Largest text parseCsvText reads whole by default, bytes (100 MiB); larger files go through createCsvChunkParser. */
export const DEFAULT_MAX_CSV_BYTES = 100 * 1024 * 1024;

const CANDIDATES: readonly CsvDelimiter[] = ['\t', ';', ','];

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}

/**
 * Picks the delimiter from the first lines: the candidate found in the header that splits the most lines into
 * as many fields as the header; tab, then semicolon, then comma on a tie, because a semicolon file is full of
 * decimal commas.
 * @example detectCsvDelimiter('fecha;volumen\n01/02/2026;12,5') === ';'
 */
export function detectCsvDelimiter(sample: string): CsvDelimiter {
  const lines = sample
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  const header = lines[0];
  if (header === undefined) return ',';
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const expected = countOutsideQuotes(header, delimiter);
    if (expected === 0) continue;
    const score = lines.filter((line) => countOutsideQuotes(line, delimiter) === expected).length;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** UTF-8 length of a string in bytes, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** A streaming CSV reader: push text chunks, get the complete rows each one finishes. */
export interface CsvChunkParser {
  /** Adds a chunk; returns the data rows it completed (the header is kept in `header`, not returned). */
  push(chunk: string): CsvRow[];
  /** Ends the input; returns the last rows. */
  end(): CsvRow[];
  /** The header cells once read, else null. */
  readonly header: readonly string[] | null;
  /** The delimiter given or detected, null until detected. */
  readonly delimiter: CsvDelimiter | null;
  /** Problems of the text itself (quotes, size), by row; an import must report them as errors. */
  readonly errors: readonly IoIssue[];
  /** True when reading stopped (too large, or a quote never closed); push and end then return nothing. */
  readonly failed: boolean;
}

// Enough text to see the delimiter used consistently.
const DETECTION_BYTES = 64 * 1024;
const DETECTION_LINES = 20;
// A quoted cell longer than this is a quote left open, not a note: stop before holding the rest of a 2 GB file.
const MAX_QUOTED_CHARS = 1024 * 1024;

/**
 * Creates a streaming CSV reader. Handles a UTF-8 BOM, CRLF / LF / CR line ends, quoted fields with delimiters
 * or newlines inside (also across chunks), blank lines (skipped, numbers kept) and rows of empty cells that
 * Excel writes for formatted blank rows (skipped).
 * @example const reader = createCsvChunkParser(); reader.push('a;b\n1;'); reader.push('2\n'); reader.end()
 */
export function createCsvChunkParser(options: CsvParseOptions = {}): CsvChunkParser {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  let delimiter: CsvDelimiter | null = options.delimiter ?? null;
  let header: string[] | null = null;
  let newline: '\n' | '\r' | null = null;
  let pending = '';
  let scanned = 0;
  let quoted = false;
  let waiting = '';
  let waitingLines = 0;
  let recordNumber = 0;
  let bytes = 0;
  let started = false;
  let failed = false;
  const errors: IoIssue[] = [];

  function parseComplete(text: string): CsvRow[] {
    if (text === '' || delimiter === null || newline === null) return [];
    // The text ends on a newline; drop it so papaparse does not add an empty record after it.
    let body = text.slice(0, -1);
    if (newline === '\n' && body.endsWith('\r')) body = body.slice(0, -1);
    const lineBreak = newline === '\n' && text.endsWith('\r\n') ? '\r\n' : newline;
    const parsed = Papa.parse<string[]>(body, { delimiter, newline: lineBreak, quoteChar: '"', skipEmptyLines: false });
    const firstNumber = recordNumber + 1;
    for (const error of parsed.errors) {
      const row = firstNumber + (error.row ?? 0);
      errors.push(ioIssue(error.code === 'MissingQuotes' ? 'io.csv.unclosedQuote' : 'io.csv.badQuotes', { row }));
    }
    const rows: CsvRow[] = [];
    for (const cells of parsed.data) {
      recordNumber += 1;
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (header === null) {
        header = cells.map((cell) => cell.trim());
        continue;
      }
      rows.push({ rowNumber: recordNumber, cells });
    }
    return rows;
  }

  function release(text: string, final: boolean): CsvRow[] {
    if (delimiter !== null) return parseComplete(text);
    waiting += text;
    waitingLines += text.split(newline ?? '\n').length - 1;
    if (!final && waitingLines < DETECTION_LINES && waiting.length < DETECTION_BYTES) return [];
    delimiter = detectCsvDelimiter(waiting);
    const all = waiting;
    waiting = '';
    return parseComplete(all);
  }

  function push(chunk: string): CsvRow[] {
    if (failed || chunk === '') return [];
    let text = chunk;
    if (!started) {
      started = true;
      text = text.replace(/^\uFEFF/, '');
    }
    bytes += utf8ByteLength(text);
    if (bytes > maxBytes) {
      failed = true;
      errors.push(ioIssue('io.csv.tooLarge', { maxMb: Math.round((maxBytes / 1048576) * 100) / 100 }));
      return [];
    }
    pending += text;
    if (newline === null) {
      const firstBreak = pending.search(/\r\n|\n|\r/);
      if (firstBreak < 0 || (pending[firstBreak] === '\r' && firstBreak === pending.length - 1)) return [];
      newline = pending[firstBreak] === '\r' && pending[firstBreak + 1] !== '\n' ? '\r' : '\n';
    }
    // Jump between quotes and newlines with indexOf rather than visiting every character.
    let boundary = -1;
    let index = scanned;
    while (index < pending.length) {
      if (quoted) {
        const close = pending.indexOf('"', index);
        if (close < 0) break;
        quoted = false;
        index = close + 1;
        continue;
      }
      const open = pending.indexOf('"', index);
      const lastBreak = pending.lastIndexOf(newline, open < 0 ? pending.length - 1 : open);
      if (lastBreak >= index) boundary = lastBreak + 1;
      if (open < 0) break;
      quoted = true;
      index = open + 1;
    }
    scanned = pending.length;
    if (boundary < 0) {
      if (!quoted || pending.length <= MAX_QUOTED_CHARS) return [];
      const rows = release('', true);
      failed = true;
      errors.push(ioIssue('io.csv.unclosedQuote', { row: recordNumber + 1 }));
      return rows;
    }
    const complete = pending.slice(0, boundary);
    pending = pending.slice(boundary);
    scanned = pending.length;
    return release(complete, false);
  }

  function end(): CsvRow[] {
    if (failed) return [];
    newline ??= '\n';
    const rest = pending === '' ? '' : `${pending}${newline}`;
    pending = '';
    return release(rest, true);
  }

  return {
    push,
    end,
    get header() {
      return header;
    },
    get delimiter() {
      return delimiter;
    },
    get errors() {
      return errors;
    },
    get failed() {
      return failed;
    },
  };
}

/**
 * A whole CSV file read, or why it was refused. `textErrors` are quote problems by row: the rows can still be
 * previewed, and createCsvImport's validateAll reports them as errors.
 */
export type CsvTableResult = { readonly ok: true; readonly table: CsvTable; readonly textErrors: readonly IoIssue[] } | IoFailure;

/**
 * Reads CSV or TSV text held in memory (up to `maxBytes`, default 100 MiB) into header and rows.
 * An empty file or one with only blank lines is refused (io.csv.empty).
 * @example parseCsvText('\uFEFFfecha;volumen\r\n01/02/2026;"1.234,5"\r\n')
 */
export function parseCsvText(text: string, options: CsvParseOptions = {}): CsvTableResult {
  const reader = createCsvChunkParser({ ...options, maxBytes: options.maxBytes ?? DEFAULT_MAX_CSV_BYTES });
  const rows = [...reader.push(text), ...reader.end()];
  if (reader.failed) return { ok: false, errors: reader.errors };
  if (reader.header === null || reader.delimiter === null) return ioFailure('io.csv.empty');
  return { ok: true, table: { header: reader.header, rows, delimiter: reader.delimiter }, textErrors: reader.errors };
}

/**
 * Spreadsheet letter of a 0-based column index, as Excel shows it.
 * @example columnLetter(0) === 'A'; columnLetter(27) === 'AB'
 */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}
