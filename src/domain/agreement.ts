import { z } from 'zod';
import {
  FeatureGeometrySchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  PollutantClassSchema,
  RecordMetaSchema,
  WaterUseSchema,
} from './records';

/*
 * Agreements as data: each version keeps its clauses with the wording as signed beside the machine form
 * (`params`). Clause ids ('c3') are stable across versions so findings and decisions stay attached when a clause
 * is amended; `version` of a clause is bumped only when that clause changed. Dates are calendar dates in the
 * basin's local time; `effectiveTo` is the last day a version is in force (inclusive), null while open-ended.
 * The file format (formatVersion 1) is documented in docs/agreement-format.md.
 */

/** Version of the agreement JSON format this module reads and writes. */
export const AGREEMENT_FORMAT_VERSION = 1;

const monthDayPattern = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when 'MM-DD' names a day that exists in some year (02-29 included). */
export function isValidMonthDay(monthDay: string): boolean {
  if (!monthDayPattern.test(monthDay)) return false;
  const month = Number(monthDay.slice(0, 2));
  const day = Number(monthDay.slice(3, 5));
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** A calendar day of any year, 'MM-DD'. */
export const MonthDaySchema = z.string().refine(isValidMonthDay, { message: 'month-day' });

/**
 * A yearly date window, both ends inclusive; it wraps the year end when `endMonthDay` < `startMonthDay`
 * (e.g. 12-01 to 02-28 is a season across new year).
 */
export const SeasonSchema = z.object({ startMonthDay: MonthDaySchema, endMonthDay: MonthDaySchema });
export type Season = z.infer<typeof SeasonSchema>;

/** Calendar periods over which volumes are summed and findings are grouped. */
export const PeriodUnitSchema = z.enum(['day', 'week', 'month', 'season', 'year']);
export type PeriodUnit = z.infer<typeof PeriodUnitSchema>;

/** Periods for flows at a control point (a season or year mean hides the dry weeks that matter). */
export const FlowPeriodUnitSchema = z.enum(['day', 'week', 'month']);
export type FlowPeriodUnit = z.infer<typeof FlowPeriodUnitSchema>;

const idList = z.array(z.string().min(1));
const positive = z.number().positive();
const nonNegative = z.number().min(0);

/** Withdrawal quota: volume in m3 by an intake or a community over each period must not exceed `limitM3`. */
export const WithdrawalQuotaParamsSchema = z.object({
  kind: z.literal('withdrawal-quota'),
  scope: z.enum(['intake', 'community']),
  /** Intake or community ids the quota applies to; null applies it to every one. */
  subjectIds: idList.nullable(),
  /** Only intakes serving these uses count; null counts all uses. */
  uses: z.array(WaterUseSchema).nullable(),
  periodUnit: PeriodUnitSchema,
  /** When set, only volume withdrawn inside this season counts (and `periodUnit: 'season'` needs it). */
  season: SeasonSchema.nullable(),
  limitM3: positive,
});

/**
 * Proportional share in scarcity: at a control point, the volume left after the ecological flow and domestic use
 * is shared among communities by `sharePct`; a community withdrawing (upstream of the point, non-domestic) more
 * than its allocation breaches. Scarcity is a gauge's mean flow, scaled to the point, below `scarcityFlowM3s`;
 * without a gauge the share applies to the total withdrawn upstream.
 */
export const ProportionalShareParamsSchema = z.object({
  kind: z.literal('proportional-share'),
  controlPointId: z.string().min(1),
  gaugePointId: z.string().min(1).nullable(),
  scarcityFlowM3s: nonNegative.nullable(),
  ecologicalFlowM3s: nonNegative,
  periodUnit: FlowPeriodUnitSchema,
  shares: z.array(z.object({ communityId: z.string().min(1), sharePct: z.number().min(0).max(100) })).min(1),
  /** Allowed excess over the allocation, percent of the allocation. */
  tolerancePct: nonNegative,
});

/**
 * Minimum (ecological) flow: at the control point, the gauge's mean flow scaled by drainage-area ratio, minus the
 * mean rate of withdrawals upstream of the point (diversions returning upstream of it excepted), must stay at or
 * above `minimumFlowM3s`.
 */
export const MinimumFlowParamsSchema = z.object({
  kind: z.literal('minimum-flow'),
  controlPointId: z.string().min(1),
  gaugePointId: z.string().min(1),
  minimumFlowM3s: nonNegative,
  periodUnit: FlowPeriodUnitSchema,
  /** When set, only periods starting inside this season are judged (e.g. a dry-season ecological flow). */
  season: SeasonSchema.nullable(),
});

/** One turn holder on an irrigation roster, head to tail. */
export const RosterEntrySchema = z.object({
  communityId: z.string().min(1),
  /** The intakes (canal offtakes) this holder draws from during its turn. */
  intakeIds: idList.min(1),
  /** Irrigated area, hectares; required when durations are proportional to area. */
  irrigatedAreaHa: positive.nullable(),
  /** Fixed turn length, hours; required when durations are fixed. */
  fixedHours: positive.nullable(),
  /** Time for water to reach this holder's fields, hours; added to its turn (filling time compensated). */
  fillingHours: nonNegative,
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

/** Two holders exchanging their turns in one cycle, as logged by the committee. */
export const RosterSwapSchema = z.object({
  cycleIndex: z.number().int().min(0),
  communityA: z.string().min(1),
  communityB: z.string().min(1),
  loggedAt: IsoDateTimeSchema,
  note: z.string().max(1000),
});
export type RosterSwap = z.infer<typeof RosterSwapSchema>;

/** Shortage mode: cycles starting in [fromDate, toDate] shorten every turn by `reductionPct` (filling time kept). */
export const RosterShortageSchema = z.object({
  fromDate: IsoDateSchema,
  toDate: IsoDateSchema,
  reductionPct: z.number().min(0).max(100),
});
export type RosterShortage = z.infer<typeof RosterShortageSchema>;

/** An irrigation roster (warabandi / turnado): a fixed cycle, turns head to tail, from a start time. */
export const RosterSchema = z.object({
  startAt: IsoDateTimeSchema,
  cycleHours: positive,
  durationMode: z.enum(['proportional-area', 'fixed']),
  entries: z.array(RosterEntrySchema).min(1),
  swaps: z.array(RosterSwapSchema),
  shortages: z.array(RosterShortageSchema),
});
export type Roster = z.infer<typeof RosterSchema>;

/** Rotation: withdrawals at a roster's intakes must fall inside the holder's turns (give or take the tolerance). */
export const RotationParamsSchema = z.object({
  kind: z.literal('rotation'),
  roster: RosterSchema,
  toleranceMinutes: nonNegative,
});

/** Seasonal ban: no withdrawals for `uses` (volume above `toleranceM3`) and no events of `pollutantClasses` in the season. */
export const SeasonalBanParamsSchema = z.object({
  kind: z.literal('seasonal-ban'),
  season: SeasonSchema,
  /** Uses banned; null bans every use; an empty list bans no withdrawal. */
  uses: z.array(WaterUseSchema).nullable(),
  /** Intakes the ban covers; null covers all. */
  intakeIds: idList.nullable(),
  /** Activities banned, as the pollutant class of a registered event (e.g. spraying agrochemicals). */
  pollutantClasses: z.array(PollutantClassSchema),
  toleranceM3: nonNegative,
});

/** Protected zone: no intake (of `intakeUses`) and no event (of `pollutantClasses`) within `distanceM` of a feature. */
export const ProtectedZoneParamsSchema = z.object({
  kind: z.literal('protected-zone'),
  featureName: z.string().min(1).max(200),
  geometry: FeatureGeometrySchema,
  distanceM: nonNegative,
  /** Intake uses not allowed near the feature; null: none allowed; empty: intakes are not covered. */
  intakeUses: z.array(WaterUseSchema).nullable(),
  /** Events (discharges, activities) not allowed near the feature; null: any class; empty: events not covered. */
  pollutantClasses: z.array(PollutantClassSchema).nullable(),
});

/** A guideline override: bounds for one parameter in `unit` (null: no bound on that side). */
export const GuidelineOverrideSchema = z.object({
  parameter: z.string().min(1),
  unit: z.string().min(1),
  maxValue: z.number().nullable(),
  minValue: z.number().nullable(),
});

/** Water-quality limit: measurements at `pointIds` of `parameters` must stay within the guideline table's bounds. */
export const WaterQualityParamsSchema = z.object({
  kind: z.literal('water-quality'),
  /** Parameters judged (keys of the guideline table); null: every parameter the table has. */
  parameters: idList.nullable(),
  /** Monitoring points judged; null: every quality point. */
  pointIds: idList.nullable(),
  /** The committee's own limits for this clause, over the table passed to the evaluator. */
  overrides: z.array(GuidelineOverrideSchema),
});

/** Downstream warning: an event must be notified within `withinHours` to every community downstream within `distanceKm`. */
export const DownstreamWarningParamsSchema = z.object({
  kind: z.literal('downstream-warning'),
  distanceKm: positive,
  withinHours: positive,
  /** Event classes covered; null covers all. */
  pollutantClasses: z.array(PollutantClassSchema).nullable(),
});

/** Remediation deadline: an event must be closed (remediated) within `days` of being observed. */
export const RemediationDeadlineParamsSchema = z.object({
  kind: z.literal('remediation-deadline'),
  days: positive,
  pollutantClasses: z.array(PollutantClassSchema).nullable(),
});

/** Restoration commitment: each community restores `areaHaPerYear` (and plants `plantsPerYear`), judged pro rata. */
export const RestorationCommitmentParamsSchema = z.object({
  kind: z.literal('restoration-commitment'),
  commitments: z
    .array(
      z.object({
        communityId: z.string().min(1),
        areaHaPerYear: nonNegative,
        plantsPerYear: z.number().int().min(0).nullable(),
      }),
    )
    .min(1),
  /** First day of the commitment year, 'MM-DD' (e.g. the rainy-season planting year). */
  yearStartMonthDay: MonthDaySchema,
});

/** Reporting duty: every intake covered must have a withdrawal reading overlapping each period. */
export const ReportingDutyParamsSchema = z.object({
  kind: z.literal('reporting-duty'),
  periodUnit: PeriodUnitSchema.exclude(['season']),
  intakeIds: idList.nullable(),
  uses: z.array(WaterUseSchema).nullable(),
  /** Days after a period ends before a missing reading counts. */
  graceDays: z.number().int().min(0),
});

/** The machine form of a clause, one of eleven kinds. */
export const ClauseParamsSchema = z.discriminatedUnion('kind', [
  WithdrawalQuotaParamsSchema,
  ProportionalShareParamsSchema,
  MinimumFlowParamsSchema,
  RotationParamsSchema,
  SeasonalBanParamsSchema,
  ProtectedZoneParamsSchema,
  WaterQualityParamsSchema,
  DownstreamWarningParamsSchema,
  RemediationDeadlineParamsSchema,
  RestorationCommitmentParamsSchema,
  ReportingDutyParamsSchema,
]);
export type ClauseParams = z.infer<typeof ClauseParamsSchema>;
/** The kind of a clause, e.g. 'withdrawal-quota'. */
export type ClauseKind = ClauseParams['kind'];
/** Parameters of the clause kind K. */
export type ParamsOf<K extends ClauseKind> = Extract<ClauseParams, { kind: K }>;

/** Every clause kind, in the order of DESIGN.md. */
export const CLAUSE_KINDS: readonly ClauseKind[] = [
  'withdrawal-quota',
  'proportional-share',
  'minimum-flow',
  'rotation',
  'seasonal-ban',
  'protected-zone',
  'water-quality',
  'downstream-warning',
  'remediation-deadline',
  'restoration-commitment',
  'reporting-duty',
];

/** A clause as signed: stable id, number in the text, its own version, the wording, and its machine form. */
export const ClauseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'clause-id'),
  number: z.number().int().min(1),
  version: z.number().int().min(1),
  wording: z.string().min(1).max(10000),
  params: ClauseParamsSchema,
});
export type Clause = z.infer<typeof ClauseSchema>;

