import type { ClauseKind } from '../../../src/domain/agreement';
import { PollutantClassSchema, WaterUseSchema } from '../../../src/domain/records';

/*
 * The form of each clause kind, as data: which fields, of what sort, with which unit. One renderer draws them all
 * (clause-form.tsx); a field's label is message `agreement.field.<key>`.
 */

/** What a list or a choice picks from. */
/** `subjects` follows the sibling `scope`: intakes or communities. */
export type Source = 'communities' | 'intakes' | 'points' | 'uses' | 'pollutants' | 'parameters' | 'subjects';

/** Units shown beside number fields (symbols, or a message for words). */
export type FieldUnit = 'm3' | 'm3s' | 'pct' | 'h' | 'min' | 'km' | 'm' | 'ha' | 'days' | 'plants';

/** One field of a clause form. */
export type FieldSpec =
  | {
      readonly type: 'number';
      readonly key: string;
      readonly unit?: FieldUnit;
      readonly integer?: boolean;
      readonly nullable?: boolean;
    }
  | { readonly type: 'text'; readonly key: string }
  | { readonly type: 'date'; readonly key: string }
  | { readonly type: 'datetime'; readonly key: string }
  | { readonly type: 'monthDay'; readonly key: string }
  | { readonly type: 'enum'; readonly key: string; readonly options: readonly string[]; readonly labels: string }
  | {
      readonly type: 'choice';
      readonly key: string;
      readonly source: Source;
      readonly nullable?: boolean;
      readonly pick?: boolean;
    }
  | {
      readonly type: 'ids';
      readonly key: string;
      readonly source: Source;
      readonly nullable: boolean;
      readonly pick?: boolean;
    }
  | { readonly type: 'season'; readonly key: string; readonly nullable: boolean }
  | { readonly type: 'geometry'; readonly key: string }
  | {
      readonly type: 'rows';
      readonly key: string;
      readonly columns: readonly FieldSpec[];
      readonly make: () => unknown;
    }
  | { readonly type: 'group'; readonly key: string; readonly fields: readonly FieldSpec[] };

const USES = WaterUseSchema.options;
const POLLUTANTS = PollutantClassSchema.options;

/** Labels of enum options: `<labels><option>` message keys. */
export const OPTION_LABELS: Readonly<Record<Source, string>> = {
  communities: '',
  subjects: '',
  intakes: '',
  points: '',
  parameters: 'findings.parameter.',
  uses: 'registers.use.',
  pollutants: 'registers.pollutant.',
};

/** Fixed option lists of the enum-like sources. */
export const SOURCE_OPTIONS: Partial<Readonly<Record<Source, readonly string[]>>> = {
  uses: USES,
  pollutants: POLLUTANTS,
};

const ROSTER: FieldSpec = {
  type: 'group',
  key: 'roster',
  fields: [
    { type: 'datetime', key: 'startAt' },
    { type: 'number', key: 'cycleHours', unit: 'h' },
    { type: 'enum', key: 'durationMode', options: ['proportional-area', 'fixed'], labels: 'agreement.durationMode.' },
    {
      type: 'rows',
      key: 'entries',
      make: () => ({ communityId: '', intakeIds: [], irrigatedAreaHa: 1, fixedHours: null, fillingHours: 0 }),
      columns: [
        { type: 'choice', key: 'communityId', source: 'communities' },
        { type: 'ids', key: 'intakeIds', source: 'intakes', nullable: false, pick: true },
        { type: 'number', key: 'irrigatedAreaHa', unit: 'ha', nullable: true },
        { type: 'number', key: 'fixedHours', unit: 'h', nullable: true },
        { type: 'number', key: 'fillingHours', unit: 'h' },
      ],
    },
    {
      type: 'rows',
      key: 'swaps',
      make: () => ({
        cycleIndex: 0,
        communityA: '',
        communityB: '',
        loggedAt: new Date().toISOString().slice(0, 19) + 'Z',
        note: '',
      }),
      columns: [
        { type: 'number', key: 'cycleIndex', integer: true },
        { type: 'choice', key: 'communityA', source: 'communities' },
        { type: 'choice', key: 'communityB', source: 'communities' },
        { type: 'datetime', key: 'loggedAt' },
        { type: 'text', key: 'note' },
      ],
    },
    {
      type: 'rows',
      key: 'shortages',
      make: () => ({
        fromDate: new Date().toISOString().slice(0, 10),
        toDate: new Date().toISOString().slice(0, 10),
        reductionPct: 25,
      }),
      columns: [
        { type: 'date', key: 'fromDate' },
        { type: 'date', key: 'toDate' },
        { type: 'number', key: 'reductionPct', unit: 'pct' },
      ],
    },
  ],
};

