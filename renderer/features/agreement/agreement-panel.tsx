import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  CLAUSE_KINDS,
  toAgreementDocument,
  type Agreement,
  type AgreementVersion,
  type Clause,
  type ClauseKind,
  type Roster,
  type Rung,
} from '../../../src/domain/agreement';
import { formatDate } from '../../../src/i18n/format';
import { hasMessage } from '../../../src/i18n/translate';
import type { RecordChange } from '../../../src/rules/incremental';
import { WHO_GUIDELINES } from '../../../src/rules/who-guidelines';
import { host } from '../../bridge';
import { useT, type Translator } from '../../i18n/use-t';
import { currentActor } from '../../session/session';
import { useSession } from '../../session/session-context';
import { localToday } from '../findings/engine';
import { WhatIfSummary } from '../findings/what-if';
import {
  amend,
  checkAgreement,
  describePath,
  type PathStep,
  defaultParams,
  exportFileName,
  isAmendProblem,
  latestVersion,
  newClauseId,
  readAgreementFile,
  withClause,
} from './agreement-edit';
import { CLAUSE_FIELDS, type FieldSpec } from './clause-fields';
import { ClauseForm, type FormOptions } from './clause-form';
import { TurnsCalendar } from './turns-calendar';
import { CLAUSE_PLACE_LAYERS, clausePlaces } from './clause-places';
import { useMapStore } from '../../state/map-store';
import { useUiStore } from '../../state/ui-store';
import './agreement.css';

/*
 * The agreement editor: versions with their dates, signatories and ladder; each clause's wording as signed beside
 * its machine form. Editing a clause of the version in force makes an amendment (a new version from a date),
 * previewed with the findings it would create or clear; the agreement goes out and comes in as a JSON file.
 */

const CLAUSE_OVERLAY = 'agreement-clause';

/** The terms of a version an amendment can change besides its clauses. */
type Terms = Pick<AgreementVersion, 'signatories' | 'ladder'>;

/** What is being amended: one clause (new or existing), or the version's signatories and ladder. */
type Editing =
  | { readonly type: 'clause'; readonly clause: Clause; readonly isNew: boolean }
  | { readonly type: 'terms'; readonly terms: Terms };

const TERMS_FIELDS: readonly FieldSpec[] = [
  { type: 'ids', key: 'signatories', source: 'communities', nullable: false },
  { type: 'group', key: 'ladder', fields: [{ type: 'number', key: 'windowDays', unit: 'days', integer: true }] },
];

const RUNGS: readonly Rung[] = ['notice', 'warning', 'sanction'];

