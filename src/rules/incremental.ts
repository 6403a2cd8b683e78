import type { Agreement } from '../domain/agreement';
import type {
  Community,
  ContaminationEvent,
  Decision,
  Intake,
  Measurement,
  MonitoringPoint,
  RestorationSite,
  Withdrawal,
} from '../domain/records';
import { parseIsoMs } from './calendar';
import type { ClauseInForce, EvaluationContext, FindingDraft, UnitFilter } from './clause-kinds';
import {
  chainKeyOf,
  clausesInForce,
  contextOf,
  draftsOf,
  type EvaluateInput,
  latestDecisions,
  rankChain,
} from './evaluate';
import type { Finding } from './finding';
import { RecordIndex, type RuleRecords } from './record-index';

/*
 * Incremental evaluation: the evaluator keeps the index and the findings; a change to one record re-evaluates
 * only the (clause, subject, period) groups it can touch, then re-ranks the ladder chains those groups belong
 * to. Changes that move the ground under every group (an intake, a community, a monitoring point, an agreement)
 * rebuild the index and evaluate everything, then report the difference. Either way the findings equal a full
 * evaluation of the same records, which a property test checks on random edit sequences.
 */

/** The record kinds a change can carry. */
export interface RecordKinds {
  withdrawal: Withdrawal;
  measurement: Measurement;
  'contamination-event': ContaminationEvent;
  'restoration-site': RestorationSite;
  intake: Intake;
  community: Community;
  'monitoring-point': MonitoringPoint;
  agreement: Agreement;
  decision: Decision;
}

/** A record written (added or edited; a record with `deleted: true` counts as deleted) or deleted by id. */
export type RecordChange = {
  [K in keyof RecordKinds]:
    | { readonly kind: K; readonly op: 'put'; readonly record: RecordKinds[K] }
    | { readonly kind: K; readonly op: 'delete'; readonly id: string };
}[keyof RecordKinds];

/** What a change did to the findings. */
export interface FindingsDelta {
  readonly added: Finding[];
  readonly removed: Finding[];
  readonly changed: Finding[];
}

/**
 * The records of one kind as the evaluator was given them, found by id once a change needs it: a million
 * withdrawals by id cost most of a second, which the first evaluation (the one people wait for when the app opens)
 * does not need. Ids are unique, as the store keeps them.
 */
class RecordTable<T extends { id: string }> {
  private byId: Map<string, T> | null = null;

  constructor(private readonly given: readonly T[]) {}

  get(id: string): T | undefined {
    return this.map().get(id);
  }

  set(record: T): void {
    this.map().set(record.id, record);
  }

  delete(id: string): void {
    this.map().delete(id);
  }

  /** The current records: the given array itself until a change, then the table's. */
  all(): readonly T[] {
    return this.byId === null ? this.given : [...this.byId.values()];
  }

  /** Finds records by id from now on (the findings worker calls this once the first findings are shown). */
  map(): Map<string, T> {
    this.byId ??= new Map(this.given.map((record) => [record.id, record]));
    return this.byId;
  }
}

type Store = { [K in keyof RecordKinds]: RecordTable<RecordKinds[K]> };

const ALL_TIME: Pick<UnitFilter, 'fromMs' | 'toMs'> = {
  fromMs: Number.NEGATIVE_INFINITY,
  toMs: Number.POSITIVE_INFINITY,
};

function subjectKey(draft: FindingDraft): string {
  return `${draft.subject.type}:${draft.subject.id}`;
}

/** Holds an evaluation and keeps it up to date as records change. */
export class IncrementalEvaluator {
  private readonly store: Store;
  private readonly communityPositions: RuleRecords['communityPositions'];
  private index!: RecordIndex;
  private ctx!: EvaluationContext;
  private clauses: ClauseInForce[] = [];
  private decisions = new Map<string, Decision>();
  private readonly drafts = new Map<string, FindingDraft>();
  /**
   * Drafts per clause in force (index into `clauses`), grouped by subject key ('intake:int-7'), each with the
   * sequence number it was added with: a change re-reads only its subjects' drafts, in the order they were added.
   */
  private draftsOfClause: Map<string, Map<string, { draft: FindingDraft; seq: number }>>[] = [];
  private nextSeq = 0;
  /** Draft ids per ladder chain. */
  private readonly draftsOfChain = new Map<string, Set<string>>();
  private readonly clauseOfDraft = new Map<string, number>();
  private readonly current = new Map<string, Finding>();
  private readonly currentOfChain = new Map<string, Set<string>>();

