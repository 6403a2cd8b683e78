import { useId, useState } from 'react';
import { decimalSeparatorOf, formatNumber } from '../../../src/i18n/format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { getAt, parseLocaleNumber, setAt } from './agreement-edit';
import { OPTION_LABELS, SOURCE_OPTIONS, type FieldSpec, type FieldUnit, type Source } from './clause-fields';

/*
 * One renderer for every clause kind's form (clause-fields.ts). Numbers are typed in the user's locale; lists of
 * intakes, points and protected places can be picked on the map with a map tool.
 */

/** A named place a form can pick. */
export interface NamedPlace {
  readonly id: string;
  readonly name: string;
  readonly location?: readonly [number, number];
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * An ISO date-time as a datetime-local input shows it, in the basin's local time.
 * @example toLocalInput('2026-04-06T11:00:00Z', -300) === '2026-04-06T06:00'
 */
export function toLocalInput(iso: string, utcOffsetMinutes: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 16);
}

/**
 * A datetime-local value read in the basin's local time, as an ISO date-time with the basin's offset.
 * @example fromLocalInput('2026-04-06T06:00', -300) === '2026-04-06T06:00:00-05:00'
 */
export function fromLocalInput(local: string, utcOffsetMinutes: number): string {
  return `${local.slice(0, 16)}:00${offsetText(utcOffsetMinutes)}`;
}

/** What the form picks from. */
export interface FormOptions {
  readonly communities: readonly NamedPlace[];
  readonly intakes: readonly NamedPlace[];
  readonly points: readonly NamedPlace[];
  readonly parameters: readonly string[];
  /** The basin's offset from UTC, minutes; date-times are typed in the basin's local time. */
  readonly utcOffsetMinutes?: number;
}

type Path = readonly (string | number)[];

interface Context {
  readonly root: unknown;
  readonly options: FormOptions;
  readonly readOnly: boolean;
  readonly onChange: (path: Path, value: unknown) => void;
}

const UNIT_SYMBOLS: Readonly<Record<Exclude<FieldUnit, 'days' | 'plants'>, string>> = {
  m3: 'm³',
  m3s: 'm³/s',
  pct: '%',
  h: 'h',
  min: 'min',
  km: 'km',
  m: 'm',
  ha: 'ha',
};

/**
 * The place nearest a click, within about 1.5 km, or null.
 * @example nearestPlace([{ id: 'a', name: 'A', location: [-75, 5] }], [-75.001, 5]) // { id: 'a', ... }
 */
export function nearestPlace(places: readonly NamedPlace[], lonLat: readonly [number, number]): NamedPlace | null {
  const cosLat = Math.cos((lonLat[1] * Math.PI) / 180);
  let best: NamedPlace | null = null;
  let bestKm = 1.5;
  for (const place of places) {
    if (!place.location) continue;
    const dx = (place.location[0] - lonLat[0]) * 111.32 * cosLat;
    const dy = (place.location[1] - lonLat[1]) * 110.57;
    const km = Math.hypot(dx, dy);
    if (km < bestKm) {
      bestKm = km;
      best = place;
    }
  }
  return best;
}

function useUnitLabel(): (unit: FieldUnit | undefined) => string {
  const t = useT();
  return (unit) =>
    unit === undefined ? '' : unit === 'days' || unit === 'plants' ? t(`agreement.unit.${unit}`) : UNIT_SYMBOLS[unit];
}

function sourceOf(source: Source, root: unknown): Exclude<Source, 'subjects'> {
  if (source !== 'subjects') return source;
  return getAt(root, ['scope']) === 'intake' ? 'intakes' : 'communities';
}

function optionsOf(
  source: Exclude<Source, 'subjects'>,
  options: FormOptions,
  label: (key: string) => string,
): { id: string; name: string }[] {
  if (source === 'communities' || source === 'intakes' || source === 'points')
    return options[source].map((place) => ({ id: place.id, name: place.name }));
  const ids = source === 'parameters' ? options.parameters : (SOURCE_OPTIONS[source] ?? []);
  return ids.map((id) => ({ id, name: label(`${OPTION_LABELS[source]}${id}`) }));
}

