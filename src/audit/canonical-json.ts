/*
 * Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace, strings
 * and numbers written as ECMAScript's JSON.stringify writes them (shortest round-trip form, -0 as 0). Two laptops
 * that hold the same record therefore hash the same bytes, whatever order its fields were written in.
 *
 * Stricter than JSON.stringify where it would silently change meaning: NaN, Infinity, undefined inside an array
 * (stringify turns them into null), functions, symbols, bigints and class instances (Date, Map, Blob) are
 * rejected. An undefined object property is left out, as JSON.stringify does, so optional fields that are absent
 * and fields set to undefined hash the same.
 */

/** A JSON value as canonical JSON accepts it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/** Why a value cannot be written as canonical JSON; `path` is the dotted path of the offending value ('' = root). */
export class CanonicalJsonError extends Error {
  /** Stable code for the catalogs: audit.canonical.<reason>. */
  readonly code: string;
  /** Dotted path to the value that was rejected, e.g. 'location.1'. */
  readonly path: string;
  constructor(reason: 'notFinite' | 'undefined' | 'unsupported', path: string) {
    super(`audit.canonical.${reason} at '${path}'`);
    this.name = 'CanonicalJsonError';
    this.code = `audit.canonical.${reason}`;
    this.path = path;
  }
}

/** Path of the value being written, kept as a stack and joined only when a value is rejected. */
type PathStack = (string | number)[];

function reject(reason: 'notFinite' | 'undefined' | 'unsupported', path: PathStack): never {
  throw new CanonicalJsonError(reason, path.join('.'));
}

// Sorting keys is the dominant cost for many records of one kind; they share a few key lists, so sorted orders are
// memoised by the unsorted list (bounded, so arbitrary data cannot grow it without limit).
const sortedKeysCache = new Map<string, string[]>();
const SORTED_KEYS_CACHE_LIMIT = 1000;

function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  if (keys.length < 2) return keys;
  const signature = keys.join('\u0000');
  let sorted = sortedKeysCache.get(signature);
  if (sorted === undefined) {
    // Default sort compares UTF-16 code units, which is exactly the order RFC 8785 prescribes.
    sorted = keys.sort();
    if (sortedKeysCache.size < SORTED_KEYS_CACHE_LIMIT) sortedKeysCache.set(signature, sorted);
  }
  return sorted;
}

// Strings with nothing to escape (the vast majority) are quoted directly; JSON.stringify per string is far slower.
// Control characters, quote, backslash and surrogates (lone ones are escaped by well-formed stringify) need it.
function needsEscape(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return true;
  }
  return false;
}

function quote(text: string): string {
  return needsEscape(text) ? JSON.stringify(text) : '"' + text + '"';
}

function write(value: unknown, path: PathStack): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) reject('notFinite', path);
      // String() of a finite number is ECMAScript's shortest round-trip form (and '0' for -0), as RFC 8785 adopts.
      return String(value);
    case 'string':
      return quote(value);
    case 'undefined':
      return reject('undefined', path);
    case 'object':
      break;
    default:
      return reject('unsupported', path);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      path.push(index);
      out += (index > 0 ? ',' : '') + write(value[index], path);
      path.pop();
    }
    return out + ']';
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) reject('unsupported', path);
  const object = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of sortedKeys(object)) {
    const member = object[key];
    if (member === undefined) continue;
    path.push(key);
    out += (first ? '' : ',') + quote(key) + ':' + write(member, path);
    path.pop();
    first = false;
  }
  return out + '}';
}

/**
 * Canonical JSON text of a value: sorted keys, no whitespace, shortest numbers; throws CanonicalJsonError on
 * values JSON cannot represent faithfully.
 * @example canonicalJson({ b: 1, a: [true, null, 1e21] }) === '{"a":[true,null,1e+21],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}
