import { zlibSync } from 'fflate';

/*
 * A minimal PNG encoder (8-bit grayscale, no interlace) for the offline hillshade basemap. Fixed compression
 * level and no timestamps (no tIME chunk), so the same pixels always give the same bytes.
 */

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    table[byte] = crc >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (IEEE 802.3) of a byte sequence, as PNG chunks require.
 * @example crc32(new TextEncoder().encode('IEND')) === 0xae426082
 */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let index = 0; index < 4; index += 1) out[4 + index] = type.charCodeAt(index);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes 8-bit grayscale pixels (row-major, `width * height` bytes, row 0 at the top) as a PNG file.
 * @example encodeGrayscalePng(new Uint8Array([0, 255]), 2, 1).subarray(1, 4) // 'PNG'
 */
export function encodeGrayscalePng(pixels: Uint8Array, width: number, height: number): Uint8Array {
  if (pixels.length !== width * height) throw new RangeError('pixel count does not match width x height');
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header[8] = 8;
  header[9] = 0;
  // Filter type 1 (Sub) on every row: a hillshade is smooth along rows, so differences compress well.
  const raw = new Uint8Array(height * (width + 1));
  for (let row = 0; row < height; row += 1) {
    const rowStart = row * (width + 1);
    raw[rowStart] = 1;
    let previous = 0;
    for (let column = 0; column < width; column += 1) {
      const value = pixels[row * width + column] ?? 0;
      raw[rowStart + 1 + column] = (value - previous) & 0xff;
      previous = value;
    }
  }
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))];
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const file = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    file.set(part, offset);
    offset += part.length;
  }
  return file;
}
