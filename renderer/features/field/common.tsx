import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../session/session-context';
import { useT, type Translator } from '../../i18n/use-t';
import type { CodedMessage } from '../../../src/i18n/translate';
import { formatNumber } from '../../../src/i18n/format';
import { hoursAndMinutes } from '../../../src/field/downstream';
import type { StoreProblem } from '../../../src/ports/repository';
import { useRegistersStore } from '../registers/registers-store';

/* Small pieces the field forms and sections share. */

/** The basin's clock: UTC offset (minutes) for form inputs and time zone for display. */
export function useBasinClock(): { readonly offsetMinutes: number; readonly timeZone: string } {
  const { basin } = useSession();
  return { offsetMinutes: basin.info.settings.utcOffsetMinutes, timeZone: basin.info.settings.timeZone };
}

/** Community names by id, from the store (falling back to the basin file), live. */
export function useCommunityNames(): ReadonlyMap<string, string> {
  const { db, basin } = useSession();
  const communities = useLiveQuery(() => db.recordTable('communities').toArray(), [db]);
  return useMemo(() => {
    const names = new Map<string, string>(basin.info.communities.map((community) => [community.id, community.name]));
    for (const community of communities ?? []) if (!community.deleted) names.set(community.id, community.name);
    return names;
  }, [communities, basin]);
}

/** A write's problems as messages (the store's codes carry their own text in the `store` namespace). */
export function problemsText(t: Translator, problems: readonly (StoreProblem | CodedMessage)[]): string {
  return problems.map((problem) => t.message(problem)).join(' · ');
}

/** An error line under a form, announced to screen readers. */
/** The save and cancel buttons that end every field form; save submits the form. */
export function FormButtons({
  onCancel,
  saveKey = 'field.save',
  cancelKey = 'field.cancel',
  saving = false,
}: {
  readonly onCancel: () => void;
  readonly saveKey?: string;
  readonly cancelKey?: string;
  readonly saving?: boolean;
}) {
  const t = useT();
  return (
    <div className="field-buttons">
      <button type="submit" className="primary" disabled={saving}>
        {t(saveKey)}
      </button>
      <button type="button" onClick={onCancel}>
        {t(cancelKey)}
      </button>
    </div>
  );
}

export function FormError({ text }: { readonly text: string | null }) {
  if (!text) return null;
  return (
    <p role="alert" className="field-error">
      {text}
    </p>
  );
}

/** Estimated travel time as "2 h 05 min" (or "12 min"), in the user's language. */
export function formatTravel(t: Translator, seconds: number): string {
  if (!Number.isFinite(seconds)) return t('field.unknown');
  const { hours, minutes } = hoursAndMinutes(seconds);
  return hours > 0
    ? t('field.duration.hoursMinutes', { hours, minutes: String(minutes).padStart(2, '0') })
    : t('field.duration.minutes', { minutes });
}

/** A distance in km for the locale, one decimal under 100 km. */
export function formatKm(t: Translator, km: number): string {
  return `${formatNumber(km, t.locale, km < 100 ? 1 : 0, km < 100 ? 1 : 0)}\u00a0km`;
}

/** The translator, re-exported for the field components. */
export { useT };

/** Hides the register table that covers the map, so a map tool (placing, drawing) has the whole map to click on. */
export function freeTheMap(): void {
  useRegistersStore.getState().setTableOpen(false);
}
