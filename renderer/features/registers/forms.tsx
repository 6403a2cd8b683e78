import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { Community, Intake, Withdrawal } from '../../../src/domain/records';
import { formatNumber } from '../../../src/i18n/format';
import { toCanonicalUnit, unitsOf, type UnitId } from '../../../src/domain/units';
import type { CodedMessage } from '../../../src/i18n/translate';
import type { StoreProblem } from '../../../src/ports/repository';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { currentActor } from '../../session/session';
import { useUiStore } from '../../state/ui-store';
import { WithdrawalWhatIf } from '../findings/what-if';
import { placeOnRiver } from './actions';
import {
  readCommunityForm,
  readWithdrawalForm,
  localDay,
  type FormErrors,
  type WithdrawalFormValues,
} from './form-values';
import { useRegistersStore, type Placement } from './registers-store';
import { unitSymbol } from './register-kinds';
import { useLookups } from './use-register-data';

/*
 * The forms of the registers: community, intake (placed on the map and snapped to the river), withdrawal (volume,
 * or a rate held for some hours). Each creates version 1, or, given a record, writes a new version of it with the
 * version the user saw, so a change made meanwhile on another laptop shows as a conflict, never overwritten.
 */

/** Props every form takes: the record to edit (none to create), and what to do when done. */
interface FormProps<R> {
  readonly record?: R;
  onDone(saved: { readonly id: string } | null): void;
}

/** A labelled field with its error under it. */
function Field({
  label,
  error,
  children,
  hint,
}: {
  readonly label: string;
  readonly error?: CodedMessage;
  readonly hint?: string;
  readonly children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const t = useT();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'form-field invalid' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, error ? errorId : undefined)}
      {hint && !error && <small className="hint">{hint}</small>}
      {error && (
        <small id={errorId} className="field-error" role="alert">
          {t.message(error)}
        </small>
      )}
    </div>
  );
}