/** Rungs of the graduated response, lowest first. */
export const RungSchema = z.enum(['notice', 'warning', 'sanction']);
export type Rung = z.infer<typeof RungSchema>;

/** The sanctions ladder: repeats of a clause by one subject within `windowDays` climb `rungs` one step each. */
export const LadderSchema = z.object({
  windowDays: z.number().int().min(1),
  rungs: z.array(RungSchema).min(1),
});
export type Ladder = z.infer<typeof LadderSchema>;

/** One signed version of an agreement, in force from `effectiveFrom` through `effectiveTo` (inclusive). */
export const AgreementVersionSchema = z.object({
  version: z.number().int().min(1),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.nullable(),
  signatories: idList.min(1),
  ladder: LadderSchema,
  clauses: z.array(ClauseSchema),
  amendmentNote: z.string().max(5000),
});
export type AgreementVersion = z.infer<typeof AgreementVersionSchema>;

/** An agreement record: a title and its versions in order. */
export const AgreementSchema = RecordMetaSchema.extend({
  title: z.string().min(1).max(300),
  versions: z.array(AgreementVersionSchema).min(1),
});
export type Agreement = z.infer<typeof AgreementSchema>;

/** The agreement file: an agreement record with the format version. */
export const AgreementDocumentSchema = AgreementSchema.extend({ formatVersion: z.literal(AGREEMENT_FORMAT_VERSION) });
export type AgreementDocument = z.infer<typeof AgreementDocumentSchema>;

