import { describe, expect, it } from 'vitest';
import { parseDateText, parseDateTimeText } from '../../../../src/io/date-parse';

describe('parseDateText', () => {
  it('reads day/month/year with slashes or dashes', () => {
    expect(parseDateText('05/03/2026')).toEqual({ ok: true, isoDate: '2026-03-05' });
    expect(parseDateText('5-3-2026')).toEqual({ ok: true, isoDate: '2026-03-05' });
  });

  it('reads year-month-day', () => {
    expect(parseDateText('2026-03-05')).toEqual({ ok: true, isoDate: '2026-03-05' });
  });

  it("accepts the midnight time Excel appends to dates", () => {
    expect(parseDateText('05/03/2026 00:00')).toEqual({ ok: true, isoDate: '2026-03-05' });
  });

  it('refuses another time in a date-only field', () => {
    expect(parseDateText('05/03/2026 14:30')).toEqual({ ok: false, code: 'io.date.unexpectedTime' });
  });

  it('refuses mixed separators', () => {
    expect(parseDateText('05/03-2026')).toEqual({ ok: false, code: 'io.date.invalid' });
  });

  it('refuses days that do not exist, and accepts 29 February in a leap year', () => {
    expect(parseDateText('31/04/2026')).toEqual({ ok: false, code: 'io.date.noSuchDay' });
    expect(parseDateText('29/02/2026')).toEqual({ ok: false, code: 'io.date.noSuchDay' });
    expect(parseDateText('29/02/2028')).toEqual({ ok: true, isoDate: '2028-02-29' });
  });

  it('recognises a month-first date', () => {
    expect(parseDateText('03/15/2026')).toEqual({ ok: false, code: 'io.date.monthFirst' });
  });

  it('recognises two-digit years and spreadsheet serial numbers', () => {
    expect(parseDateText('05/03/26')).toEqual({ ok: false, code: 'io.date.twoDigitYear' });
    expect(parseDateText('46086')).toEqual({ ok: false, code: 'io.date.spreadsheetSerial' });
  });

  it('refuses years outside 1900-2100', () => {
    expect(parseDateText('05/03/1850')).toEqual({ ok: false, code: 'io.date.yearOutOfRange' });
  });
});

describe('parseDateTimeText', () => {
  it('reads a wall-clock time at the offset given', () => {
    expect(parseDateTimeText('05/03/2026 08:30', { offsetMinutes: -300 })).toEqual({
      ok: true,
      iso: '2026-03-05T13:30:00.000Z',
      epochMs: Date.UTC(2026, 2, 5, 13, 30),
    });
  });

  it('reads a text without a zone as UTC by default', () => {
    expect(parseDateTimeText('2026-03-05 08:30:15')).toMatchObject({ ok: true, iso: '2026-03-05T08:30:15.000Z' });
  });

  it('lets a zone in the text win over the offset option', () => {
    expect(parseDateTimeText('2026-03-05T08:30:00-03:00', { offsetMinutes: -300 })).toMatchObject({ iso: '2026-03-05T11:30:00.000Z' });
    expect(parseDateTimeText('2026-03-05T08:30:00.250Z', { offsetMinutes: -300 })).toMatchObject({ iso: '2026-03-05T08:30:00.250Z' });
  });

  it('reads a.m. and p.m. as Spanish Excel writes them', () => {
    expect(parseDateTimeText('05/03/2026 2:05 p. m.')).toMatchObject({ iso: '2026-03-05T14:05:00.000Z' });
    expect(parseDateTimeText('05/03/2026 12:10 a. m.')).toMatchObject({ iso: '2026-03-05T00:10:00.000Z' });
  });

  it('reads a date alone as midnight at the offset', () => {
    expect(parseDateTimeText('05/03/2026', { offsetMinutes: -180 })).toMatchObject({ iso: '2026-03-05T03:00:00.000Z' });
  });

  it('refuses hours and minutes that do not exist', () => {
    expect(parseDateTimeText('05/03/2026 24:00')).toEqual({ ok: false, code: 'io.date.badTime' });
    expect(parseDateTimeText('05/03/2026 10:60')).toEqual({ ok: false, code: 'io.date.badTime' });
  });

  it('refuses an empty cell', () => {
    expect(parseDateTimeText(' ')).toEqual({ ok: false, code: 'io.date.empty' });
  });
});