function NumberInput({
  id,
  value,
  integer,
  nullable,
  readOnly,
  onChange,
}: {
  id: string;
  value: number | null;
  integer?: boolean;
  nullable?: boolean;
  readOnly: boolean;
  onChange: (value: number | null) => void;
}) {
  const t = useT();
  const shown = value === null ? '' : formatNumber(value, t.locale, 6).replace(/\u00a0|\s/g, '');
  const [text, setText] = useState<string | null>(null);
  const current = text ?? shown;
  const parsed = parseLocaleNumber(current, decimalSeparatorOf(t.locale));
  const invalid =
    current.trim() === '' ? !nullable : parsed === null || (integer === true && !Number.isInteger(parsed));
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      value={current}
      readOnly={readOnly}
      aria-invalid={invalid}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        if (next.trim() === '' && nullable) onChange(null);
        else {
          const number = parseLocaleNumber(next, decimalSeparatorOf(t.locale));
          if (number !== null && (!integer || Number.isInteger(number))) onChange(number);
        }
      }}
      onBlur={() => setText(null)}
    />
  );
}

function IdsField({
  field,
  path,
  value,
  ctx,
}: {
  field: Extract<FieldSpec, { type: 'ids' }>;
  path: Path;
  value: string[] | null;
  ctx: Context;
}) {
  const t = useT();
  const source = sourceOf(field.source, ctx.root);
  const choices = optionsOf(source, ctx.options, t);
  const setTool = useUiStore((state) => state.setMapTool);
  const selected = new Set(value ?? []);
  const toggle = (id: string): void => {
    const next = selected.has(id) ? [...selected].filter((known) => known !== id) : [...selected, id];
    ctx.onChange(path, next);
  };
  return (
    <fieldset className="clause-field clause-ids">
      <legend>{t(`agreement.field.${field.key}`)}</legend>
      {field.nullable && (
        <label className="clause-all">
          <input
            type="checkbox"
            checked={value === null}
            disabled={ctx.readOnly}
            onChange={(event) => ctx.onChange(path, event.target.checked ? null : [])}
          />
          {t('agreement.all')}
        </label>
      )}
      {value !== null && (
        <div className="clause-choices">
          {choices.map((choice) => (
            <label key={choice.id}>
              <input
                type="checkbox"
                checked={selected.has(choice.id)}
                disabled={ctx.readOnly}
                onChange={() => toggle(choice.id)}
              />
              {choice.name}
            </label>
          ))}
          {[...selected]
            .filter((id) => !choices.some((choice) => choice.id === id))
            .map((id) => (
              <label key={id}>
                <input type="checkbox" checked disabled={ctx.readOnly} onChange={() => toggle(id)} />
                {id}
              </label>
            ))}
        </div>
      )}
      {field.pick && !ctx.readOnly && source === 'intakes' && (
        <button
          type="button"
          className="clause-pick"
          onClick={() =>
            setTool({
              id: 'agreement-pick-intake',
              hintKey: 'agreement.pick.intake',
              onClick: (lonLat) => {
                const place = nearestPlace(ctx.options.intakes, lonLat);
                if (place && !selected.has(place.id)) ctx.onChange(path, [...selected, place.id]);
                setTool(null);
              },
            })
          }
        >
          {t('agreement.pick.onMap')}
        </button>
      )}
    </fieldset>
  );
}

function ChoiceField({
  field,
  path,
  value,
  ctx,
  id,
}: {
  field: Extract<FieldSpec, { type: 'choice' }>;
  path: Path;
  value: string | null;
  ctx: Context;
  id: string;
}) {
  const t = useT();
  const source = sourceOf(field.source, ctx.root);
  const choices = optionsOf(source, ctx.options, t);
  const setTool = useUiStore((state) => state.setMapTool);
  const places = source === 'points' ? ctx.options.points : source === 'intakes' ? ctx.options.intakes : [];
  return (
    <span className="clause-choice">
      <select
        id={id}
        value={value ?? ''}
        disabled={ctx.readOnly}
        onChange={(event) => ctx.onChange(path, event.target.value === '' ? null : event.target.value)}
      >
        {(field.nullable || value === null || value === '') && <option value="">{t('agreement.value.unset')}</option>}
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
        {value && !choices.some((choice) => choice.id === value) && <option value={value}>{value}</option>}
      </select>
      {field.pick && !ctx.readOnly && (
        <button
          type="button"
          className="clause-pick"
          onClick={() =>
            setTool({
              id: 'agreement-pick-point',
              hintKey: 'agreement.pick.point',
              onClick: (lonLat) => {
                const place = nearestPlace(places, lonLat);
                if (place) ctx.onChange(path, place.id);
                setTool(null);
              },
            })
          }
        >
          {t('agreement.pick.onMap')}
        </button>
      )}
    </span>
  );
}

