import {
  parseAgreement,
  toAgreementDocument,
  type Agreement,
  type AgreementVersion,
  type Clause,
  type ClauseKind,
  type ClauseParams,
  type ParseAgreementResult,
} from '../../../src/domain/agreement';

/*
 * Editing an agreement as the committee does it: versions are never rewritten; an amendment is a new version in
 * force from a date, the one before it closing the day before. Every edit is checked with the agreement format's
 * own parser, so what the editor saves is what a file import would accept.
 */

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The version in force last (the latest one). */
export function latestVersion(agreement: Agreement): AgreementVersion {
  return agreement.versions[agreement.versions.length - 1]!;
}

/** Why an amendment cannot be made. */
export type AmendProblem = {
  readonly code: 'agreement.amend.fromTooEarly';
  readonly params: { readonly date: string };
};

/**
 * A new version in force from `effectiveFrom` with `clauses`; the latest version then ends the day before. A
 * clause whose content changed gets its own version bumped.
 * @example amend(agreement, '2026-07-01', clauses, 'Cuota más baja en verano').versions.length === agreement.versions.length + 1
 */
export function amend(
  agreement: Agreement,
  effectiveFrom: string,
  clauses: readonly Clause[],
  note: string,
  terms: Partial<Pick<AgreementVersion, 'signatories' | 'ladder'>> = {},
): Agreement | AmendProblem {
  const latest = latestVersion(agreement);
  if (effectiveFrom <= latest.effectiveFrom)
    return { code: 'agreement.amend.fromTooEarly', params: { date: latest.effectiveFrom } };
  const before = new Map(latest.clauses.map((clause) => [clause.id, clause]));
  const bumped = clauses.map((clause) => {
    const previous = before.get(clause.id);
    if (!previous) return { ...clause, version: 1 };
    const same = JSON.stringify({ ...previous, version: 0 }) === JSON.stringify({ ...clause, version: 0 });
    return { ...clause, version: same ? previous.version : previous.version + 1 };
  });
  const closing =
    latest.effectiveTo !== null && latest.effectiveTo < effectiveFrom ? latest.effectiveTo : dayBefore(effectiveFrom);
  const next: AgreementVersion = {
    ...latest,
    version: latest.version + 1,
    effectiveFrom,
    effectiveTo: latest.effectiveTo !== null && latest.effectiveTo >= effectiveFrom ? latest.effectiveTo : null,
    ...terms,
    clauses: bumped,
    amendmentNote: note,
  };
  return { ...agreement, versions: [...agreement.versions.slice(0, -1), { ...latest, effectiveTo: closing }, next] };
}

/** True when `value` is an amendment problem rather than an agreement. */
export function isAmendProblem(value: Agreement | AmendProblem): value is AmendProblem {
  return 'code' in value;
}

/** Checks an agreement with the file format's parser (the same checks an import makes). */
export function checkAgreement(agreement: Agreement): ParseAgreementResult {
  return parseAgreement(JSON.parse(JSON.stringify(toAgreementDocument(agreement))));
}

/** Replaces the clause with the same id (or appends it). */
export function withClause(clauses: readonly Clause[], clause: Clause): Clause[] {
  const index = clauses.findIndex((known) => known.id === clause.id);
  return index < 0 ? [...clauses, clause] : clauses.map((known, i) => (i === index ? clause : known));
}

