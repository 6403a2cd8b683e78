import type { io } from '../i18n/messages/io';

/*
 * Errors and warnings of the parsers are codes with parameters, never text: the UI renders them with
 * translate(locale, code, params) from the `io` namespace (src/i18n/messages/io.ts), so every code is checked
 * at compile time against a message that exists in all three languages.
 */

/** Code of a parser error or warning, e.g. 'io.csv.requiredEmpty'. */
export type IoCode = `io.${keyof typeof io.en}`;

/** Parameter values of an issue: numbers and strings only, so issues serialise across a worker boundary. */
export type IoParams = Readonly<Record<string, string | number>>;

/** A coded error or warning of a parser; compatible with CodedMessage of src/i18n/translate.ts. */
export interface IoIssue {
  readonly code: IoCode;
  readonly params: IoParams;
}

/** The answer of a parser that refused its input: every problem found, never a thrown exception. */
export interface IoFailure {
  readonly ok: false;
  readonly errors: readonly IoIssue[];
}

/** Builds an issue. */
export function ioIssue(code: IoCode, params: IoParams = {}): IoIssue {
  return { code, params };
}

/** Builds a failed result with one error. */
export function ioFailure(code: IoCode, params: IoParams = {}): IoFailure {
  return { ok: false, errors: [{ code, params }] };
}
