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

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function write(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('notFinite', path);
      // JSON.stringify of a finite number is ECMAScript's shortest round-trip form, which RFC 8785 adopts.
      out.push(JSON.stringify(value));
      return;
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'undefined':
      throw new CanonicalJsonError('undefined', path);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError('unsupported', path);
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out.push(',');
      write(value[index], join(path, index), out);
    }
    out.push(']');
    return;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new CanonicalJsonError('unsupported', path);
  const object = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is exactly the order RFC 8785 prescribes.
  const keys = Object.keys(object).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(member, join(path, key), out);
  }
  out.push('}');
}

/**
 * Canonical JSON text of a value: sorted keys, no whitespace, shortest numbers; throws CanonicalJsonError on
 * values JSON cannot represent faithfully.
 * @example canonicalJson({ b: 1, a: [true, null, 1e21] }) === '{"a":[true,null,1e+21],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, '', out);
  return out.join('');
}