/** Codes of agreement validation errors (messages in src/i18n/messages/rules.ts under `agreement.`). */
export type AgreementErrorCode =
  | 'rules.agreement.formatVersion'
  | 'rules.agreement.required'
  | 'rules.agreement.invalidType'
  | 'rules.agreement.invalidValue'
  | 'rules.agreement.tooSmall'
  | 'rules.agreement.tooBig'
  | 'rules.agreement.unknownKind'
  | 'rules.agreement.unknownField'
  | 'rules.agreement.versionOrder'
  | 'rules.agreement.versionOverlap'
  | 'rules.agreement.dateOrder'
  | 'rules.agreement.duplicateClauseId'
  | 'rules.agreement.duplicateClauseNumber'
  | 'rules.agreement.seasonRequired'
  | 'rules.agreement.sharesOver100'
  | 'rules.agreement.rosterDuration'
  | 'rules.agreement.rosterOverfull'
  | 'rules.agreement.swapUnknownHolder'
  | 'rules.agreement.boundsMissing';

/** Result of parsing an agreement: the agreement, or the path and code of the first error. */
export type ParseAgreementResult =
  | { ok: true; agreement: Agreement }
  | { ok: false; path: string; code: AgreementErrorCode; params: Record<string, string | number> };

/**
 * Formats a zod-style path as the committee's editor shows it.
 * @example formatPath(['versions', 0, 'clauses', 2, 'params', 'limitM3']) === 'versions[0].clauses[2].params.limitM3'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

function zodCode(issue: z.core.$ZodIssue, input: unknown): AgreementErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? 'rules.agreement.required' : 'rules.agreement.invalidType';
    case 'too_small':
      return 'rules.agreement.tooSmall';
    case 'too_big':
      return 'rules.agreement.tooBig';
    case 'invalid_union':
      return 'rules.agreement.unknownKind';
    case 'unrecognized_keys':
      return 'rules.agreement.unknownField';
    default:
      return 'rules.agreement.invalidValue';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

type Problem = { path: PropertyKey[]; code: AgreementErrorCode; params?: Record<string, string | number> };

function clauseProblem(clause: Clause, base: PropertyKey[]): Problem | null {
  const params = clause.params;
  const at = (...rest: PropertyKey[]): PropertyKey[] => [...base, 'params', ...rest];
  switch (params.kind) {
    case 'withdrawal-quota':
      if (params.periodUnit === 'season' && params.season === null) {
        return { path: at('season'), code: 'rules.agreement.seasonRequired' };
      }
      return null;
    case 'proportional-share': {
      const totalPct = params.shares.reduce((sum, share) => sum + share.sharePct, 0);
      if (totalPct > 100 + 1e-9) return { path: at('shares'), code: 'rules.agreement.sharesOver100', params: { totalPct } };
      return null;
    }
    case 'rotation':
      return rosterProblem(params.roster, at('roster'));
    case 'water-quality': {
      const index = params.overrides.findIndex((override) => override.maxValue === null && override.minValue === null);
      return index >= 0 ? { path: at('overrides', index), code: 'rules.agreement.boundsMissing' } : null;
    }
    default:
      return null;
  }
}

function rosterProblem(roster: Roster, base: PropertyKey[]): Problem | null {
  const field = roster.durationMode === 'fixed' ? 'fixedHours' : 'irrigatedAreaHa';
  const missing = roster.entries.findIndex((entry) => entry[field] === null);
  if (missing >= 0) return { path: [...base, 'entries', missing, field], code: 'rules.agreement.rosterDuration' };
  const fillingHours = roster.entries.reduce((sum, entry) => sum + entry.fillingHours, 0);
  const fixedHours = roster.durationMode === 'fixed' ? roster.entries.reduce((sum, entry) => sum + (entry.fixedHours ?? 0), 0) : 0;
  // Proportional turns need some time left after filling; fixed turns must fit the cycle.
  const neededHours = fillingHours + fixedHours;
  if (roster.durationMode === 'fixed' ? neededHours > roster.cycleHours : neededHours >= roster.cycleHours) {
    return { path: [...base, 'cycleHours'], code: 'rules.agreement.rosterOverfull', params: { neededHours } };
  }
  const holders = new Set(roster.entries.map((entry) => entry.communityId));
  for (const [index, swap] of roster.swaps.entries()) {
    if (!holders.has(swap.communityA)) return { path: [...base, 'swaps', index, 'communityA'], code: 'rules.agreement.swapUnknownHolder' };
    if (!holders.has(swap.communityB)) return { path: [...base, 'swaps', index, 'communityB'], code: 'rules.agreement.swapUnknownHolder' };
  }
  for (const [index, shortage] of roster.shortages.entries()) {
    if (shortage.toDate < shortage.fromDate) return { path: [...base, 'shortages', index, 'toDate'], code: 'rules.agreement.dateOrder' };
  }
  return null;
}

function agreementProblem(agreement: Agreement): Problem | null {
  let previous: AgreementVersion | null = null;
  for (const [index, version] of agreement.versions.entries()) {
    const base: PropertyKey[] = ['versions', index];
    if (version.effectiveTo !== null && version.effectiveTo < version.effectiveFrom) {
      return { path: [...base, 'effectiveTo'], code: 'rules.agreement.dateOrder' };
    }
    if (previous !== null) {
      if (version.version <= previous.version) return { path: [...base, 'version'], code: 'rules.agreement.versionOrder' };
      if (previous.effectiveTo === null || previous.effectiveTo >= version.effectiveFrom) {
        return { path: [...base, 'effectiveFrom'], code: 'rules.agreement.versionOverlap' };
      }
    }
    const ids = new Set<string>();
    const numbers = new Set<number>();
    for (const [clauseIndex, clause] of version.clauses.entries()) {
      const clauseBase = [...base, 'clauses', clauseIndex];
      if (ids.has(clause.id)) return { path: [...clauseBase, 'id'], code: 'rules.agreement.duplicateClauseId', params: { id: clause.id } };
      if (numbers.has(clause.number)) {
        return { path: [...clauseBase, 'number'], code: 'rules.agreement.duplicateClauseNumber', params: { number: clause.number } };
      }
      ids.add(clause.id);
      numbers.add(clause.number);
      const problem = clauseProblem(clause, clauseBase);
      if (problem) return problem;
    }
    previous = version;
  }
  return null;
}

/**
 * Parses and validates an agreement document (formatVersion 1): the schema first, then the checks across fields
 * (version order and overlap, unique clause ids and numbers, seasons, shares, rosters). Never throws.
 * @example parseAgreement(JSON.parse(text)) // { ok: false, path: 'versions[0].clauses[2].params.limitM3', code: 'rules.agreement.tooSmall', params: {} }
 */