/** A fresh id for a clause of `kind` not used by any version. */
export function newClauseId(agreement: Agreement, kind: ClauseKind): string {
  const used = new Set(agreement.versions.flatMap((version) => version.clauses.map((clause) => clause.id)));
  for (let n = 1; ; n++) {
    const id = `${kind}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Parameters a new clause of `kind` starts with (the committee fills in the rest). */
export function defaultParams(
  kind: ClauseKind,
  ids: { communityIds: readonly string[]; intakeIds: readonly string[]; pointIds: readonly string[]; today: string },
): ClauseParams {
  const community = ids.communityIds[0] ?? '';
  const point = ids.pointIds[0] ?? '';
  switch (kind) {
    case 'withdrawal-quota':
      return { kind, scope: 'intake', subjectIds: null, uses: null, periodUnit: 'month', season: null, limitM3: 1000 };
    case 'proportional-share':
      return {
        kind,
        controlPointId: point,
        gaugePointId: null,
        scarcityFlowM3s: null,
        ecologicalFlowM3s: 0,
        periodUnit: 'month',
        shares: [{ communityId: community, sharePct: 100 }],
        tolerancePct: 0,
      };
    case 'minimum-flow':
      return {
        kind,
        controlPointId: point,
        gaugePointId: point,
        minimumFlowM3s: 0.1,
        periodUnit: 'month',
        season: null,
      };
    case 'rotation':
      return {
        kind,
        toleranceMinutes: 30,
        roster: {
          startAt: `${ids.today}T06:00:00Z`,
          cycleHours: 168,
          durationMode: 'proportional-area',
          entries: [
            {
              communityId: community,
              intakeIds: ids.intakeIds.slice(0, 1),
              irrigatedAreaHa: 1,
              fixedHours: null,
              fillingHours: 0,
            },
          ],
          swaps: [],
          shortages: [],
        },
      };
    case 'seasonal-ban':
      return {
        kind,
        season: { startMonthDay: '01-01', endMonthDay: '03-31' },
        uses: null,
        intakeIds: null,
        pollutantClasses: [],
        toleranceM3: 0,
      };
    case 'protected-zone':
      return {
        kind,
        featureName: '—',
        geometry: { type: 'Point', coordinates: [0, 0] },
        distanceM: 100,
        intakeUses: null,
        pollutantClasses: null,
      };
    case 'water-quality':
      return { kind, parameters: null, pointIds: null, overrides: [] };
    case 'downstream-warning':
      return { kind, distanceKm: 10, withinHours: 24, pollutantClasses: null };
    case 'remediation-deadline':
      return { kind, days: 30, pollutantClasses: null };
    case 'restoration-commitment':
      return {
        kind,
        commitments: [{ communityId: community, areaHaPerYear: 1, plantsPerYear: null }],
        yearStartMonthDay: '01-01',
      };
    case 'reporting-duty':
      return { kind, periodUnit: 'month', intakeIds: null, uses: null, graceDays: 15 };
  }
}

/** Sets the value at a path inside a JSON-like value, copying what it passes through. */
export function setAt<T>(value: T, path: readonly (string | number)[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value] as unknown[];
    copy[head as number] = setAt(copy[head as number], rest, next);
    return copy as T;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  return { ...record, [head as string]: setAt(record[head as string], rest, next) } as T;
}

/** The value at a path, or undefined. */
export function getAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** Reads an agreement file's text: the agreement, or the path and message code of the first problem. */
export function readAgreementFile(
  text: string,
): ParseAgreementResult | { ok: false; path: ''; code: 'agreement.import.notJson'; params: Record<string, never> } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, path: '', code: 'agreement.import.notJson', params: {} };
  }
  return parseAgreement(json);
}

/** The file name an agreement is exported under. */
export function exportFileName(agreement: Agreement): string {
  const slug = agreement.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'acuerdo'}-v${latestVersion(agreement).version}.json`;
}

/**
 * Parses a number typed in the user's locale: a decimal comma or point, thousands separators ignored when
 * unambiguous. Null when it is not a number.
 * @example parseLocaleNumber('1.240,5', 'es') === 1240.5
 */
export function parseLocaleNumber(text: string, decimal: ',' | '.'): number | null {
  const trimmed = text.trim().replace(/\s|\u00a0/g, '');
  if (trimmed === '') return null;
  const thousands = decimal === ',' ? '.' : ',';
  let normalized = trimmed;
  if (normalized.includes(decimal)) normalized = normalized.split(thousands).join('').replace(decimal, '.');
  else if (decimal === ',' && /^-?\d{1,3}(\.\d{3})+$/.test(normalized)) normalized = normalized.split('.').join('');
  else if (decimal === ',') normalized = normalized.replace(',', '.');
  else normalized = normalized.split(',').join('');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}

/** One step of an error path in the committee's words: a version, a clause (by its number) or a field. */
export type PathStep =
  | { readonly type: 'version'; readonly version: number }
  | { readonly type: 'clause'; readonly number: number }
  | { readonly type: 'field'; readonly key: string };

/**
 * Reads an error path of the agreement format ('versions[1].clauses[0].params.limitM3') against the document, so
 * it can be shown as "Version 2 › Clause 1 › Limit".
 */
export function describePath(path: string, document: unknown): PathStep[] {
  const steps: PathStep[] = [];
  const versionMatch = /^versions\[(\d+)\]/.exec(path);
  if (!versionMatch) return steps;
  const versionIndex = Number(versionMatch[1]);
  const version = getAt(document, ['versions', versionIndex]) as { version?: unknown } | undefined;
  steps.push({ type: 'version', version: typeof version?.version === 'number' ? version.version : versionIndex + 1 });
  const clauseMatch = /^versions\[\d+\]\.clauses\[(\d+)\]/.exec(path);
  if (clauseMatch) {
    const clauseIndex = Number(clauseMatch[1]);
    const clause = getAt(document, ['versions', versionIndex, 'clauses', clauseIndex]) as
      { number?: unknown } | undefined;
    steps.push({ type: 'clause', number: typeof clause?.number === 'number' ? clause.number : clauseIndex + 1 });
  }
  const last = /\.([A-Za-z][A-Za-z0-9]*)(\[\d+\])?$/.exec(path)?.[1];
  if (last && last !== 'clauses' && last !== 'versions') steps.push({ type: 'field', key: last });
  return steps;
}
