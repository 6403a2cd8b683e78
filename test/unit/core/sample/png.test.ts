import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, encodeGrayscalePng } from '../../../../src/sample/png';

function chunks(file: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const found: { type: string; data: Uint8Array }[] = [];
  let offset = 8;
  while (offset < file.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...file.subarray(offset + 4, offset + 8));
    found.push({ type, data: file.subarray(offset + 8, offset + 8 + length) });
    expect(view.getUint32(offset + 8 + length)).toBe(crc32(file.subarray(offset + 4, offset + 8 + length)));
    offset += 12 + length;
  }
  return found;
}

describe('encodeGrayscalePng', () => {
  it('computes the CRC-32 that PNG readers check', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('writes the PNG signature, a grayscale IHDR and an IEND', () => {
    const file = encodeGrayscalePng(new Uint8Array(6), 3, 2);
    expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [header, , end] = chunks(file);
    const view = new DataView(header!.data.buffer, header!.data.byteOffset);
    expect(header!.type).toBe('IHDR');
    expect([view.getUint32(0), view.getUint32(4), header!.data[8], header!.data[9]]).toEqual([3, 2, 8, 0]);
    expect(end!.type).toBe('IEND');
  });

  it('stores pixels that decode back to the input with the Sub filter undone', () => {
    const pixels = new Uint8Array([0, 10, 255, 7, 200, 3]);
    const idat = chunks(encodeGrayscalePng(pixels, 3, 2)).find((chunk) => chunk.type === 'IDAT')!;
    const raw = unzlibSync(idat.data);
    const decoded: number[] = [];
    for (let row = 0; row < 2; row += 1) {
      expect(raw[row * 4]).toBe(1);
      let previous = 0;
      for (let column = 0; column < 3; column += 1) {
        previous = (raw[row * 4 + 1 + column]! + previous) & 0xff;
        decoded.push(previous);
      }
    }
    expect(decoded).toEqual([...pixels]);
  });

  it('rejects a pixel count that does not match the size', () => {
    expect(() => encodeGrayscalePng(new Uint8Array(5), 3, 2)).toThrow(RangeError);
  });
});
