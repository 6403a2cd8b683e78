import { z } from 'zod';
import { convertGuidelineUnit, mergeGuidelines, type GuidelineEntry, type GuidelineTable } from '../rules/who-guidelines';

/*
 * Water-quality guideline tables as data (data/guidelines/*.json: WHO drinking-water guideline values, a national
 * standard such as Colombia's Resolución 2115 de 2007), the committee's own override kept in the store's meta,
 * and the assessment of one sample against the table in force. The rules engine compares the same way.
 */

const GuidelineEntryFileSchema = z.object({
  unit: z.string().min(1),
  maxValue: z.number().min(0).nullable(),
  minValue: z.number().min(0).nullable(),
  basis: z.string().min(1),
  health: z.boolean(),
  /** Where in the source document the value is written. */
  reference: z.string().optional(),
});

/** A guideline table file of data/guidelines/: the source document and its values by parameter key. */
export const GuidelineFileSchema = z.object({
  formatVersion: z.literal(1),
  name: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  year: z.number().int(),
  reference: z.string(),
  entries: z.record(z.string().min(1), GuidelineEntryFileSchema),
});
/** A guideline table file. */
export type GuidelineFile = z.infer<typeof GuidelineFileSchema>;

/**
 * The table the rules engine reads, from a guideline file (its `reference` texts stay in the file).
 * @example guidelineTableOf(GuidelineFileSchema.parse(whoJson)).entries.arsenic.maxValue === 0.01
 */
export function guidelineTableOf(file: GuidelineFile): GuidelineTable {
  const entries: Record<string, GuidelineEntry> = {};
  for (const [key, entry] of Object.entries(file.entries)) {
    entries[key] = { unit: entry.unit, maxValue: entry.maxValue, minValue: entry.minValue, basis: entry.basis, health: entry.health };
  }
  return { name: file.name, entries };
}

/** Meta key of the committee's national standard (a GuidelineTable), merged over the WHO values. */
export const NATIONAL_STANDARD_META_KEY = 'field.guidelines.national';

/** What the committee stores as its national standard: a name and the values that differ from WHO's. */
export const NationalStandardSchema = z.object({
  name: z.string().min(1).max(200),
  entries: z.record(
    z.string().min(1),
    z.object({
      unit: z.string().min(1),
      maxValue: z.number().min(0).nullable(),
      minValue: z.number().min(0).nullable(),
      basis: z.string().min(1),
      health: z.boolean(),
    }),
  ),
});

/**
 * The table in force: the national standard over the base (WHO) entry by entry, or the base alone when the stored
 * value is absent or unreadable (a broken meta value must not hide every exceedance).
 */
export function tableInForce(base: GuidelineTable, stored: unknown): GuidelineTable {
  const parsed = NationalStandardSchema.safeParse(stored);
  if (!parsed.success || Object.keys(parsed.data.entries).length === 0) return base;
  return mergeGuidelines(base, parsed.data);
}

/** How one sample compares with the guideline in force. */
export type SampleAssessment =
  | { readonly status: 'above'; readonly entry: GuidelineEntry; readonly value: number; readonly limit: number }
  | { readonly status: 'below'; readonly entry: GuidelineEntry; readonly value: number; readonly limit: number }
  | { readonly status: 'within'; readonly entry: GuidelineEntry; readonly value: number }
  | { readonly status: 'not-detected'; readonly entry: GuidelineEntry | null }
  | { readonly status: 'no-guideline' }
  | { readonly status: 'unit-mismatch'; readonly entry: GuidelineEntry };

/**
 * Compares a sample with the table: above the maximum or below the minimum (in the guideline's unit, after
 * converting e.g. µg/L to mg/L), within, or not detected (value under the laboratory's detection limit). Same
 * boundaries as the rules engine: a value equal to the limit is within.
 * @example assessSample({ parameter: 'arsenic', value: 12, unit: 'ug/L' }, who).status === 'above'
 */
export function assessSample(
  sample: { readonly parameter: string; readonly value: number; readonly unit: string; readonly detectionLimit?: number | undefined },
  table: GuidelineTable,
): SampleAssessment {
  const entry = table.entries[sample.parameter];
  const notDetected = sample.detectionLimit !== undefined && sample.value < sample.detectionLimit;
  if (!entry) return notDetected ? { status: 'not-detected', entry: null } : { status: 'no-guideline' };
  const value = convertGuidelineUnit(sample.value, sample.unit, entry.unit);
  if (value === null) return { status: 'unit-mismatch', entry };
  if (entry.minValue !== null && value < entry.minValue) return { status: 'below', entry, value, limit: entry.minValue };
  if (notDetected) return { status: 'not-detected', entry };
  if (entry.maxValue !== null && value > entry.maxValue) return { status: 'above', entry, value, limit: entry.maxValue };
  return { status: 'within', entry, value };
}

/** True when the assessment is a breach of the guideline (above its maximum or below its minimum). */
export function isExceedance(assessment: SampleAssessment): boolean {
  return assessment.status === 'above' || assessment.status === 'below';
}

/** Units a sample of a parameter may be entered in: the guideline's and the ones convertible to it. */
export function unitsFor(parameter: string, table: GuidelineTable): string[] {
  if (parameter === 'discharge') return ['m3/s'];
  const unit = table.entries[parameter]?.unit;
  if (!unit) return ['mg/L'];
  if (unit === 'mg/L') return ['mg/L', 'ug/L'];
  if (unit === 'CFU/100mL') return ['CFU/100mL', 'MPN/100mL'];
  return [unit];
}