function SeasonField({
  field,
  path,
  value,
  ctx,
}: {
  field: Extract<FieldSpec, { type: 'season' }>;
  path: Path;
  value: { startMonthDay: string; endMonthDay: string } | null;
  ctx: Context;
}) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="clause-field clause-season">
      <legend>{t(`agreement.field.${field.key}`)}</legend>
      {field.nullable && (
        <label className="clause-all">
          <input
            type="checkbox"
            checked={value === null}
            disabled={ctx.readOnly}
            onChange={(event) =>
              ctx.onChange(path, event.target.checked ? null : { startMonthDay: '01-01', endMonthDay: '03-31' })
            }
          />
          {t('agreement.field.season.none')}
        </label>
      )}
      {value !== null && (
        <div className="clause-row">
          <label htmlFor={`${id}-from`}>{t('agreement.field.season.from')}</label>
          <input
            id={`${id}-from`}
            type="text"
            size={6}
            value={value.startMonthDay}
            readOnly={ctx.readOnly}
            onChange={(event) => ctx.onChange([...path, 'startMonthDay'], event.target.value)}
          />
          <label htmlFor={`${id}-to`}>{t('agreement.field.season.to')}</label>
          <input
            id={`${id}-to`}
            type="text"
            size={6}
            value={value.endMonthDay}
            readOnly={ctx.readOnly}
            onChange={(event) => ctx.onChange([...path, 'endMonthDay'], event.target.value)}
          />
        </div>
      )}
    </fieldset>
  );
}

function GeometryField({ path, value, ctx, id }: { path: Path; value: GeoJSON.Geometry; ctx: Context; id: string }) {
  const t = useT();
  const setTool = useUiStore((state) => state.setMapTool);
  const text =
    value.type === 'Point'
      ? t('agreement.pick.pointAt', {
          lon: formatNumber(value.coordinates[0]!, t.locale, 5),
          lat: formatNumber(value.coordinates[1]!, t.locale, 5),
        })
      : t('agreement.pick.polygon', { count: value.type === 'Polygon' ? (value.coordinates[0]?.length ?? 0) : 0 });
  return (
    <span className="clause-choice">
      <output id={id}>{text}</output>
      {!ctx.readOnly && (
        <button
          type="button"
          className="clause-pick"
          onClick={() =>
            setTool({
              id: 'agreement-pick-feature',
              hintKey: 'agreement.pick.feature',
              onClick: (lonLat) => {
                ctx.onChange(path, {
                  type: 'Point',
                  coordinates: [Number(lonLat[0].toFixed(6)), Number(lonLat[1].toFixed(6))],
                });
                setTool(null);
              },
            })
          }
        >
          {t('agreement.pick.onMap')}
        </button>
      )}
    </span>
  );
}

function RowsField({
  field,
  path,
  value,
  ctx,
}: {
  field: Extract<FieldSpec, { type: 'rows' }>;
  path: Path;
  value: unknown[];
  ctx: Context;
}) {
  const t = useT();
  return (
    <fieldset className="clause-field clause-rows">
      <legend>{t(`agreement.field.${field.key}`)}</legend>
      {value.map((_row, index) => (
        <div className="clause-rows-item" key={index}>
          {field.columns.map((column) => (
            <Field key={column.key} field={column} path={[...path, index, column.key]} ctx={ctx} />
          ))}
          {!ctx.readOnly && (
            <button
              type="button"
              className="clause-remove"
              onClick={() =>
                ctx.onChange(
                  path,
                  value.filter((_, i) => i !== index),
                )
              }
            >
              {t('agreement.rows.remove')}
            </button>
          )}
        </div>
      ))}
      {!ctx.readOnly && (
        <button type="button" onClick={() => ctx.onChange(path, [...value, field.make()])}>
          {t('agreement.rows.add')}
        </button>
      )}
    </fieldset>
  );
}

