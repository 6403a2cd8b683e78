import { describe, expect, it } from 'vitest';
import { inPeriod, isoOfLocalInput, localInputOf, offsetText } from '../../../../src/field/time';

describe('times of field forms', () => {
  it('writes what was typed on the basin clock with the basin offset, and reads it back', () => {
    const iso = isoOfLocalInput('2026-03-01T10:30', -300);
    expect(iso).toBe('2026-03-01T10:30:00-05:00');
    expect(localInputOf(new Date(iso!), -300)).toBe('2026-03-01T10:30');
  });

  it('refuses an incomplete or impossible date-time', () => {
    expect(isoOfLocalInput('2026-03-01', -300)).toBeNull();
    expect(isoOfLocalInput('2026-13-01T10:30', -300)).toBeNull();
  });

  it('writes offsets east and west of Greenwich', () => {
    expect(offsetText(-300)).toBe('-05:00');
    expect(offsetText(330)).toBe('+05:30');
    expect(offsetText(0)).toBe('+00:00');
  });

  it('keeps a record in the period by its own calendar day, both ends included', () => {
    const period = { start: '2026-03-01', end: '2026-03-31' };
    expect(inPeriod('2026-03-01T00:00:00-05:00', period)).toBe(true);
    expect(inPeriod('2026-03-31T23:59:00-05:00', period)).toBe(true);
    expect(inPeriod('2026-04-01T00:00:00-05:00', period)).toBe(false);
    expect(inPeriod('2026-02-28', period)).toBe(false);
  });
});
