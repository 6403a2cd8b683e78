import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RecordMeta, ReviewState } from '../../../src/domain/records';
import { formatDate, formatDateTime, formatNumber } from '../../../src/i18n/format';
import { hasMessage } from '../../../src/i18n/translate';
import type { Locale } from '../../../src/i18n/define';
import { META_FIELDS, type HistoryEntry, type RecordKind, type StoreProblem } from '../../../src/ports/repository';
import { useT, type Translator } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { currentActor } from '../../session/session';
import { FieldRecordSection } from '../field/field-sections';
import { CommunityForm, IntakeForm, WithdrawalForm } from './forms';
import { enumLabel, isRegisterKind, registerOf, unitSymbol, type Lookups } from './register-kinds';
import { useLookups } from './use-register-data';

/*
 * The panel of one record: its fields in words (names, not ids; numbers, dates and units as the user's language
 * writes them), its review state with the coordinator's approve / "has issues", Edit and Delete for its author or a
 * coordinator, and its history: every version, who wrote it, when, and what changed.
 */

/** Fields not shown in the list (the store's own, or shown elsewhere in the panel). */
const HIDDEN_FIELDS: ReadonlySet<string> = new Set(META_FIELDS);

const ENUM_PREFIXES: Readonly<Record<string, string>> = {
  use: 'registers.use.',
  method: 'registers.method.',
  reviewState: 'registers.review.',
  pollutantClass: 'registers.pollutant.',
  activity: 'registers.activity.',
  parameter: 'registers.parameter.',
};

/** The label of a field: its message when there is one, else the field name. */
function fieldLabel(t: Translator, field: string): string {
  const key = `registers.field.${field}`;
  return hasMessage(key) ? t(key) : field;
}

function isIsoDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value);
}

/** A field's value as words: names for ids, formatted numbers and dates, summaries of geometry. */
export function describeValue(
  field: string,
  value: unknown,
  kind: string,
  lookups: Lookups,
  t: Translator,
  timeZone = 'UTC',
): string {
  const locale: Locale = t.locale;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'registers.value.yes' : 'registers.value.no');
  if (typeof value === 'number') {
    if (field === 'volumeM3') return `${formatNumber(value, locale, 2)}\u00a0m³`;
    if (field.endsWith('Ha')) return `${formatNumber(value, locale, 2)}\u00a0ha`;
    if (field.endsWith('Pct')) return `${formatNumber(value, locale, 1)}\u00a0%`;
    return formatNumber(value, locale, 4);
  }
  if (typeof value === 'string') {
    if (field === 'communityId') return lookups.communities.get(value)?.name ?? value;
    if (field === 'intakeId') return lookups.intakes.get(value)?.name ?? value;
    if (field === 'pointId') return lookups.points.get(value)?.name ?? value;
    if (field === 'siteId') return lookups.sites.get(value)?.name ?? value;
    if (field === 'unit') return unitSymbol(value, locale);
    if (field === 'status')
      return enumLabel(locale, kind === 'restorationSites' ? 'registers.siteStatus.' : 'registers.eventStatus.', value);
    if (field === 'kind' && kind === 'monitoringPoints') return enumLabel(locale, 'registers.pointKind.', value);
    const prefix = ENUM_PREFIXES[field];
    if (prefix) return enumLabel(locale, prefix, value);
    if (isIsoDateTime(value)) return formatDateTime(value, locale, timeZone);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    return value;
  }
  if (Array.isArray(value)) {
    if (
      (field === 'location' || field === 'returnLocation') &&
      typeof value[0] === 'number' &&
      typeof value[1] === 'number'
    ) {
      return t('registers.value.lonLat', {
        lat: formatNumber(value[1], locale, 5),
        lon: formatNumber(value[0], locale, 5),
      });
    }
    if (value.length === 0) return '—';
    return t('registers.value.items', { count: value.length });
  }
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('reachId' in object && typeof object['distanceM'] === 'number') {
      return t('registers.value.snap', {
        reach: String(object['reachId']),
        distance: formatNumber(object['distanceM'], locale, 0),
      });
    }
    if ('quantity' in object && typeof object['value'] === 'number') {
      return `${formatNumber(object['value'], locale, 3)}\u00a0${unitSymbol(String(object['unit']), locale)}`;
    }
    if ('type' in object && 'coordinates' in object) return t(`registers.value.geometry`);
  }
  return t('registers.value.other');
}