function Field({ field, path, ctx }: { readonly field: FieldSpec; readonly path: Path; readonly ctx: Context }) {
  const t = useT();
  const id = useId();
  const unitLabel = useUnitLabel();
  const value = getAt(ctx.root, path);
  switch (field.type) {
    case 'ids':
      return <IdsField field={field} path={path} value={value as string[] | null} ctx={ctx} />;
    case 'season':
      return (
        <SeasonField
          field={field}
          path={path}
          value={value as { startMonthDay: string; endMonthDay: string } | null}
          ctx={ctx}
        />
      );
    case 'rows':
      return <RowsField field={field} path={path} value={(value as unknown[] | undefined) ?? []} ctx={ctx} />;
    case 'group':
      return (
        <fieldset className="clause-field clause-group">
          <legend>{t(`agreement.field.${field.key}`)}</legend>
          {field.fields.map((inner) => (
            <Field key={inner.key} field={inner} path={[...path, inner.key]} ctx={ctx} />
          ))}
        </fieldset>
      );
    default:
      break;
  }
  let control;
  switch (field.type) {
    case 'number':
      control = (
        <span className="clause-number">
          <NumberInput
            id={id}
            value={(value as number | null) ?? null}
            integer={field.integer}
            nullable={field.nullable}
            readOnly={ctx.readOnly}
            onChange={(next) => ctx.onChange(path, next)}
          />
          {field.unit && <span className="clause-unit">{unitLabel(field.unit)}</span>}
        </span>
      );
      break;
    case 'text':
    case 'monthDay':
      control = (
        <input
          id={id}
          type="text"
          value={String(value ?? '')}
          readOnly={ctx.readOnly}
          size={field.type === 'monthDay' ? 6 : undefined}
          onChange={(event) => ctx.onChange(path, event.target.value)}
        />
      );
      break;
    case 'date':
      control = (
        <input
          id={id}
          type="date"
          value={String(value ?? '')}
          readOnly={ctx.readOnly}
          onChange={(event) => ctx.onChange(path, event.target.value)}
        />
      );
      break;
    case 'datetime':
      control = (
        <input
          id={id}
          type="datetime-local"
          value={typeof value === 'string' ? toLocalInput(value, ctx.options.utcOffsetMinutes ?? 0) : ''}
          readOnly={ctx.readOnly}
          onChange={(event) => {
            if (event.target.value)
              ctx.onChange(path, fromLocalInput(event.target.value, ctx.options.utcOffsetMinutes ?? 0));
          }}
        />
      );
      break;
    case 'enum':
      control = (
        <select
          id={id}
          value={String(value ?? '')}
          disabled={ctx.readOnly}
          onChange={(event) => ctx.onChange(path, event.target.value)}
        >
          {field.options.map((option) => (
            <option key={option} value={option}>
              {t(`${field.labels}${option}`)}
            </option>
          ))}
        </select>
      );
      break;
    case 'choice':
      control = <ChoiceField field={field} path={path} value={(value as string | null) ?? null} ctx={ctx} id={id} />;
      break;
    case 'geometry':
      control = <GeometryField path={path} value={value as GeoJSON.Geometry} ctx={ctx} id={id} />;
      break;
  }
  return (
    <div className="clause-field">
      <label htmlFor={id}>{t(`agreement.field.${field.key}`)}</label>
      {control}
    </div>
  );
}

/** The machine form of a clause: its kind's fields over `params`, reporting each edit as new params. */
export function ClauseForm<P>({
  fields,
  params,
  options,
  readOnly,
  onChange,
}: {
  readonly fields: readonly FieldSpec[];
  readonly params: P;
  readonly options: FormOptions;
  readonly readOnly: boolean;
  readonly onChange: (params: P) => void;
}) {
  const ctx: Context = {
    root: params,
    options,
    readOnly,
    onChange: (path, value) => onChange(setAt(params, path, value)),
  };
  return (
    <div className="clause-form">
      {fields.map((field) => (
        <Field key={field.key} field={field} path={[field.key]} ctx={ctx} />
      ))}
    </div>
  );
}
