import { strFromU8 } from 'fflate';

/*
 * Bytes to text without TextDecoder (not part of the pure core's libraries). Files from Excel in Spanish or
 * Portuguese Windows are often Windows-1252, not UTF-8: reading them as UTF-8 would turn 'Captação' into
 * 'Capta��o', so the encoding is detected, never assumed.
 */

/** Encodings the importers tell apart. */
export type TextEncodingName = 'utf-8' | 'windows-1252';

// Windows-1252 differs from Latin-1 only in 0x80-0x9F.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * True when `bytes` are valid UTF-8; a multi-byte sequence cut by the end of the buffer counts as valid, so the
 * first block of a file can be checked alone.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let next = 1; next < length; next += 1) {
      if (index + next >= bytes.length) return true;
      const continuation = bytes[index + next] ?? 0;
      if ((continuation & 0xc0) !== 0x80) return false;
    }
    index += length;
  }
  return true;
}

/**
 * The encoding of a file from its first bytes (64 KiB are plenty): UTF-8 when they are valid UTF-8, else
 * Windows-1252. The renderer passes the answer to `new TextDecoderStream(encoding)` when streaming a file.
 * @example detectTextEncoding(new Uint8Array([0x43, 0x61, 0xe7, 0xe3, 0x6f])) === 'windows-1252'
 */
export function detectTextEncoding(bytes: Uint8Array): TextEncodingName {
  return isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/**
 * Decodes a whole file, detecting UTF-8 or Windows-1252, and drops a leading byte order mark.
 * @example decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text === 'a'
 */
export function decodeText(bytes: Uint8Array): { readonly text: string; readonly encoding: TextEncodingName } {
  if (isValidUtf8(bytes)) return { text: strFromU8(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const parts: string[] = [];
  const block = 8192;
  for (let start = 0; start < bytes.length; start += block) {
    const codes = Array.from(bytes.subarray(start, start + block), (byte) => (byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return { text: parts.join(''), encoding: 'windows-1252' };
}
