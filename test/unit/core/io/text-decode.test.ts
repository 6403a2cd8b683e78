import { describe, expect, it } from 'vitest';
import { decodeText, detectTextEncoding } from '../../../../src/io/text-decode';

const CAPTACAO_1252 = new Uint8Array([0x43, 0x61, 0x70, 0x74, 0x61, 0xe7, 0xe3, 0x6f, 0x20, 0x80]);

describe('text decoding', () => {
  it('reads a Windows-1252 file from Portuguese Excel with its accents and euro sign', () => {
    expect(decodeText(CAPTACAO_1252)).toEqual({ text: 'Captação €', encoding: 'windows-1252' });
  });

  it('reads UTF-8 and drops the byte order mark', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFCaptación'))).toEqual({ text: 'Captación', encoding: 'utf-8' });
  });

  it('does not take a UTF-8 character cut by the end of a block for Windows-1252', () => {
    const bytes = new TextEncoder().encode('válvula');
    expect(detectTextEncoding(bytes.subarray(0, 2))).toBe('utf-8');
  });
});