  constructor(
    private readonly input: Omit<EvaluateInput, 'agreements' | 'records' | 'decisions'> &
      Pick<EvaluateInput, 'agreements' | 'records' | 'decisions'>,
  ) {
    const records = input.records;
    this.communityPositions = records.communityPositions;
    this.store = {
      withdrawal: new RecordTable(records.withdrawals),
      measurement: new RecordTable(records.measurements),
      'contamination-event': new RecordTable(records.contaminationEvents),
      'restoration-site': new RecordTable(records.restorationSites),
      intake: new RecordTable(records.intakes),
      community: new RecordTable(records.communities),
      'monitoring-point': new RecordTable(records.monitoringPoints),
      agreement: new RecordTable(input.agreements),
      decision: new RecordTable(input.decisions ?? []),
    };
    this.rebuild();
  }

  /** The current findings, in id order. */
  findings(): Finding[] {
    return [...this.current.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * The records as the evaluator holds them now (for a full evaluation to compare with, or a what-if copy). The
   * record arrays are not copies: treat them as read-only.
   */
  records(): RuleRecords & { agreements: Agreement[]; decisions: Decision[] } {
    const records: RuleRecords & { agreements: Agreement[]; decisions: Decision[] } = {
      communities: this.store.community.all(),
      intakes: this.store.intake.all(),
      withdrawals: this.store.withdrawal.all(),
      monitoringPoints: this.store['monitoring-point'].all(),
      measurements: this.store.measurement.all(),
      contaminationEvents: this.store['contamination-event'].all(),
      restorationSites: this.store['restoration-site'].all(),
      agreements: [...this.store.agreement.all()],
      decisions: [...this.store.decision.all()],
    };
    return this.communityPositions ? { ...records, communityPositions: this.communityPositions } : records;
  }

  /** Builds the tables that find records by id, so that the first change does not wait for them. */
  prepareForChanges(): void {
    for (const table of Object.values(this.store) as RecordTable<{ id: string }>[]) table.map();
  }

  /** The live record of `kind` with `id`, or null. */
  get<K extends keyof RecordKinds>(kind: K, id: string): RecordKinds[K] | null {
    const known = this.store[kind].get(id);
    return known && !known.deleted ? known : null;
  }

  /** Applies one change and returns what it did to the findings. */
  apply(change: RecordChange): FindingsDelta {
    const before = this.lookup(change);
    const after = change.op === 'put' && !change.record.deleted ? change.record : null;
    this.write(change);
    switch (change.kind) {
      case 'withdrawal':
        return this.applyWithdrawal(before as Withdrawal | null, after as Withdrawal | null);
      case 'measurement':
        return this.applyMeasurement(before as Measurement | null, after as Measurement | null);
      case 'contamination-event':
        return this.applyEvent(
          before as ContaminationEvent | null,
          after as ContaminationEvent | null,
          change.op === 'put' ? change.record.id : change.id,
        );
      case 'restoration-site':
        return this.applySite(before as RestorationSite | null, after as RestorationSite | null);
      case 'decision':
        return this.applyDecision(before as Decision | null, after as Decision | null);
      default:
        return this.rebuild();
    }
  }

  private lookup(change: RecordChange): RecordKinds[keyof RecordKinds] | null {
    const id = change.op === 'put' ? change.record.id : change.id;
    const known = (this.store[change.kind] as RecordTable<RecordKinds[keyof RecordKinds]>).get(id);
    return known && !known.deleted ? known : null;
  }

  private write(change: RecordChange): void {
    const table = this.store[change.kind] as RecordTable<RecordKinds[keyof RecordKinds]>;
    if (change.op === 'put') table.set(change.record);
    else table.delete(change.id);
  }

  private rebuild(): FindingsDelta {
    const records = this.records();
    this.index = new RecordIndex(records, this.input.network);
    this.ctx = contextOf(
      { ...this.input, agreements: records.agreements, records, decisions: records.decisions },
      this.index,
    );
    this.clauses = clausesInForce(records.agreements);
    this.decisions = latestDecisions(records.decisions);
    this.drafts.clear();
    this.draftsOfChain.clear();
    this.clauseOfDraft.clear();
    this.draftsOfClause = this.clauses.map(() => new Map());
    const emitted = this.clauses.map((c) => draftsOf([c], this.ctx));
    const chains = new Set<string>(this.currentOfChain.keys());
    emitted.forEach((list, clauseIndex) => {
      for (const draft of list) {
        this.addDraft(draft, clauseIndex);
        chains.add(chainKeyOf(draft.id));
      }
    });
    return this.rerank(chains);
  }

  private addDraft(draft: FindingDraft, clauseIndex: number): void {
    this.drafts.set(draft.id, draft);
    this.clauseOfDraft.set(draft.id, clauseIndex);
    const bySubject = this.draftsOfClause[clauseIndex]!;
    const subject = subjectKey(draft);
    let ofSubject = bySubject.get(subject);
    if (!ofSubject) {
      ofSubject = new Map();
      bySubject.set(subject, ofSubject);
    }
    // A draft written again keeps its place, as a Set keeps a value added twice.
    ofSubject.set(draft.id, { draft, seq: ofSubject.get(draft.id)?.seq ?? this.nextSeq++ });
    const chain = chainKeyOf(draft.id);
    let set = this.draftsOfChain.get(chain);
    if (!set) {
      set = new Set();
      this.draftsOfChain.set(chain, set);
    }
    set.add(draft.id);
  }

  private removeDraft(id: string): void {
    const clauseIndex = this.clauseOfDraft.get(id);
    const draft = this.drafts.get(id);
    if (clauseIndex !== undefined && draft) {
      const bySubject = this.draftsOfClause[clauseIndex];
      const subject = subjectKey(draft);
      const ofSubject = bySubject?.get(subject);
      ofSubject?.delete(id);
      if (ofSubject?.size === 0) bySubject!.delete(subject);
    }
    this.clauseOfDraft.delete(id);
    this.drafts.delete(id);
    const chain = chainKeyOf(id);
    const set = this.draftsOfChain.get(chain);
    set?.delete(id);
    if (set?.size === 0) this.draftsOfChain.delete(chain);
  }

  /** Re-evaluates each clause's filtered groups, then re-ranks the chains touched. */
  private reevaluate(filters: (UnitFilter | null)[]): FindingsDelta {
    const chains = new Set<string>();
    filters.forEach((filter, clauseIndex) => {
      if (filter === null) return;
      const bySubject = this.draftsOfClause[clauseIndex]!;
      const groups =
        filter.subjects === null
          ? [...bySubject.values()]
          : [...filter.subjects].map((subject) => bySubject.get(subject));
      const touched: { draft: FindingDraft; seq: number }[] = [];
      for (const group of groups) {
        if (!group) continue;
        for (const entry of group.values()) {
          if (entry.draft.periodStartMs > filter.toMs || entry.draft.periodEndMs < filter.fromMs) continue;
          touched.push(entry);
        }
      }
      // In the order the drafts were added, as a walk over all of them would meet them.
      touched.sort((a, b) => a.seq - b.seq);
      for (const { draft } of touched) {
        this.removeDraft(draft.id);
        chains.add(chainKeyOf(draft.id));
      }
      for (const draft of draftsOf([this.clauses[clauseIndex]!], this.ctx, [filter])) {
        this.addDraft(draft, clauseIndex);
        chains.add(chainKeyOf(draft.id));
      }
    });
    return this.rerank(chains);
  }

  private rerank(chains: ReadonlySet<string>): FindingsDelta {
    const delta: FindingsDelta = { added: [], removed: [], changed: [] };
    for (const chain of chains) {
      const ids = this.draftsOfChain.get(chain);
      const ranked = ids
        ? rankChain(
            [...ids].map((id) => this.drafts.get(id)!),
            this.decisions,
          )
        : [];
      const fresh = new Set(ranked.map((finding) => finding.id));
      for (const id of this.currentOfChain.get(chain) ?? []) {
        if (fresh.has(id)) continue;
        delta.removed.push(this.current.get(id)!);
        this.current.delete(id);
      }
      if (fresh.size > 0) this.currentOfChain.set(chain, fresh);
      else this.currentOfChain.delete(chain);
      for (const finding of ranked) {
        const old = this.current.get(finding.id);
        if (!old) delta.added.push(finding);
        else if (JSON.stringify(old) !== JSON.stringify(finding)) delta.changed.push(finding);
        else continue;
        this.current.set(finding.id, finding);
      }
    }
    return delta;
  }

  private filtersFor(build: (c: ClauseInForce) => UnitFilter | null): (UnitFilter | null)[] {
    return this.clauses.map(build);
  }

  private applyWithdrawal(before: Withdrawal | null, after: Withdrawal | null): FindingsDelta {
    const changed = [before, after].filter((record): record is Withdrawal => record !== null);
    if (changed.length === 0) return { added: [], removed: [], changed: [] };
    const intakeIds = new Set(changed.map((record) => record.intakeId));
    const intakeIndexes = [...intakeIds]
      .map((id) => this.index.intakeIndex.get(id))
      .filter((i): i is number => i !== undefined);
    const subjects = new Set<string>();
    for (const id of intakeIds) subjects.add(`intake:${id}`);
    for (const i of intakeIndexes) subjects.add(`community:${this.index.intakes[i]!.communityId}`);
    const times = changed.flatMap((record) => [parseIsoMs(record.periodStart), parseIsoMs(record.periodEnd)]);
    const range = { fromMs: Math.min(...times), toMs: Math.max(...times) };
    const upstreamOf = (pointId: string): boolean => {
      const snap = this.index.points.get(pointId)?.snap;
      if (!snap) return false;
      const upstream = this.index.consumptiveIntakesUpstreamOf(snap);
      return intakeIndexes.some((i) => upstream.includes(i));
    };
    const filters = this.filtersFor((c) => {
      const params = c.clause.params;
      switch (params.kind) {
        case 'withdrawal-quota':
        case 'rotation':
        case 'seasonal-ban':
          return { subjects, ...range };
        case 'reporting-duty':
          // The first reading can start the duty, so a change may move every period of the intake.
          return { subjects, ...ALL_TIME };
        case 'proportional-share':
          return upstreamOf(params.controlPointId) ? { subjects: null, ...range } : null;
        case 'minimum-flow':
          return upstreamOf(params.controlPointId)
            ? { subjects: new Set([`point:${params.controlPointId}`]), ...range }
            : null;
        default:
          return null;
      }
    });
    if (before) this.index.applyWithdrawal(before, false);
    if (after) this.index.applyWithdrawal(after, true);
    return this.reevaluate(filters);
  }

  private applyMeasurement(before: Measurement | null, after: Measurement | null): FindingsDelta {
    const changed = [before, after].filter((record): record is Measurement => record !== null);
    if (changed.length === 0) return { added: [], removed: [], changed: [] };
    const pointIds = new Set(changed.map((record) => record.pointId));
    const times = changed.map((record) => parseIsoMs(record.time));
    const range = { fromMs: Math.min(...times), toMs: Math.max(...times) };
    const filters = this.filtersFor((c) => {
      const params = c.clause.params;
      switch (params.kind) {
        case 'water-quality':
          return { subjects: new Set([...pointIds].map((id) => `point:${id}`)), ...range };
        case 'proportional-share':
        case 'minimum-flow':
          return params.gaugePointId !== null && pointIds.has(params.gaugePointId)
            ? { subjects: null, ...range }
            : null;
        default:
          return null;
      }
    });
    if (before) this.index.applyMeasurement(before, false);
    if (after) this.index.applyMeasurement(after, true);
    return this.reevaluate(filters);
  }

  private applyEvent(before: ContaminationEvent | null, after: ContaminationEvent | null, id: string): FindingsDelta {
    if (!before && !after) return { added: [], removed: [], changed: [] };
    const subjects = new Set([`event:${id}`]);
    const filters = this.filtersFor((c) => {
      switch (c.clause.params.kind) {
        case 'seasonal-ban':
        case 'protected-zone':
        case 'downstream-warning':
        case 'remediation-deadline':
          return { subjects, ...ALL_TIME };
        default:
          return null;
      }
    });
    if (after) this.index.applyEvent(after, true);
    else if (before) this.index.applyEvent(before, false);
    return this.reevaluate(filters);
  }

  private applySite(before: RestorationSite | null, after: RestorationSite | null): FindingsDelta {
    const changed = [before, after].filter((record): record is RestorationSite => record !== null);
    if (changed.length === 0) return { added: [], removed: [], changed: [] };
    const subjects = new Set(changed.map((site) => `community:${site.communityId}`));
    const filters = this.filtersFor((c) =>
      c.clause.params.kind === 'restoration-commitment' ? { subjects, ...ALL_TIME } : null,
    );
    if (before) this.index.applySite(before, false);
    if (after) this.index.applySite(after, true);
    return this.reevaluate(filters);
  }

  private applyDecision(before: Decision | null, after: Decision | null): FindingsDelta {
    this.decisions = latestDecisions(this.store.decision.all());
    const chains = new Set(
      [before, after]
        .filter((record): record is Decision => record !== null)
        .map((record) => chainKeyOf(record.findingId)),
    );
    return this.rerank(chains);
  }
}

/**
 * What a change would create and clear, without keeping it: the change is applied, then undone. The evaluator is
 * left as it was.
 * @example whatIf(evaluator, { kind: 'withdrawal', op: 'put', record: proposed }).created
 */
export function whatIf(
  state: IncrementalEvaluator,
  change: RecordChange,
): { created: Finding[]; cleared: Finding[]; changed: Finding[] } {
  const id = change.op === 'put' ? change.record.id : change.id;
  const previous = state.get(change.kind, id);
  const delta = state.apply(change);
  const undo: RecordChange = previous
    ? ({ kind: change.kind, op: 'put', record: previous } as RecordChange)
    : ({ kind: change.kind, op: 'delete', id } as RecordChange);
  state.apply(undo);
  return { created: delta.added, cleared: delta.removed, changed: delta.changed };
}
