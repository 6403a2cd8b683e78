import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../session/session-context';
import { currentActor } from '../../session/session';
import { useUiStore } from '../../state/ui-store';
import { currentMap } from '../../state/map-store';
import {
  ContaminationStatusSchema,
  NotificationSchema,
  PollutantClassSchema,
  type ContaminationEvent,
} from '../../../src/domain/records';
import { downstreamReachLines, downstreamTargets, type DownstreamCandidate } from '../../../src/field/downstream';
import { isoOfLocalInput, localInputOf } from '../../../src/field/time';
import { formatDateTime, formatNumber } from '../../../src/i18n/format';
import { parseLocaleNumber } from '../../../src/io/number-parse';
import { decimalSeparatorOf } from '../../../src/i18n/format';
import {
  FormButtons,
  FormError,
  freeTheMap,
  formatKm,
  formatTravel,
  problemsText,
  useBasinClock,
  useCommunityNames,
  useT,
} from './common';
import { checkPhotos, PhotoPicker, PhotoStrip, storePhotos } from './photos';
import { useFieldStore } from './field-store';

/*
 * Contamination events: placed by a click on the map (the place may be where no one can walk to), described in a
 * short form with photos; the record's section lists who is downstream, how far and when the water gets there,
 * and records each warning sent as a new version of the event.
 */

const POLLUTANT_CLASSES = PollutantClassSchema.options;
const STATUSES = ContaminationStatusSchema.options;
const CHANNELS = NotificationSchema.shape.channel.options;

/** How far from a river an event may be placed and still be followed downstream, as a multiple of the snap tolerance. */
const EVENT_SNAP_FACTOR = 5;

/** Where a clicked position lands on the river, for the form and for saving. */
function useEventSnap(lonLat: readonly [number, number]) {
  const { network, basin } = useSession();
  return useMemo(() => {
    const toleranceM = basin.info.settings.snapToleranceM * EVENT_SNAP_FACTOR;
    return { toleranceM, result: network.snap(lonLat, toleranceM) };
  }, [network, basin, lonLat]);
}

/** "Report an event": a map tool for the place, then the form. */
export function EventActions() {
  const t = useT();
  const setMapTool = useUiStore((state) => state.setMapTool);
  const draft = useFieldStore((state) => state.draft);
  const setDraft = useFieldStore((state) => state.setDraft);
  const place = () => {
    setDraft(null);
    freeTheMap();
    setMapTool({
      id: 'field-event',
      hintKey: 'field.event.placeHint',
      onClick: (lonLat) => {
        setDraft({ type: 'event', lonLat });
        useUiStore.getState().setMapTool(null);
      },
    });
  };
  return (
    <div className="field-actions">
      <button type="button" className="primary" onClick={place}>
        {t('field.event.report')}
      </button>
      <StatusLegend kind="event" />
      {draft?.type === 'event' && (
        <EventForm key={draft.lonLat.join()} lonLat={draft.lonLat} onClose={() => setDraft(null)} />
      )}
    </div>
  );
}

/** Status colours of events or sites, as on the map. */
export function StatusLegend({ kind }: { readonly kind: 'event' | 'site' }) {
  const t = useT();
  const statuses = kind === 'event' ? STATUSES : (['planned', 'in-progress', 'done', 'failed'] as const);
  return (
    <ul className="field-legend" aria-label={t('field.legend')}>
      {statuses.map((status) => (
        <li key={status}>
          <span className={`field-dot field-${kind}-${status}`} aria-hidden="true" />
          {t(`registers.${kind === 'event' ? 'eventStatus' : 'siteStatus'}.${status}`)}
        </li>
      ))}
    </ul>
  );
}