function canChange(record: RecordMeta): boolean {
  const actor = currentActor();
  return actor.role === 'coordinator' || actor.name === record.author;
}

const EDITABLE = new Set(['communities', 'intakes', 'withdrawals']);

function ReviewBox({ kind, record }: { readonly kind: RecordKind; readonly record: RecordMeta }) {
  const t = useT();
  const { repository } = useSession();
  const [comment, setComment] = useState('');
  const [writing, setWriting] = useState(false);
  const [problems, setProblems] = useState<readonly StoreProblem[]>([]);
  const coordinator = currentActor().role === 'coordinator';
  const review = async (state: ReviewState, text: string) => {
    const result = await repository.setReview(kind, record.id, state, text, currentActor());
    if (result.ok) {
      setWriting(false);
      setComment('');
      setProblems([]);
    } else setProblems(result.problems);
  };
  return (
    <section className={`review-box review-${record.reviewState}`} aria-label={t('registers.review.label')}>
      <p>
        <strong>{t(`registers.review.${record.reviewState}`)}</strong>
        {record.reviewComment ? ` — ${record.reviewComment}` : ''}
      </p>
      {coordinator && record.reviewState !== 'approved' && !writing && (
        <div className="review-actions">
          <button type="button" className="primary" onClick={() => void review('approved', '')}>
            {t('registers.review.approve')}
          </button>
          {record.reviewState !== 'has-issues' && (
            <button type="button" onClick={() => setWriting(true)}>
              {t('registers.review.markIssues')}
            </button>
          )}
        </div>
      )}
      {coordinator && record.reviewState === 'approved' && (
        <button type="button" onClick={() => setWriting(true)} hidden={writing}>
          {t('registers.review.markIssues')}
        </button>
      )}
      {writing && (
        <form
          className="review-comment"
          onSubmit={(event) => {
            event.preventDefault();
            if (comment.trim()) void review('has-issues', comment.trim());
          }}
        >
          <label>
            {t('registers.review.comment')}
            <textarea rows={3} value={comment} onChange={(event) => setComment(event.target.value)} required />
          </label>
          <div className="form-buttons">
            <button type="submit" className="primary" disabled={!comment.trim()}>
              {t('registers.review.saveIssues')}
            </button>
            <button type="button" onClick={() => setWriting(false)}>
              {t('registers.form.cancel')}
            </button>
          </div>
        </form>
      )}
      {problems.map((problem, index) => (
        <p key={index} className="field-error" role="alert">
          {t.message(problem)}
        </p>
      ))}
    </section>
  );
}

function opLabel(t: Translator, entry: HistoryEntry<RecordKind>): string {
  const key = `registers.history.op.${entry.op}`;
  return hasMessage(key) ? t(key) : entry.op;
}

