/*
 * SHA-256 through WebCrypto, the hash the audit chain uses in the renderer and its workers. WebCrypto is async
 * and not an IndexedDB operation, so it must never be awaited inside a Dexie transaction: the store computes every
 * hash before it opens one.
 */

function toHex(digest: ArrayBuffer): string {
  const bytes = new Uint8Array(digest);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 of UTF-8 text, lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** SHA-256 of bytes, lowercase hex. */
export async function sha256HexOfBytes(bytes: ArrayBuffer): Promise<string> {
  // A view made here is accepted even when the buffer comes from another realm (an iframe, or jsdom under test).
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
}