/** The form of each clause kind. */
export const CLAUSE_FIELDS: Readonly<Record<ClauseKind, readonly FieldSpec[]>> = {
  'withdrawal-quota': [
    { type: 'number', key: 'limitM3', unit: 'm3' },
    {
      type: 'enum',
      key: 'periodUnit',
      options: ['day', 'week', 'month', 'season', 'year'],
      labels: 'agreement.periodUnit.',
    },
    { type: 'enum', key: 'scope', options: ['intake', 'community'], labels: 'agreement.scope.' },
    { type: 'ids', key: 'subjectIds', source: 'subjects', nullable: true },
    { type: 'ids', key: 'uses', source: 'uses', nullable: true },
    { type: 'season', key: 'season', nullable: true },
  ],
  'proportional-share': [
    { type: 'choice', key: 'controlPointId', source: 'points', pick: true },
    { type: 'choice', key: 'gaugePointId', source: 'points', nullable: true, pick: true },
    { type: 'number', key: 'scarcityFlowM3s', unit: 'm3s', nullable: true },
    { type: 'number', key: 'ecologicalFlowM3s', unit: 'm3s' },
    { type: 'enum', key: 'periodUnit', options: ['day', 'week', 'month'], labels: 'agreement.periodUnit.' },
    {
      type: 'rows',
      key: 'shares',
      make: () => ({ communityId: '', sharePct: 0 }),
      columns: [
        { type: 'choice', key: 'communityId', source: 'communities' },
        { type: 'number', key: 'sharePct', unit: 'pct' },
      ],
    },
    { type: 'number', key: 'tolerancePct', unit: 'pct' },
  ],
  'minimum-flow': [
    { type: 'choice', key: 'controlPointId', source: 'points', pick: true },
    { type: 'choice', key: 'gaugePointId', source: 'points', pick: true },
    { type: 'number', key: 'minimumFlowM3s', unit: 'm3s' },
    { type: 'enum', key: 'periodUnit', options: ['day', 'week', 'month'], labels: 'agreement.periodUnit.' },
    { type: 'season', key: 'season', nullable: true },
  ],
  rotation: [ROSTER, { type: 'number', key: 'toleranceMinutes', unit: 'min' }],
  'seasonal-ban': [
    { type: 'season', key: 'season', nullable: false },
    { type: 'ids', key: 'uses', source: 'uses', nullable: true },
    { type: 'ids', key: 'intakeIds', source: 'intakes', nullable: true, pick: true },
    { type: 'ids', key: 'pollutantClasses', source: 'pollutants', nullable: false },
    { type: 'number', key: 'toleranceM3', unit: 'm3' },
  ],
  'protected-zone': [
    { type: 'text', key: 'featureName' },
    { type: 'geometry', key: 'geometry' },
    { type: 'number', key: 'distanceM', unit: 'm' },
    { type: 'ids', key: 'intakeUses', source: 'uses', nullable: true },
    { type: 'ids', key: 'pollutantClasses', source: 'pollutants', nullable: true },
  ],
  'water-quality': [
    { type: 'ids', key: 'parameters', source: 'parameters', nullable: true },
    { type: 'ids', key: 'pointIds', source: 'points', nullable: true, pick: true },
    {
      type: 'rows',
      key: 'overrides',
      make: () => ({ parameter: 'turbidity', unit: 'NTU', maxValue: null, minValue: null }),
      columns: [
        { type: 'choice', key: 'parameter', source: 'parameters' },
        { type: 'text', key: 'unit' },
        { type: 'number', key: 'maxValue', nullable: true },
        { type: 'number', key: 'minValue', nullable: true },
      ],
    },
  ],
  'downstream-warning': [
    { type: 'number', key: 'distanceKm', unit: 'km' },
    { type: 'number', key: 'withinHours', unit: 'h' },
    { type: 'ids', key: 'pollutantClasses', source: 'pollutants', nullable: true },
  ],
  'remediation-deadline': [
    { type: 'number', key: 'days', unit: 'days' },
    { type: 'ids', key: 'pollutantClasses', source: 'pollutants', nullable: true },
  ],
  'restoration-commitment': [
    {
      type: 'rows',
      key: 'commitments',
      make: () => ({ communityId: '', areaHaPerYear: 1, plantsPerYear: null }),
      columns: [
        { type: 'choice', key: 'communityId', source: 'communities' },
        { type: 'number', key: 'areaHaPerYear', unit: 'ha' },
        { type: 'number', key: 'plantsPerYear', unit: 'plants', integer: true, nullable: true },
      ],
    },
    { type: 'monthDay', key: 'yearStartMonthDay' },
  ],
  'reporting-duty': [
    { type: 'enum', key: 'periodUnit', options: ['day', 'week', 'month', 'year'], labels: 'agreement.periodUnit.' },
    { type: 'ids', key: 'intakeIds', source: 'intakes', nullable: true, pick: true },
    { type: 'ids', key: 'uses', source: 'uses', nullable: true },
    { type: 'number', key: 'graceDays', unit: 'days', integer: true },
  ],
};

/** The fields a clause form lists, e.g. for a test that every kind's parameters have a field. */
export function fieldKeys(kind: ClauseKind): string[] {
  return CLAUSE_FIELDS[kind].map((field) => field.key);
}
