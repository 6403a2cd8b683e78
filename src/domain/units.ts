/*
 * Units a committee enters values in, and their conversion to the canonical unit the records store
 * (records.ts: volumes in m3, withdrawal rates in L/s, concentrations in mg/L, bacteria per 100 mL).
 * Unit ids are ASCII so they survive CSV files and IndexedDB keys; `symbol` is what the screen shows.
 */

/** What a unit measures; values convert only within one quantity. */
export type UnitQuantity = 'volume' | 'rate' | 'concentration' | 'bacteria';

/** A unit: what it measures, its display symbol and the factor that turns a value in it into the canonical unit. */
export interface UnitDefinition {
  readonly quantity: UnitQuantity;
  readonly symbol: string;
  /**
   * Factor to the canonical unit as a ratio, multiplied first and divided after, so that exact cases stay exact
   * (36 m3/h is 36 * 1000 / 3600 = 10 L/s, where 36 * 0.2777... would give 10.000000000000002).
   */
  readonly toCanonical: readonly [multiplier: number, divisor: number];
}

/** Every unit the app accepts, by id. Canonical units have factor 1. */
export const UNITS = {
  m3: { quantity: 'volume', symbol: 'm³', toCanonical: [1, 1] },
  L: { quantity: 'volume', symbol: 'L', toCanonical: [1, 1000] },
  ML: { quantity: 'volume', symbol: 'ML', toCanonical: [1000, 1] },
  'L/s': { quantity: 'rate', symbol: 'L/s', toCanonical: [1, 1] },
  'm3/s': { quantity: 'rate', symbol: 'm³/s', toCanonical: [1000, 1] },
  'm3/h': { quantity: 'rate', symbol: 'm³/h', toCanonical: [1000, 3600] },
  'mg/L': { quantity: 'concentration', symbol: 'mg/L', toCanonical: [1, 1] },
  'ug/L': { quantity: 'concentration', symbol: 'µg/L', toCanonical: [1, 1000] },
  // Colony counts and most-probable-number estimates are read against the same guideline ("none in 100 mL"),
  // so they share one scale; the unit the user chose is kept beside the value.
  'CFU/100mL': { quantity: 'bacteria', symbol: 'CFU/100 mL', toCanonical: [1, 1] },
  'MPN/100mL': { quantity: 'bacteria', symbol: 'MPN/100 mL', toCanonical: [1, 1] },
} as const satisfies Readonly<Record<string, UnitDefinition>>;

/** Id of a unit in UNITS, e.g. 'm3', 'L/s', 'mg/L'. */
export type UnitId = keyof typeof UNITS;

/** The unit records store for each quantity: m3, L/s, mg/L, CFU/100mL. */
export const CANONICAL_UNITS = {
  volume: 'm3',
  rate: 'L/s',
  concentration: 'mg/L',
  bacteria: 'CFU/100mL',
} as const satisfies Readonly<Record<UnitQuantity, UnitId>>;

/** True when `id` is a unit of UNITS. */
export function isUnitId(id: string): id is UnitId {
  return Object.hasOwn(UNITS, id);
}

/** The ids of the units that measure `quantity`, canonical first. */
export function unitsOf(quantity: UnitQuantity): UnitId[] {
  const canonical = CANONICAL_UNITS[quantity];
  const others = (Object.keys(UNITS) as UnitId[]).filter((id) => UNITS[id].quantity === quantity && id !== canonical);
  return [canonical, ...others];
}

/**
 * Converts `value` in `unit` to the canonical unit of its quantity.
 * @example toCanonicalUnit(2, 'ML') === 2000 // m3
 */
export function toCanonicalUnit(value: number, unit: UnitId): number {
  const [multiplier, divisor] = UNITS[unit].toCanonical;
  return (value * multiplier) / divisor;
}

/**
 * The factor that turns a value in `unit` into the canonical unit, as one number.
 * @example unitFactor('L') === 0.001
 */
export function unitFactor(unit: UnitId): number {
  const [multiplier, divisor] = UNITS[unit].toCanonical;
  return multiplier / divisor;
}

/**
 * Converts `value` from one unit to another of the same quantity; null when the quantities differ.
 * @example convertUnit(36, 'm3/h', 'L/s') === 10
 */
export function convertUnit(value: number, from: UnitId, to: UnitId): number | null {
  if (UNITS[from].quantity !== UNITS[to].quantity) return null;
  if (from === to) return value;
  const [fromMultiplier, fromDivisor] = UNITS[from].toCanonical;
  const [toMultiplier, toDivisor] = UNITS[to].toCanonical;
  return (value * fromMultiplier * toDivisor) / (fromDivisor * toMultiplier);
}

/**
 * Volume in m3 withdrawn at a steady rate in L/s held for `durationS` seconds.
 * @example volumeM3FromRate(10, 3600) === 36
 */
export function volumeM3FromRate(rateLps: number, durationS: number): number {
  return (rateLps * durationS) / 1000;
}