export function parseAgreement(json: unknown): ParseAgreementResult {
  if (json === null || typeof json !== 'object' || (json as { formatVersion?: unknown }).formatVersion !== AGREEMENT_FORMAT_VERSION) {
    return { ok: false, path: 'formatVersion', code: 'rules.agreement.formatVersion', params: { expected: AGREEMENT_FORMAT_VERSION } };
  }
  const parsed = AgreementDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return { ok: false, path: '', code: 'rules.agreement.invalidValue', params: {} };
    return { ok: false, path: formatPath(issue.path), code: zodCode(issue, json), params: {} };
  }
  const { formatVersion: _formatVersion, ...agreement } = parsed.data;
  const problem = agreementProblem(agreement);
  if (problem) return { ok: false, path: formatPath(problem.path), code: problem.code, params: problem.params ?? {} };
  return { ok: true, agreement };
}

/** Serialises an agreement as a formatVersion 1 document (the inverse of parseAgreement). */
export function toAgreementDocument(agreement: Agreement): AgreementDocument {
  return { formatVersion: AGREEMENT_FORMAT_VERSION, ...agreement };
}

/** The version in force on `date` ('YYYY-MM-DD', basin local), or null when none is. */
export function versionInForce(agreement: Agreement, date: string): AgreementVersion | null {
  for (const version of agreement.versions) {
    if (version.effectiveFrom <= date && (version.effectiveTo === null || date <= version.effectiveTo)) return version;
  }
  return null;
}
