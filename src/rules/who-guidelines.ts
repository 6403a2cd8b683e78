/*
 * Water-quality guideline values. The default is the WHO Guidelines for drinking-water quality (4th edition with
 * addenda); the lead's data/ table and a committee's national standard override it entry by entry. Bounds are in
 * the entry's unit; a measurement in another unit of the same quantity is converted before comparison.
 */

/** Bounds for one parameter: breach when a value is above `maxValue` or below `minValue` (null: no bound). */
export interface GuidelineEntry {
  readonly unit: string;
  readonly maxValue: number | null;
  readonly minValue: number | null;
  /** Where the value comes from, for the finding's explanation (e.g. 'WHO 2022'). */
  readonly basis: string;
  /** True when exceeding it is a direct health risk (raises the finding's severity). */
  readonly health: boolean;
}

/** Guideline values by parameter key (the `parameter` of measurements, e.g. 'arsenic'). */
export interface GuidelineTable {
  readonly name: string;
  readonly entries: Readonly<Record<string, GuidelineEntry>>;
}

/** WHO drinking-water guideline values (mg/L unless stated; E. coli not detectable in 100 mL). */
export const WHO_GUIDELINES: GuidelineTable = {
  name: 'WHO GDWQ 2022',
  entries: {
    ecoli: { unit: 'CFU/100mL', maxValue: 0, minValue: null, basis: 'WHO 2022', health: true },
    'thermotolerant-coliforms': { unit: 'CFU/100mL', maxValue: 0, minValue: null, basis: 'WHO 2022', health: true },
    arsenic: { unit: 'mg/L', maxValue: 0.01, minValue: null, basis: 'WHO 2022', health: true },
    nitrate: { unit: 'mg/L', maxValue: 50, minValue: null, basis: 'WHO 2022 (as NO3)', health: true },
    nitrite: { unit: 'mg/L', maxValue: 3, minValue: null, basis: 'WHO 2022 (as NO2)', health: true },
    fluoride: { unit: 'mg/L', maxValue: 1.5, minValue: null, basis: 'WHO 2022', health: true },
    lead: { unit: 'mg/L', maxValue: 0.01, minValue: null, basis: 'WHO 2022', health: true },
    cadmium: { unit: 'mg/L', maxValue: 0.003, minValue: null, basis: 'WHO 2022', health: true },
    mercury: { unit: 'mg/L', maxValue: 0.006, minValue: null, basis: 'WHO 2022 (inorganic)', health: true },
    chromium: { unit: 'mg/L', maxValue: 0.05, minValue: null, basis: 'WHO 2022 (total)', health: true },
    copper: { unit: 'mg/L', maxValue: 2, minValue: null, basis: 'WHO 2022', health: true },
    manganese: { unit: 'mg/L', maxValue: 0.08, minValue: null, basis: 'WHO 2022', health: true },
    uranium: { unit: 'mg/L', maxValue: 0.03, minValue: null, basis: 'WHO 2022', health: true },
    // Acceptability rather than health values: turbidity for effective disinfection, pH for corrosion.
    turbidity: {
      unit: 'NTU',
      maxValue: 5,
      minValue: null,
      basis: 'WHO 2022 (acceptability; 1 NTU for disinfection)',
      health: false,
    },
    ph: { unit: 'pH', maxValue: 8.5, minValue: 6.5, basis: 'WHO 2022 (operational range)', health: false },
  },
};

/**
 * Merges an override table over a base table, entry by entry (a committee's national standard over WHO).
 * @example mergeGuidelines(WHO_GUIDELINES, { name: 'NTP', entries: { arsenic: {...WHO_GUIDELINES.entries.arsenic!, maxValue: 0.05} } })
 */
export function mergeGuidelines(base: GuidelineTable, override: GuidelineTable): GuidelineTable {
  return { name: `${override.name} + ${base.name}`, entries: { ...base.entries, ...override.entries } };
}

const CONCENTRATION_TO_MG_L: Readonly<Record<string, number>> = {
  'mg/L': 1,
  'ug/L': 0.001,
  'µg/L': 0.001,
  'g/L': 1000,
};
const BACTERIA_UNITS = new Set(['CFU/100mL', 'MPN/100mL', 'CFU/100 mL', 'MPN/100 mL']);

/**
 * Converts `value` from `fromUnit` to `toUnit` when both measure the same thing; null when they do not.
 * @example convertGuidelineUnit(12, 'ug/L', 'mg/L') === 0.012
 */
export function convertGuidelineUnit(value: number, fromUnit: string, toUnit: string): number | null {
  if (fromUnit === toUnit) return value;
  const from = CONCENTRATION_TO_MG_L[fromUnit];
  const to = CONCENTRATION_TO_MG_L[toUnit];
  if (from !== undefined && to !== undefined) return (value * from) / to;
  if (BACTERIA_UNITS.has(fromUnit) && BACTERIA_UNITS.has(toUnit)) return value;
  return null;
}