function RungsField({
  rungs,
  onChange,
}: {
  readonly rungs: readonly Rung[];
  readonly onChange: (rungs: Rung[]) => void;
}) {
  const t = useT();
  return (
    <fieldset className="clause-field clause-rows">
      <legend>{t('agreement.field.rungs')}</legend>
      <ol className="rungs">
        {rungs.map((rung, index) => (
          <li key={index}>
            <select
              aria-label={t('agreement.rung', { step: String(index + 1) })}
              value={rung}
              onChange={(event) =>
                onChange(rungs.map((known, i) => (i === index ? (event.target.value as Rung) : known)))
              }
            >
              {RUNGS.map((option) => (
                <option key={option} value={option}>
                  {t(`rules.rung.${option}`)}
                </option>
              ))}
            </select>
            {rungs.length > 1 && (
              <button
                type="button"
                className="clause-remove"
                onClick={() => onChange(rungs.filter((_, i) => i !== index))}
              >
                {t('agreement.rows.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...rungs, rungs[rungs.length - 1] ?? 'notice'])}>
        {t('agreement.rows.add')}
      </button>
    </fieldset>
  );
}

/** The path and message of a format problem, in the user's language. */
export function problemText(
  t: Translator,
  problem: { path: string; code: string; params: Record<string, string | number> },
  template: string,
): string {
  const message = t(problem.code, problem.params);
  return problem.path ? t(template, { path: problem.path, message }) : t('agreement.import.errorNoPath', { message });
}

/** An error path in the committee's words, e.g. "Versión 2 › Cláusula 1 › Límite". */
function stepsText(t: Translator, steps: readonly PathStep[]): string {
  return steps
    .map((step) => {
      if (step.type === 'version') return t('agreement.version.label', { version: String(step.version) });
      if (step.type === 'clause') return t('agreement.clause.number', { number: String(step.number) });
      return hasMessage(`agreement.field.${step.key}`) ? t(`agreement.field.${step.key}`) : step.key;
    })
    .join(' › ');
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function VersionRange({ from, to }: { readonly from: string; readonly to: string | null }) {
  const t = useT();
  const day = (iso: string): string => formatDate(iso, t.locale, 'medium');
  return (
    <>
      {to === null
        ? t('agreement.version.open', { from: day(from) })
        : t('agreement.version.range', { from: day(from), to: day(to) })}
    </>
  );
}

/** What the clause editor and its body share: the edit in progress and what its forms offer. */
interface ClauseFormContext {
  readonly setEditing: (editing: Editing | null) => void;
  readonly options: FormOptions;
  readonly referenceDate: string;
  readonly utcOffsetMinutes: number;
  readonly communityNames: ReadonlyMap<string, string>;
}

function ClauseBody({
  editing,
  setEditing,
  options,
  referenceDate,
  utcOffsetMinutes,
  communityNames,
}: ClauseFormContext & { readonly editing: Extract<Editing, { type: 'clause' }> }) {
  const t = useT();
  const clause = editing.clause;
  return (
    <>
      <div className="clause-columns">
        <div className="clause-wording">
          <label htmlFor="clause-wording">{t('agreement.clause.wording')}</label>
          <textarea
            id="clause-wording"
            rows={6}
            value={clause.wording}
            onChange={(event) => setEditing({ ...editing, clause: { ...clause, wording: event.target.value } })}
          />
          <p className="findings-note">{t('agreement.clause.wordingHint')}</p>
        </div>
        <div className="clause-machine">
          <h4>{t('agreement.clause.machine')}</h4>
          <ClauseForm
            fields={CLAUSE_FIELDS[clause.params.kind]}
            params={clause.params}
            options={options}
            readOnly={false}
            onChange={(params) => setEditing({ ...editing, clause: { ...clause, params } })}
          />
        </div>
      </div>
      {clause.params.kind === 'rotation' && (
        <TurnsCalendar
          roster={clause.params.roster}
          communityNames={communityNames}
          utcOffsetMinutes={utcOffsetMinutes}
          referenceDate={referenceDate}
        />
      )}
    </>
  );
}

function ClauseEditor({
  agreement,
  editing,
  setEditing,
  options,
  referenceDate,
  utcOffsetMinutes,
  communityNames,
  onSaved,
}: ClauseFormContext & {
  readonly onSaved: (text: string) => void;
  readonly agreement: Agreement;
  readonly editing: Editing;
}) {
  const t = useT();
  const session = useSession();
  const map = useMapStore((state) => state.map);
  const places = useMemo(
    () => (editing.type === 'clause' ? clausePlaces(editing.clause.params, options) : null),
    [editing, options],
  );
  // A map pick still waiting when the editor closes would write into a form that is gone.
  useEffect(
    () => () => {
      const ui = useUiStore.getState();
      if (ui.mapTool?.id.startsWith('agreement-pick')) ui.setMapTool(null);
    },
    [],
  );
  useEffect(() => {
    if (!map || !places) return undefined;
    map.setOverlay(CLAUSE_OVERLAY, places, CLAUSE_PLACE_LAYERS);
    return () => map.removeOverlay(CLAUSE_OVERLAY);
  }, [map, places]);
  const latest = latestVersion(agreement);
  const [from, setFrom] = useState(() => {
    const candidate = firstOfMonth(referenceDate);
    return candidate > latest.effectiveFrom ? candidate : referenceDate;
  });
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const unchanged =
    editing.type === 'clause'
      ? !editing.isNew &&
        JSON.stringify(latest.clauses.find((clause) => clause.id === editing.clause.id)) ===
          JSON.stringify(editing.clause)
      : JSON.stringify({ signatories: latest.signatories, ladder: latest.ladder }) === JSON.stringify(editing.terms);
  const amended = useMemo(
    () =>
      editing.type === 'clause'
        ? amend(agreement, from, withClause(latest.clauses, editing.clause), note)
        : amend(agreement, from, latest.clauses, note, editing.terms),
    [agreement, from, latest, editing, note],
  );
  const check = useMemo(() => (isAmendProblem(amended) ? null : checkAgreement(amended)), [amended]);
  const problem = isAmendProblem(amended)
    ? t(amended.code, { date: formatDate(amended.params.date, t.locale, 'medium') })
    : check && !check.ok
      ? problemText(t, check, 'agreement.amend.invalid')
      : null;
  const change = useMemo<RecordChange | null>(
    () =>
      unchanged || problem !== null || isAmendProblem(amended)
        ? null
        : { kind: 'agreement', op: 'put', record: amended },
    [unchanged, problem, amended],
  );
  const actor = currentActor();
  const save = async (): Promise<void> => {
    if (isAmendProblem(amended) || problem !== null) return;
    setSaving(true);
    const result = await session.repository.update(
      'agreements',
      agreement.id,
      { title: amended.title, versions: amended.versions },
      actor,
      { expectedVersion: agreement.version },
    );
    setSaving(false);
    if (result.ok) {
      onSaved(
        t('agreement.amend.saved', {
          version: String(latestVersion(amended).version),
          date: formatDate(from, t.locale, 'medium'),
        }),
      );
      setEditing(null);
    } else setMessage({ kind: 'error', text: result.problems.map((item) => t.message(item)).join(' ') });
  };
  const title =
    editing.type === 'clause'
      ? t('agreement.clause.label', {
          number: String(editing.clause.number),
          kind: t(`rules.kind.${editing.clause.params.kind}`),
        })
      : t('agreement.terms.title');
  return (
    <form
      className="clause-editor"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{title}</h3>
      {editing.type === 'clause' ? (
        <ClauseBody
          editing={editing}
          setEditing={setEditing}
          options={options}
          referenceDate={referenceDate}
          utcOffsetMinutes={utcOffsetMinutes}
          communityNames={communityNames}
        />
      ) : (
        <div className="clause-form">
          <ClauseForm
            fields={TERMS_FIELDS}
            params={editing.terms}
            options={options}
            readOnly={false}
            onChange={(terms) => setEditing({ type: 'terms', terms })}
          />
          <RungsField
            rungs={editing.terms.ladder.rungs}
            onChange={(rungs) =>
              setEditing({ type: 'terms', terms: { ...editing.terms, ladder: { ...editing.terms.ladder, rungs } } })
            }
          />
        </div>
      )}
      <fieldset className="amend">
        <legend>{t('agreement.amend.title')}</legend>
        <label htmlFor="amend-from">{t('agreement.amend.from')}</label>
        <input id="amend-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        <label htmlFor="amend-note">{t('agreement.amend.note')}</label>
        <textarea id="amend-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </fieldset>
      {unchanged ? (
        <p className="findings-note">{t('agreement.amend.unchanged')}</p>
      ) : (
        problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )
      )}
      <WhatIfSummary change={change} />
      {actor.role !== 'coordinator' && <p className="findings-note">{t('agreement.amend.coordinatorOnly')}</p>}
      <div className="clause-actions">
        <button
          type="submit"
          className="primary"
          disabled={saving || unchanged || problem !== null || actor.role !== 'coordinator'}
        >
          {saving ? t('agreement.amend.saving') : t('agreement.amend.save')}
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          {t('agreement.amend.cancel')}
        </button>
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error' : 'findings-note'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

/** Side tab "Agreement": the agreement editor. */
export function AgreementPanel() {
  const t = useT();
  const session = useSession();
  const settings = session.basin.info.settings;
  const referenceDate = settings.referenceDate ?? localToday(settings.utcOffsetMinutes);
  const agreements = useLiveQuery(
    async () => (await session.db.recordTable('agreements').toArray()).filter((agreement) => !agreement.deleted),
    [session],
  );
  const places = useLiveQuery(async () => {
    const [communities, intakes, points] = await Promise.all([
      session.db.recordTable('communities').toArray(),
      session.db.recordTable('intakes').toArray(),
      session.db.recordTable('monitoringPoints').toArray(),
    ]);
    return {
      communities: communities.filter((row) => !row.deleted),
      intakes: intakes.filter((row) => !row.deleted),
      points: points.filter((row) => !row.deleted),
    };
  }, [session]);
  const [agreementId, setAgreementId] = useState<string | null>(null);
  const [versionIndex, setVersionIndex] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [newKind, setNewKind] = useState<ClauseKind>('withdrawal-quota');
  const [fileMessage, setFileMessage] = useState<{ kind: 'ok' | 'error'; text: string; where?: string } | null>(null);

  const agreement = agreements?.find((known) => known.id === agreementId) ?? agreements?.[0] ?? null;
  const options = useMemo<FormOptions>(
    () => ({
      communities: (places?.communities ?? [])
        .map((row) => ({ id: row.id, name: row.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      intakes: (places?.intakes ?? [])
        .map((row) => ({ id: row.id, name: row.name, location: row.location }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      points: (places?.points ?? [])
        .map((row) => ({ id: row.id, name: row.name, location: row.location }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      parameters: Object.keys(WHO_GUIDELINES),
      utcOffsetMinutes: settings.utcOffsetMinutes,
    }),
    [places, settings.utcOffsetMinutes],
  );
  const communityNames = useMemo(() => new Map(options.communities.map((row) => [row.id, row.name])), [options]);

  const importFile = async (): Promise<void> => {
    setFileMessage(null);
    const opened = await host['file:open']({
      titleKey: 'agreement.import',
      filters: [{ name: 'JSON', extensions: ['json'] }],
      multiple: false,
    });
    if (!opened.ok || opened.value.canceled || opened.value.files.length === 0) return;
    const text = new TextDecoder().decode(opened.value.files[0]!.bytes);
    const parsed = readAgreementFile(text);
    if (!parsed.ok) {
      let document: unknown = null;
      try {
        document = JSON.parse(text);
      } catch {
        // Not JSON: the message says so, there is no place to point at.
      }
      setFileMessage({
        kind: 'error',
        text: problemText(t, parsed, 'agreement.import.error'),
        where: stepsText(t, describePath(parsed.path, document)),
      });
      return;
    }
    const incoming = parsed.agreement;
    const known = await session.repository.get('agreements', incoming.id, { includeDeleted: true });
    const actor = currentActor();
    const result = known
      ? await session.repository.update(
          'agreements',
          incoming.id,
          { title: incoming.title, versions: incoming.versions },
          actor,
          { expectedVersion: known.version },
        )
      : await session.repository.bulkImport(
          'agreements',
          [{ title: incoming.title, versions: incoming.versions }],
          actor,
          { ids: [incoming.id] },
        );
    if (result.ok) {
      setAgreementId(incoming.id);
      setVersionIndex(null);
      setEditing(null);
      setFileMessage({ kind: 'ok', text: t('agreement.imported', { title: incoming.title }) });
    } else
      setFileMessage({
        kind: 'error',
        text: t('agreement.import.errorNoPath', {
          message: result.problems.map((problem) => t.message(problem)).join(' '),
        }),
      });
  };

  const exportFile = async (): Promise<void> => {
    if (!agreement) return;
    await host['file:save']({
      suggestedName: exportFileName(agreement),
      data: `${JSON.stringify(toAgreementDocument(agreement), null, 2)}\n`,
      mimeType: 'application/json',
    });
  };

  const header = (
    <div className="agreement-files">
      <button type="button" onClick={() => void exportFile()} disabled={!agreement}>
        {t('agreement.export')}
      </button>
      <button type="button" onClick={() => void importFile()}>
        {t('agreement.import')}
      </button>
    </div>
  );
  const fileNote = fileMessage && (
    <p
      role={fileMessage.kind === 'error' ? 'alert' : 'status'}
      className={fileMessage.kind === 'error' ? 'error agreement-file-message' : 'findings-note agreement-file-message'}
    >
      {fileMessage.text}
      {fileMessage.where && <span className="agreement-where">{fileMessage.where}</span>}
    </p>
  );

  if (!agreements) return null;
  if (!agreement) {
    return (
      <section className="panel-section agreement-panel" aria-labelledby="agreement-heading">
        <h2 id="agreement-heading">{t('agreement.title')}</h2>
        <p>{t('agreement.none')}</p>
        {header}
        {fileNote}
      </section>
    );
  }
  const latestIndex = agreement.versions.length - 1;
  const shownIndex = versionIndex !== null && versionIndex <= latestIndex ? versionIndex : latestIndex;
  const version = agreement.versions[shownIndex]!;
  const isLatest = shownIndex === latestIndex;
  const startEditing = (clause: Clause): void => {
    setFileMessage(null);
    setEditing({ type: 'clause', clause, isNew: false });
  };
  const addClause = (): void => {
    const number = Math.max(0, ...version.clauses.map((clause) => clause.number)) + 1;
    const params = defaultParams(newKind, {
      communityIds: options.communities.map((row) => row.id),
      intakeIds: options.intakes.map((row) => row.id),
      pointIds: options.points.map((row) => row.id),
      today: referenceDate,
    });
    setEditing({
      type: 'clause',
      clause: { id: newClauseId(agreement, newKind), number, version: 1, wording: '', params },
      isNew: true,
    });
  };

  return (
    <section className="panel-section agreement-panel" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">{t('agreement.title')}</h2>
      {agreements.length > 1 && (
        <select
          aria-label={t('agreement.title')}
          value={agreement.id}
          onChange={(event) => setAgreementId(event.target.value)}
        >
          {agreements.map((known) => (
            <option key={known.id} value={known.id}>
              {known.title}
            </option>
          ))}
        </select>
      )}
      <p className="agreement-title">{agreement.title}</p>
      {header}
      {fileNote}
      <h3>{t('agreement.versions')}</h3>
      <ol className="agreement-versions">
        {agreement.versions.map((known, index) => (
          <li key={known.version}>
            <button
              type="button"
              aria-pressed={index === shownIndex}
              onClick={() => {
                setVersionIndex(index);
                setEditing(null);
              }}
            >
              <strong>{t('agreement.version.label', { version: String(known.version) })}</strong>{' '}
              <VersionRange from={known.effectiveFrom} to={known.effectiveTo} />
            </button>
          </li>
        ))}
      </ol>
      <dl className="agreement-facts">
        <dt>{t('agreement.signatories')}</dt>
        <dd>{version.signatories.map((id) => communityNames.get(id) ?? id).join(', ')}</dd>
        <dt>{t('agreement.ladder')}</dt>
        <dd>
          {version.ladder.rungs.map((rung) => t(`rules.rung.${rung}`)).join(' → ')}
          <br />
          <span className="findings-note">
            {t('agreement.ladder.window', { days: String(version.ladder.windowDays) })}
          </span>
        </dd>
        {version.amendmentNote && (
          <>
            <dt>{t('agreement.amendmentNote')}</dt>
            <dd>{version.amendmentNote}</dd>
          </>
        )}
      </dl>
      {isLatest && !editing && (
        <button
          type="button"
          onClick={() => {
            setFileMessage(null);
            setEditing({ type: 'terms', terms: { signatories: version.signatories, ladder: version.ladder } });
          }}
        >
          {t('agreement.terms.edit')}
        </button>
      )}
      {!isLatest && <p className="findings-note">{t('agreement.clause.readOnly')}</p>}
      {editing && isLatest ? (
        <ClauseEditor
          key={`${editing.type === 'clause' ? editing.clause.id : 'terms'}-${agreement.version}`}
          agreement={agreement}
          editing={editing}
          setEditing={setEditing}
          options={options}
          referenceDate={referenceDate}
          utcOffsetMinutes={settings.utcOffsetMinutes}
          communityNames={communityNames}
          onSaved={(text) => setFileMessage({ kind: 'ok', text })}
        />
      ) : (
        <>
          <h3>{t('agreement.clauses')}</h3>
          <ul className="agreement-clauses">
            {[...version.clauses]
              .sort((a, b) => a.number - b.number)
              .map((clause) => (
                <li key={clause.id}>
                  <div className="agreement-clause-head">
                    <strong>
                      {t('agreement.clause.label', {
                        number: String(clause.number),
                        kind: t(`rules.kind.${clause.params.kind}`),
                      })}
                    </strong>
                    <span className="findings-note">
                      {t('agreement.clause.version', { version: String(clause.version) })}
                    </span>
                    <button
                      type="button"
                      onClick={() => (isLatest ? startEditing(clause) : setEditing(null))}
                      disabled={!isLatest}
                    >
                      {t('agreement.clause.edit')}
                    </button>
                  </div>
                  <blockquote>{clause.wording}</blockquote>
                  {!isLatest && (
                    <details>
                      <summary>{t('agreement.clause.machine')}</summary>
                      <ClauseForm
                        fields={CLAUSE_FIELDS[clause.params.kind]}
                        params={clause.params}
                        options={options}
                        readOnly
                        onChange={() => undefined}
                      />
                    </details>
                  )}
                  {clause.params.kind === 'rotation' && (
                    <details>
                      <summary>{t('agreement.turns.title')}</summary>
                      <TurnsCalendar
                        roster={clause.params.roster as Roster}
                        communityNames={communityNames}
                        utcOffsetMinutes={settings.utcOffsetMinutes}
                        referenceDate={referenceDate}
                      />
                    </details>
                  )}
                </li>
              ))}
          </ul>
          {isLatest && (
            <div className="agreement-add">
              <label htmlFor="agreement-new-kind">{t('agreement.clause.addKind')}</label>
              <select
                id="agreement-new-kind"
                value={newKind}
                onChange={(event) => setNewKind(event.target.value as ClauseKind)}
              >
                {CLAUSE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`rules.kind.${kind}`)}
                  </option>
                ))}
              </select>
              <button type="button" onClick={addClause}>
                {t('agreement.clause.add')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
