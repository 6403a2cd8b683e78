import type { Locale } from '../i18n/define';
import { type DecimalSeparator, formatPlainNumber } from './number-parse';

/*
 * CSV files that Excel opens right in the committee's language: Spanish and Portuguese Excel expect ';' between
 * columns and ',' for decimals, English Excel ',' and '.'. A UTF-8 byte order mark makes Excel read accents
 * (ñ, ç, ã) correctly instead of guessing the Windows code page; CRLF line ends are what Excel writes itself.
 */

/** A cell value to write: numbers are written with the locale's decimal separator and no grouping. */
export type CsvCell = string | number | boolean | null | undefined;

/** A column of the export: the header shown (already translated) and how to read its value from a row. */
export interface CsvExportColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => CsvCell;
}

/** Delimiter and decimal separator Excel expects for a locale. */
export interface CsvDialect {
  readonly delimiter: ';' | ',';
  readonly decimal: DecimalSeparator;
}

/**
 * The dialect of a locale: ';' and ',' for es and pt-BR, ',' and '.' for en.
 * @example csvDialectOf('pt-BR') // { delimiter: ';', decimal: ',' }
 */
export function csvDialectOf(locale: Locale): CsvDialect {
  return locale === 'en' ? { delimiter: ',', decimal: '.' } : { delimiter: ';', decimal: ',' };
}

// Text starting with these would run as a formula when the file is opened in a spreadsheet.
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: CsvCell, dialect: CsvDialect): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatPlainNumber(value, dialect.decimal);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoted(text: string, delimiter: string): string {
  if (text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * Writes rows as CSV text for `locale`, starting with a byte order mark (encode the result as UTF-8). Text that
 * a spreadsheet would run as a formula ('=', '+', '-', '@') is prefixed with an apostrophe.
 * @example toCsvText([{ header: 'Volumen (m³)', value: (r: { v: number }) => r.v }], [{ v: 1234.5 }], 'es') === '\uFEFFVolumen (m³)\r\n1234,5\r\n'
 */
export function toCsvText<Row>(columns: readonly CsvExportColumn<Row>[], rows: Iterable<Row>, locale: Locale): string {
  const dialect = csvDialectOf(locale);
  const lines = [columns.map((column) => quoted(column.header, dialect.delimiter)).join(dialect.delimiter)];
  for (const row of rows) {
    lines.push(columns.map((column) => quoted(cellText(column.value(row), dialect), dialect.delimiter)).join(dialect.delimiter));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