function EventForm({ lonLat, onClose }: { readonly lonLat: [number, number]; readonly onClose: () => void }) {
  const t = useT();
  const { repository } = useSession();
  const clock = useBasinClock();
  const select = useUiStore((state) => state.select);
  const { result: snap, toleranceM } = useEventSnap(lonLat);
  const [observedAt, setObservedAt] = useState(() => localInputOf(new Date(), clock.offsetMinutes));
  const [pollutantClass, setPollutantClass] = useState<(typeof POLLUTANT_CLASSES)[number]>('sewage');
  const [suspectedSource, setSuspectedSource] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('open');
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const observedIso = isoOfLocalInput(observedAt, clock.offsetMinutes);
    if (!observedIso) return setError(t('field.form.badTime'));
    const photoProblem = checkPhotos(photos);
    if (photoProblem) return setError(t.message(photoProblem));
    setSaving(true);
    const stored = await storePhotos(repository, photos);
    if (!stored.ok) {
      setSaving(false);
      return setError(t.message(stored.error));
    }
    const result = await repository.create(
      'contaminationEvents',
      {
        location: lonLat,
        snap: snap.ok
          ? { reachId: snap.position.reachId, fraction: snap.position.fraction, distanceM: snap.distanceM }
          : null,
        observedAt: observedIso,
        pollutantClass,
        suspectedSource: suspectedSource.trim(),
        description: description.trim(),
        status,
        closedAt: status === 'remediated' ? observedIso : null,
        notifications: [],
        photoIds: stored.ids,
      },
      currentActor(),
    );
    setSaving(false);
    if (!result.ok) return setError(problemsText(t, result.problems));
    onClose();
    select({ type: 'record', kind: 'contaminationEvents', id: result.value.id });
  };

  return (
    <form className="field-form" onSubmit={(event) => void save(event)} aria-labelledby="field-event-form-title">
      <h3 id="field-event-form-title">{t('field.event.newTitle')}</h3>
      <p className="field-hint">
        {t('field.event.placedAt', {
          lat: formatNumber(lonLat[1], t.locale, 5),
          lon: formatNumber(lonLat[0], t.locale, 5),
        })}{' '}
        {snap.ok
          ? t('field.event.onRiver', { meters: Math.round(snap.distanceM) })
          : t('field.event.offRiver', { meters: Math.round(toleranceM) })}
      </p>
      <label className="field-wide">
        {t('field.event.observedAt')}
        <input
          type="datetime-local"
          value={observedAt}
          onChange={(event) => setObservedAt(event.target.value)}
          required
        />
      </label>
      <label>
        {t('field.event.pollutantClass')}
        <select
          value={pollutantClass}
          onChange={(event) => setPollutantClass(event.target.value as typeof pollutantClass)}
        >
          {POLLUTANT_CLASSES.map((option) => (
            <option key={option} value={option}>
              {t(`registers.pollutant.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-wide">
        {t('field.event.suspectedSource')}
        <input
          type="text"
          value={suspectedSource}
          maxLength={500}
          onChange={(event) => setSuspectedSource(event.target.value)}
        />
      </label>
      <label className="field-wide">
        {t('field.event.description')}
        <textarea
          value={description}
          maxLength={5000}
          rows={3}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <label>
        {t('field.event.statusLabel')}
        <select value={status} onChange={(event) => setStatus(event.target.value as typeof status)}>
          {STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`registers.eventStatus.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <PhotoPicker files={photos} onChange={setPhotos} />
      <FormError text={error} />
      <FormButtons onCancel={onClose} saving={saving} />
    </form>
  );
}

/** Candidates for warnings: every community's anchor on the river and every snapped intake. */
function useDownstreamCandidates(): DownstreamCandidate[] | undefined {
  const { db, communityPositions } = useSession();
  const intakes = useLiveQuery(() => db.recordTable('intakes').toArray(), [db]);
  return useMemo(() => {
    if (!intakes) return undefined;
    const candidates: DownstreamCandidate[] = Object.entries(communityPositions).map(([communityId, position]) => ({
      type: 'community',
      id: communityId,
      communityId,
      position,
    }));
    for (const intake of intakes) {
      if (!intake.deleted && intake.snap)
        candidates.push({ type: 'intake', id: intake.id, communityId: intake.communityId, position: intake.snap });
    }
    return candidates;
  }, [intakes, communityPositions]);
}

/** The event's panel section: status, photos, who is downstream and when the water arrives, warnings sent. */
export function EventSection({ id }: { readonly id: string }) {
  const t = useT();
  const { db } = useSession();
  const event = useLiveQuery(() => db.recordTable('contaminationEvents').get(id), [db, id]);
  if (!event || event.deleted) return null;
  return (
    <div className="field-section">
      <EventStatus event={event} />
      {event.photoIds.length > 0 && (
        <section aria-labelledby="field-event-photos">
          <h3 id="field-event-photos">{t('field.photos.title')}</h3>
          <PhotoStrip ids={event.photoIds} />
        </section>
      )}
      <AddPhotos event={event} />
      <Downstream event={event} />
      <Warnings event={event} />
    </div>
  );
}

function EventStatus({ event }: { readonly event: ContaminationEvent }) {
  const t = useT();
  const { repository } = useSession();
  const [error, setError] = useState<string | null>(null);
  const change = async (status: (typeof STATUSES)[number]) => {
    const closedAt = status === 'remediated' ? (event.closedAt ?? new Date().toISOString()) : null;
    const result = await repository.update('contaminationEvents', event.id, { status, closedAt }, currentActor(), {
      expectedVersion: event.version,
    });
    setError(result.ok ? null : problemsText(t, result.problems));
  };
  return (
    <div className="field-row">
      <label>
        {t('field.event.statusLabel')}
        <select
          value={event.status}
          onChange={(change_) => void change(change_.target.value as (typeof STATUSES)[number])}
        >
          {STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`registers.eventStatus.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <FormError text={error} />
    </div>
  );
}

function AddPhotos({ event }: { readonly event: ContaminationEvent }) {
  const t = useT();
  const { repository } = useSession();
  const [error, setError] = useState<string | null>(null);
  const add = async (files: File[]) => {
    if (files.length === 0) return;
    const problem = checkPhotos(files);
    if (problem) return setError(t.message(problem));
    const stored = await storePhotos(repository, files);
    if (!stored.ok) return setError(t.message(stored.error));
    const result = await repository.update(
      'contaminationEvents',
      event.id,
      { photoIds: [...event.photoIds, ...stored.ids] },
      currentActor(),
      {
        expectedVersion: event.version,
      },
    );
    setError(result.ok ? null : problemsText(t, result.problems));
  };
  return (
    <div className="field-row">
      <label className="field-file-button">
        <span className="field-file-face">{t('field.photos.add')}</span>
        <input
          type="file"
          accept="image/*"
          multiple
          onChange={(change) => void add(Array.from(change.target.files ?? []))}
        />
      </label>
      <FormError text={error} />
    </div>
  );
}

function Downstream({ event }: { readonly event: ContaminationEvent }) {
  const t = useT();
  const { network, basin, db } = useSession();
  const names = useCommunityNames();
  const intakes = useLiveQuery(() => db.recordTable('intakes').toArray(), [db]);
  const candidates = useDownstreamCandidates();
  const km = useFieldStore((state) => state.downstreamKm);
  const setKm = useFieldStore((state) => state.setDownstreamKm);
  const [text, setText] = useState(() => formatNumber(km, t.locale, 1));
  const [warnFor, setWarnFor] = useState<string | null>(null);
  const velocity = basin.info.settings.flowVelocityMs;

  // Show the event and the river below it once, when its panel opens (not again while the distance is edited).
  const eventId = event.id;
  useEffect(() => {
    const map = currentMap();
    if (!map) return;
    if (!event.snap) return map.flyTo(event.location, 13);
    const lines = downstreamReachLines(network, event.snap, useFieldStore.getState().downstreamKm);
    const box: [number, number, number, number] = [
      event.location[0],
      event.location[1],
      event.location[0],
      event.location[1],
    ];
    for (const feature of lines.features) {
      for (const [lon, lat] of feature.geometry.coordinates as [number, number][]) {
        box[0] = Math.min(box[0], lon);
        box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon);
        box[3] = Math.max(box[3], lat);
      }
    }
    map.fitBounds(box, 50);
    // Only the event's identity matters here; its edits (a warning, a photo) must not move the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [eventId]);

  const targets = useMemo(
    () =>
      event.snap && candidates
        ? downstreamTargets(network, event.snap, candidates, { maxKm: km, flowVelocityMs: velocity })
        : [],
    [event.snap, candidates, network, km, velocity],
  );
  const intakeNames = useMemo(() => new Map((intakes ?? []).map((intake) => [intake.id, intake.name])), [intakes]);
  const warned = new Set(event.notifications.map((notification) => notification.communityId));

  if (!event.snap) {
    return (
      <section aria-labelledby="field-downstream-title">
        <h3 id="field-downstream-title">{t('field.downstream.title')}</h3>
        <p className="field-hint">{t('field.downstream.notOnRiver')}</p>
      </section>
    );
  }

  const applyKm = (value: string) => {
    setText(value);
    const parsed = parseLocaleNumber(value, decimalSeparatorOf(t.locale));
    if (parsed.ok && parsed.value > 0 && parsed.value <= 1000) setKm(parsed.value);
  };

  return (
    <section aria-labelledby="field-downstream-title">
      <h3 id="field-downstream-title">{t('field.downstream.title')}</h3>
      <label className="field-inline">
        {t('field.downstream.distance')}
        <input
          type="text"
          inputMode="decimal"
          size={5}
          value={text}
          onChange={(change) => applyKm(change.target.value)}
        />
        {'km'}
      </label>
      <p className="field-hint">
        {t('field.downstream.velocityNote', { velocity: formatNumber(velocity, t.locale, 2) })}
      </p>
      {targets.length === 0 ? (
        <p>{t('field.downstream.none')}</p>
      ) : (
        <table className="field-table" aria-label={t('field.downstream.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('field.downstream.who')}</th>
              <th scope="col">{t('field.downstream.distanceColumn')}</th>
              <th scope="col">{t('field.downstream.arrival')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('field.warning.columnLabel')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {targets.map((target) => {
              const community = names.get(target.communityId) ?? target.communityId;
              return (
                <tr key={`${target.type}:${target.id}`}>
                  <td>
                    {target.type === 'community' ? (
                      <strong>{community}</strong>
                    ) : (
                      <span className="field-intake">
                        {intakeNames.get(target.id) ?? target.id}
                        {!(intakeNames.get(target.id) ?? '').includes(community) && (
                          <small className="field-sub">{t('field.downstream.intakeOf', { community })}</small>
                        )}
                      </span>
                    )}
                  </td>
                  <td className="field-number field-nowrap">{formatKm(t, target.distanceKm)}</td>
                  <td className="field-number field-nowrap">{formatTravel(t, target.arrivalSeconds)}</td>
                  <td>
                    {target.type === 'community' &&
                      (warned.has(target.communityId) ? (
                        <span className="field-ok">{t('field.warning.done')}</span>
                      ) : (
                        <button
                          type="button"
                          className="field-warn-button"
                          onClick={() => setWarnFor(target.communityId)}
                        >
                          {t('field.warning.record')}
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {warnFor && <WarningForm key={warnFor} event={event} communityId={warnFor} onClose={() => setWarnFor(null)} />}
    </section>
  );
}

function WarningForm({
  event,
  communityId,
  onClose,
}: {
  readonly event: ContaminationEvent;
  readonly communityId: string;
  readonly onClose: () => void;
}) {
  const t = useT();
  const { repository } = useSession();
  const clock = useBasinClock();
  const names = useCommunityNames();
  const [who, setWho] = useState(communityId);
  const [sentAt, setSentAt] = useState(() => localInputOf(new Date(), clock.offsetMinutes));
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('phone');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (submit: React.FormEvent) => {
    submit.preventDefault();
    const sentIso = isoOfLocalInput(sentAt, clock.offsetMinutes);
    if (!sentIso) return setError(t('field.form.badTime'));
    const notification = { communityId: who, sentAt: sentIso, channel, ...(note.trim() ? { note: note.trim() } : {}) };
    const result = await repository.update(
      'contaminationEvents',
      event.id,
      { notifications: [...event.notifications, notification] },
      currentActor(),
      { expectedVersion: event.version },
    );
    if (!result.ok) return setError(problemsText(t, result.problems));
    onClose();
  };
  return (
    <form className="field-form" onSubmit={(submit) => void save(submit)} aria-labelledby="field-warning-title">
      <h4 id="field-warning-title">{t('field.warning.title')}</h4>
      <label>
        {t('field.warning.to')}
        <select value={who} onChange={(change) => setWho(change.target.value)}>
          {[...names].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field-wide">
        {t('field.warning.when')}
        <input type="datetime-local" value={sentAt} onChange={(change) => setSentAt(change.target.value)} required />
      </label>
      <label>
        {t('field.warning.how')}
        <select value={channel} onChange={(change) => setChannel(change.target.value as typeof channel)}>
          {CHANNELS.map((option) => (
            <option key={option} value={option}>
              {t(`field.warning.channel.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-wide">
        {t('field.warning.note')}
        <input type="text" value={note} maxLength={1000} onChange={(change) => setNote(change.target.value)} />
      </label>
      <FormError text={error} />
      <FormButtons onCancel={onClose} saveKey="field.warning.save" />
    </form>
  );
}

function Warnings({ event }: { readonly event: ContaminationEvent }) {
  const t = useT();
  const names = useCommunityNames();
  const clock = useBasinClock();
  const sorted = [...event.notifications].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  return (
    <section aria-labelledby="field-warnings-title">
      <h3 id="field-warnings-title">{t('field.warning.listTitle', { count: sorted.length })}</h3>
      {sorted.length === 0 ? (
        <p className="field-hint">{t('field.warning.noneYet')}</p>
      ) : (
        <ul className="field-list">
          {sorted.map((notification, index) => (
            <li key={`${notification.communityId}-${notification.sentAt}-${index}`}>
              <strong>{names.get(notification.communityId) ?? notification.communityId}</strong>
              {' · '}
              {formatDateTime(notification.sentAt, t.locale, clock.timeZone)}
              {' · '}
              {t(`field.warning.channel.${notification.channel}`)}
              {notification.note && <small className="field-sub">{notification.note}</small>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
