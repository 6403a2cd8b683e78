import { describe, expect, it } from 'vitest';
import { convertUnit, toCanonicalUnit, unitsOf, volumeM3FromRate } from '../../../../src/domain/units';

describe('units', () => {
  it('converts volumes to cubic metres', () => {
    expect(toCanonicalUnit(1500, 'L')).toBe(1.5);
    expect(toCanonicalUnit(2, 'ML')).toBe(2000);
  });

  it('converts rates to litres per second exactly', () => {
    expect(toCanonicalUnit(36, 'm3/h')).toBe(10);
    expect(toCanonicalUnit(0.25, 'm3/s')).toBe(250);
  });

  it('converts micrograms to milligrams per litre', () => {
    expect(toCanonicalUnit(10, 'ug/L')).toBe(0.01);
  });

  it('converts between two non-canonical units', () => {
    expect(convertUnit(1, 'm3/s', 'm3/h')).toBe(3600);
  });

  it('refuses to convert across quantities', () => {
    expect(convertUnit(1, 'm3', 'L/s')).toBeNull();
  });

  it('lists the units of a quantity with the canonical one first', () => {
    expect(unitsOf('bacteria')).toEqual(['CFU/100mL', 'MPN/100mL']);
    expect(unitsOf('rate')[0]).toBe('L/s');
  });

  it('turns a steady rate over a duration into a volume', () => {
    expect(volumeM3FromRate(10, 86400)).toBe(864);
  });
});