/** Problems the store answered, in the user's language. */
function StoreProblems({ problems }: { readonly problems: readonly StoreProblem[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div className="form-problems" role="alert">
      {problems.map((problem, index) => (
        <p key={index}>{t.message(problem)}</p>
      ))}
    </div>
  );
}

function FormButtons({
  saving,
  editing,
  onCancel,
}: {
  readonly saving: boolean;
  readonly editing: boolean;
  onCancel(): void;
}) {
  const t = useT();
  return (
    <div className="form-buttons">
      <button type="submit" className="primary" disabled={saving}>
        {t(editing ? 'registers.form.saveChanges' : 'registers.form.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('registers.form.cancel')}
      </button>
    </div>
  );
}

/** Creates or edits a community: name, population (and women), contacts. */
export function CommunityForm({ record, onDone }: FormProps<Community>) {
  const t = useT();
  const { repository } = useSession();
  const [values, setValues] = useState({
    name: record?.name ?? '',
    population: record ? formatNumber(record.population, t.locale, 0) : '',
    populationWomen: record?.populationWomen === undefined ? '' : formatNumber(record.populationWomen, t.locale, 0),
    contacts: record?.contacts ?? '',
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [problems, setProblems] = useState<readonly StoreProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => {
    setValues({ ...values, [field]: event.target.value });
    setErrors((old) => Object.fromEntries(Object.entries(old).filter(([name]) => name !== field)));
  };

  const submit = async () => {
    const read = readCommunityForm(values, t.locale);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const result = record
      ? await repository.update('communities', record.id, read.fields, currentActor(), {
          expectedVersion: record.version,
        })
      : await repository.create('communities', { ...read.fields, territory: null }, currentActor());
    setSaving(false);
    if (result.ok) onDone({ id: result.value.id });
    else setProblems(result.problems);
  };

  return (
    <form className="register-form" onSubmit={(event) => (event.preventDefault(), void submit())} noValidate>
      <h3>{t(record ? 'registers.form.editCommunity' : 'registers.form.newCommunity')}</h3>
      <Field label={t('registers.field.name')} error={errors['name']}>
        {(id, describedBy) => (
          <input id={id} aria-describedby={describedBy} value={values.name} onChange={set('name')} autoComplete="off" />
        )}
      </Field>
      <Field label={t('registers.field.population')} error={errors['population']}>
        {(id, describedBy) => (
          <input
            id={id}
            aria-describedby={describedBy}
            inputMode="numeric"
            value={values.population}
            onChange={set('population')}
          />
        )}
      </Field>
      <Field
        label={t('registers.field.populationWomen')}
        error={errors['populationWomen']}
        hint={t('registers.form.optional')}
      >
        {(id, describedBy) => (
          <input
            id={id}
            aria-describedby={describedBy}
            inputMode="numeric"
            value={values.populationWomen}
            onChange={set('populationWomen')}
          />
        )}
      </Field>
      <Field label={t('registers.field.contacts')} error={errors['contacts']}>
        {(id, describedBy) => (
          <textarea
            id={id}
            aria-describedby={describedBy}
            rows={3}
            value={values.contacts}
            onChange={set('contacts')}
          />
        )}
      </Field>
      <StoreProblems problems={problems} />
      <FormButtons saving={saving} editing={record !== undefined} onCancel={() => onDone(null)} />
    </form>
  );
}

const USES = ['domestic', 'irrigation', 'livestock', 'industry'] as const;

/** Starts the map tool that places (or moves) an intake; the click is snapped to the river at once. */
function usePlacementTool() {
  const session = useSession();
  const setMapTool = useUiStore((state) => state.setMapTool);
  const setPlacement = useRegistersStore((state) => state.setPlacement);
  const tool = useUiStore((state) => state.mapTool);
  const start = () =>
    setMapTool({
      id: 'registers.place-intake',
      hintKey: 'registers.intake.placeHint',
      onClick: (lonLat) => {
        setPlacement(placeOnRiver(session, lonLat));
        setMapTool(null);
      },
    });
  useEffect(
    () => () => {
      // Leaving the form ends the tool and clears the marker.
      if (useUiStore.getState().mapTool?.id === 'registers.place-intake') setMapTool(null);
      useRegistersStore.getState().setPlacement(null);
    },
    [setMapTool],
  );
  return { start, active: tool?.id === 'registers.place-intake' };
}

function PlacementSummary({ placement }: { readonly placement: Placement }) {
  const t = useT();
  const [lon, lat] = placement.clicked;
  return (
    <div className="placement" role="status">
      <p>
        {t('registers.intake.clickedAt', { lat: formatNumber(lat, t.locale, 5), lon: formatNumber(lon, t.locale, 5) })}
      </p>
      {placement.snapped ? (
        <p className="ok">
          {t('registers.intake.snapped', {
            distance: formatNumber(placement.snapped.distanceM, t.locale, 0),
            reach: placement.snapped.reachId,
          })}
        </p>
      ) : (
        <p className="field-error">
          {placement.tooFarM === null
            ? t('registers.intake.noRiver')
            : t('registers.intake.tooFar', { distance: formatNumber(placement.tooFarM, t.locale, 0) })}
        </p>
      )}
    </div>
  );
}

/**
 * Creates or edits an intake. Its location is placed by clicking the map and snapped to the nearest river within
 * the basin's tolerance; once saved it is locked: editing the other fields never moves it, only "Move" does.
 */
export function IntakeForm({ record, onDone }: FormProps<Intake>) {
  const t = useT();
  const session = useSession();
  const lookups = useLookups();
  const placement = useRegistersStore((state) => state.placement);
  const { start, active } = usePlacementTool();
  const [moving, setMoving] = useState(false);
  const [values, setValues] = useState({
    name: record?.name ?? '',
    communityId: record?.communityId ?? '',
    use: record?.use ?? 'domestic',
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [problems, setProblems] = useState<readonly StoreProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const communities = useMemo(
    () =>
      [...lookups.communities.values()]
        .filter((community) => !community.deleted)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [lookups],
  );
  const placing = record === undefined || moving;
  // A message about the location holds only until the intake is placed (on a river).
  const locationError =
    errors['location']?.code === 'registers.intake.placeFirst' && placement
      ? undefined
      : errors['location']?.code === 'registers.intake.mustSnap' && placement?.snapped
        ? undefined
        : errors['location'];

  const submit = async () => {
    const found: Record<string, CodedMessage> = {};
    if (values.name.trim() === '') found['name'] = { code: 'registers.form.required' };
    if (!values.communityId) found['communityId'] = { code: 'registers.form.chooseCommunity' };
    if (placing && !placement) found['location'] = { code: 'registers.intake.placeFirst' };
    else if (placing && placement && !placement.snapped) found['location'] = { code: 'registers.intake.mustSnap' };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const fields = { name: values.name.trim(), communityId: values.communityId, use: values.use };
    const where =
      placing && placement?.snapped
        ? {
            location: placement.clicked,
            snap: {
              reachId: placement.snapped.reachId,
              fraction: placement.snapped.fraction,
              distanceM: Math.round(placement.snapped.distanceM * 10) / 10,
            },
          }
        : null;
    setSaving(true);
    const actor = currentActor();
    const result = record
      ? await session.repository.update('intakes', record.id, { ...fields, ...(where ?? {}) }, actor, {
          expectedVersion: record.version,
          moveLocation: where !== null,
        })
      : await session.repository.create(
          'intakes',
          { ...fields, ...(where as NonNullable<typeof where>), returnLocation: null, returnSnap: null },
          actor,
        );
    setSaving(false);
    if (result.ok) onDone({ id: result.value.id });
    else setProblems(result.problems);
  };

  return (
    <form className="register-form" onSubmit={(event) => (event.preventDefault(), void submit())} noValidate>
      <h3>{t(record ? 'registers.form.editIntake' : 'registers.form.newIntake')}</h3>
      <Field label={t('registers.field.name')} error={errors['name']}>
        {(id, describedBy) => (
          <input
            id={id}
            aria-describedby={describedBy}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
            autoComplete="off"
          />
        )}
      </Field>
      <Field label={t('registers.field.community')} error={errors['communityId']}>
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={values.communityId}
            onChange={(event) => setValues({ ...values, communityId: event.target.value })}
          >
            <option value="">{t('registers.form.choose')}</option>
            {communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('registers.field.use')}>
        {(id) => (
          <select
            id={id}
            value={values.use}
            onChange={(event) => setValues({ ...values, use: event.target.value as Intake['use'] })}
          >
            {USES.map((use) => (
              <option key={use} value={use}>
                {t(`registers.use.${use}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="form-field location">
        <legend>{t('registers.field.location')}</legend>
        {record && !moving && (
          <>
            <p className="locked">
              {t('registers.intake.locked', {
                lat: formatNumber(record.location[1], t.locale, 5),
                lon: formatNumber(record.location[0], t.locale, 5),
              })}
            </p>
            <button type="button" onClick={() => (setMoving(true), start())}>
              {t('registers.intake.move')}
            </button>
          </>
        )}
        {placing && (
          <>
            {placement && <PlacementSummary placement={placement} />}
            <button type="button" onClick={start} aria-pressed={active}>
              {t(placement ? 'registers.intake.placeAgain' : 'registers.intake.place')}
            </button>
          </>
        )}
        {locationError && (
          <small className="field-error" role="alert">
            {t.message(locationError)}
          </small>
        )}
      </fieldset>
      <StoreProblems problems={problems} />
      <FormButtons saving={saving} editing={record !== undefined} onCancel={() => onDone(null)} />
    </form>
  );
}

const VOLUME_UNITS = unitsOf('volume');
const RATE_UNITS = unitsOf('rate');

/**
 * Registers or edits a withdrawal: intake, period (first and last day), a volume (m3, L, ML) or a rate (L/s, m3/h,
 * m3/s) held for some hours, meter or estimate, and who reports it. Numbers are typed as the user's language
 * writes them. The findings module previews which findings saving it would raise or clear.
 */
export function WithdrawalForm({ record, onDone }: FormProps<Withdrawal>) {
  const t = useT();
  const session = useSession();
  const lookups = useLookups();
  const offset = session.basin.info.settings.utcOffsetMinutes;
  const today = localDay(new Date().toISOString(), offset);
  const hoursOf = (withdrawal: Withdrawal) =>
    (Date.parse(withdrawal.periodEnd) - Date.parse(withdrawal.periodStart)) / 3_600_000;
  const [values, setValues] = useState<WithdrawalFormValues>(() => ({
    intakeId: record?.intakeId ?? '',
    startDay: record ? localDay(record.periodStart, offset) : today,
    endDay: record ? localDay(record.periodEnd, offset) : today,
    quantity: record?.entered.quantity ?? 'volume',
    amount: record ? formatNumber(record.entered.value, t.locale, 6) : '',
    unit: (record?.entered.unit as UnitId | undefined) ?? 'm3',
    hours:
      record?.entered.quantity === 'rate' && record.entered.value > 0
        ? formatNumber(
            (record.volumeM3 * 1000) / toCanonicalUnit(record.entered.value, record.entered.unit as UnitId) / 3600,
            t.locale,
            2,
          )
        : record
          ? formatNumber(hoursOf(record), t.locale, 2)
          : '',
    method: record?.method ?? 'meter',
    reporter: record?.reporter ?? currentActor().name,
  }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [problems, setProblems] = useState<readonly StoreProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const intakes = useMemo(
    () =>
      [...lookups.intakes.values()].filter((intake) => !intake.deleted).sort((a, b) => a.name.localeCompare(b.name)),
    [lookups],
  );
  const read = useMemo(() => readWithdrawalForm(values, t.locale, offset), [values, t.locale, offset]);
  const whatIfDraft = useMemo(() => {
    if (!read.ok) return null;
    const actor = currentActor();
    const now = new Date().toISOString();
    return {
      ...read.draft,
      createdAt: record?.createdAt ?? now,
      updatedAt: now,
      author: record?.author ?? actor.name,
      device: actor.device,
      deleted: false,
      reviewState: 'received' as const,
    };
  }, [read, record]);
  const set = <K extends keyof WithdrawalFormValues>(field: K, value: WithdrawalFormValues[K]) => {
    setValues((old) => ({ ...old, [field]: value }));
    // A message about a field goes once the field is changed; saving checks everything again.
    setErrors((old) =>
      field in old ? Object.fromEntries(Object.entries(old).filter(([name]) => name !== field)) : old,
    );
  };

  const submit = async () => {
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const actor = currentActor();
    const result = record
      ? await session.repository.update('withdrawals', record.id, read.draft, actor, {
          expectedVersion: record.version,
        })
      : await session.repository.create('withdrawals', read.draft, actor);
    setSaving(false);
    if (result.ok) onDone({ id: result.value.id });
    else setProblems(result.problems);
  };

  const units = values.quantity === 'volume' ? VOLUME_UNITS : RATE_UNITS;
  return (
    <form className="register-form" onSubmit={(event) => (event.preventDefault(), void submit())} noValidate>
      <h3>{t(record ? 'registers.form.editWithdrawal' : 'registers.form.newWithdrawal')}</h3>
      <Field label={t('registers.field.intake')} error={errors['intakeId']}>
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={values.intakeId}
            onChange={(event) => set('intakeId', event.target.value)}
          >
            <option value="">{t('registers.form.choose')}</option>
            {intakes.map((intake) => (
              <option key={intake.id} value={intake.id}>
                {intake.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-row">
        <Field label={t('registers.field.firstDay')} error={errors['startDay']}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="date"
              value={values.startDay}
              onChange={(event) => set('startDay', event.target.value)}
            />
          )}
        </Field>
        <Field label={t('registers.field.lastDay')} error={errors['endDay']}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="date"
              value={values.endDay}
              onChange={(event) => set('endDay', event.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset className="form-field quantity">
        <legend>{t('registers.field.howMuch')}</legend>
        <label>
          <input
            type="radio"
            name="quantity"
            checked={values.quantity === 'volume'}
            onChange={() => setValues((old) => ({ ...old, quantity: 'volume', unit: 'm3' }))}
          />
          {t('registers.form.byVolume')}
        </label>
        <label>
          <input
            type="radio"
            name="quantity"
            checked={values.quantity === 'rate'}
            onChange={() => setValues((old) => ({ ...old, quantity: 'rate', unit: 'L/s' }))}
          />
          {t('registers.form.byRate')}
        </label>
      </fieldset>
      <div className="form-row">
        <Field
          label={t(values.quantity === 'volume' ? 'registers.field.volume' : 'registers.field.rate')}
          error={errors['amount']}
        >
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              inputMode="decimal"
              value={values.amount}
              onChange={(event) => set('amount', event.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t('registers.field.unit')}>
          {(id) => (
            <select id={id} value={values.unit} onChange={(event) => set('unit', event.target.value as UnitId)}>
              {units.map((unit) => (
                <option key={unit} value={unit}>
                  {unitSymbol(unit, t.locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {values.quantity === 'rate' && (
        <Field label={t('registers.field.hours')} error={errors['hours']} hint={t('registers.form.hoursHint')}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              inputMode="decimal"
              value={values.hours}
              onChange={(event) => set('hours', event.target.value)}
            />
          )}
        </Field>
      )}
      {read.ok && (
        <p className="computed" role="status">
          {t('registers.form.volumeIs', { volume: formatNumber(read.draft.volumeM3, t.locale, 1) })}
        </p>
      )}
      <Field label={t('registers.field.method')}>
        {(id) => (
          <select
            id={id}
            value={values.method}
            onChange={(event) => set('method', event.target.value as 'meter' | 'estimate')}
          >
            <option value="meter">{t('registers.method.meter')}</option>
            <option value="estimate">{t('registers.method.estimate')}</option>
          </select>
        )}
      </Field>
      <Field label={t('registers.field.reporter')} error={errors['reporter']}>
        {(id, describedBy) => (
          <input
            id={id}
            aria-describedby={describedBy}
            value={values.reporter}
            onChange={(event) => set('reporter', event.target.value)}
          />
        )}
      </Field>
      <WithdrawalWhatIf draft={whatIfDraft} {...(record ? { replacesId: record.id } : {})} />
      <StoreProblems problems={problems} />
      <FormButtons saving={saving} editing={record !== undefined} onCancel={() => onDone(null)} />
    </form>
  );
}