function History({ kind, id, lookups }: { readonly kind: RecordKind; readonly id: string; readonly lookups: Lookups }) {
  const t = useT();
  const { repository, basin } = useSession();
  const timeZone = basin.info.settings.timeZone;
  const history = useLiveQuery(() => repository.history(kind, id), [repository, kind, id]);
  if (!history) return null;
  return (
    <section className="record-history" aria-label={t('registers.history.title')}>
      <h3>{t('registers.history.title')}</h3>
      <ol reversed>
        {[...history].reverse().map((entry) => {
          const changes = entry.changes.filter(
            (change) =>
              (!HIDDEN_FIELDS.has(change.field) ||
                change.field === 'deleted' ||
                change.field === 'reviewState' ||
                change.field === 'reviewComment') &&
              describeValue(change.field, change.before, kind, lookups, t, timeZone) !==
                describeValue(change.field, change.after, kind, lookups, t, timeZone),
          );
          return (
            <li key={entry.version}>
              <p className="history-head">
                <strong>{opLabel(t, entry)}</strong> · {formatDateTime(entry.at, t.locale, timeZone)} · {entry.actor}
                <span className="version"> · {t('registers.history.version', { version: entry.version })}</span>
              </p>
              {entry.version > 1 && changes.length > 0 && (
                <ul className="history-changes">
                  {changes.map((change) => (
                    <li key={change.field}>
                      {fieldLabel(t, change.field)}:{' '}
                      <del>{describeValue(change.field, change.before, kind, lookups, t, timeZone)}</del> →{' '}
                      <ins>{describeValue(change.field, change.after, kind, lookups, t, timeZone)}</ins>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Detail panel of one record: its fields, review, edit and delete, and its history. */
export function RecordPanel({ kind, id }: { readonly kind: string; readonly id: string }) {
  const t = useT();
  const { repository, basin } = useSession();
  const timeZone = basin.info.settings.timeZone;
  const lookups = useLookups();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [problems, setProblems] = useState<readonly StoreProblem[]>([]);
  const known = isRegisterKind(kind);
  const record = useLiveQuery(
    async () =>
      known ? (((await repository.get(kind, id, { includeDeleted: true })) as RecordMeta | undefined) ?? null) : null,
    [repository, kind, id, known],
  );
  if (!known) return null;
  if (record === undefined) return <p role="status">{t('registers.record.loading')}</p>;
  if (record === null) return <p role="alert">{t('store.notFound')}</p>;
  const definition = registerOf(kind);
  const title = definition.titleOf(record, lookups, t.locale);
  const allowed = canChange(record);

  const remove = async () => {
    const result = await repository.remove(kind, id, currentActor(), { expectedVersion: record.version });
    setConfirmDelete(false);
    setProblems(result.ok ? [] : result.problems);
  };

  if (editing) {
    const done = () => setEditing(false);
    return (
      <div className="record-panel">
        {kind === 'communities' && <CommunityForm record={record as never} onDone={done} />}
        {kind === 'intakes' && <IntakeForm record={record as never} onDone={done} />}
        {kind === 'withdrawals' && <WithdrawalForm record={record as never} onDone={done} />}
      </div>
    );
  }

  const fields = Object.entries(record).filter(([field]) => !HIDDEN_FIELDS.has(field));
  return (
    <div className="record-panel">
      <p className="record-kind">{t(`registers.kind.${kind}`)}</p>
      <h2>{title}</h2>
      {record.deleted && (
        <p className="deleted-note" role="status">
          {t('registers.record.deleted')}
        </p>
      )}
      {!record.deleted && <ReviewBox kind={kind} record={record} />}
      <dl className="record-fields">
        {fields.map(([field, value]) => (
          <div key={field}>
            <dt>{fieldLabel(t, field)}</dt>
            <dd>{describeValue(field, value, kind, lookups, t, timeZone)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('registers.field.author')}</dt>
          <dd>{record.author}</dd>
        </div>
      </dl>
      {!record.deleted && allowed && (
        <div className="record-actions">
          {EDITABLE.has(kind) && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('registers.record.edit')}
            </button>
          )}
          {confirmDelete ? (
            <>
              <button type="button" className="danger" onClick={() => void remove()}>
                {t('registers.record.confirmDelete')}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t('registers.form.cancel')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              {t('registers.record.delete')}
            </button>
          )}
        </div>
      )}
      {problems.map((problem, index) => (
        <p key={index} className="field-error" role="alert">
          {t.message(problem)}
        </p>
      ))}
      <FieldRecordSection kind={kind} id={id} />
      <History kind={kind} id={id} lookups={lookups} />
    </div>
  );
}
