import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { formatMonth } from '../../../src/i18n/format';
import type { Locale } from '../../../src/i18n/define';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { useUiStore, type PeriodFilter } from '../../state/ui-store';
import {
  ALL_PERIOD,
  complementSeason,
  dayInPeriod,
  drySeasonOf,
  isSeasonOccurrence,
  monthPeriod,
  seasonPeriod,
  stepPeriod,
  yearPeriod,
  type SeasonBounds,
} from './period';

const PRESETS = ['all', 'month', 'season', 'year', 'custom'] as const;

/** The day periods start from: the basin's reference day (the sample is frozen in time), else today. */
function anchorDay(referenceDate: string | undefined): string {
  return referenceDate?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
}

/** The dry season of the agreement in force (its seasonal quota), or December to March. */
function useDrySeason(): SeasonBounds {
  const { db } = useSession();
  const agreements = useLiveQuery(() => db.recordTable('agreements').toArray(), [db]);
  return useMemo(() => drySeasonOf(agreements?.find((agreement) => !agreement.deleted)), [agreements]);
}

/** A month as the bar shows the ends of a season: 'dic 2025'. */
function shortMonth(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function periodLabel(period: PeriodFilter, dry: SeasonBounds, t: ReturnType<typeof useT>): string {
  switch (period.preset) {
    case 'month':
      return formatMonth(period.start.slice(0, 7), t.locale);
    case 'year':
      return period.start.slice(0, 4);
    case 'season':
      return t(isSeasonOccurrence(period, dry) ? 'registers.period.drySeason' : 'registers.period.wetSeason', {
        from: shortMonth(period.start, t.locale),
        to: shortMonth(period.end, t.locale),
      });
    default:
      return '';
  }
}

/** The one period filter in the top bar: everything, a month, a dry or wet season, a year, or a custom range. */
export function PeriodBar() {
  const t = useT();
  const session = useSession();
  const period = useUiStore((state) => state.period);
  const setPeriod = useUiStore((state) => state.setPeriod);
  const dry = useDrySeason();
  const anchor = anchorDay(session.basin.info.settings.referenceDate);

  const choose = (preset: PeriodFilter['preset']) => {
    if (preset === 'all') setPeriod(ALL_PERIOD);
    else if (preset === 'month') setPeriod(monthPeriod(anchor));
    else if (preset === 'year') setPeriod(yearPeriod(anchor));
    else if (preset === 'season') {
      // The season going on at the reference day, dry or wet.
      const lastDry = seasonPeriod(anchor, dry);
      setPeriod(dayInPeriod(anchor, lastDry) ? lastDry : seasonPeriod(anchor, complementSeason(dry)));
    } else
      setPeriod({
        preset: 'custom',
        start: period.preset === 'all' ? monthPeriod(anchor).start : period.start,
        end: period.preset === 'all' ? anchor : period.end,
      });
  };
  const stepping = period.preset === 'month' || period.preset === 'season' || period.preset === 'year';
  const wet = complementSeason(dry);

  return (
    <div className="period-bar" role="group" aria-label={t('registers.period.label')}>
      <label className="period-preset">
        <span>{t('registers.period.label')}</span>
        <select value={period.preset} onChange={(event) => choose(event.target.value as PeriodFilter['preset'])}>
          {PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`registers.period.${preset}`)}
            </option>
          ))}
        </select>
      </label>
      {period.preset === 'season' && (
        <select
          aria-label={t('registers.period.whichSeason')}
          value={isSeasonOccurrence(period, dry) ? 'dry' : 'wet'}
          onChange={(event) => setPeriod(seasonPeriod(period.start, event.target.value === 'dry' ? dry : wet))}
        >
          <option value="dry">{t('registers.period.dry')}</option>
          <option value="wet">{t('registers.period.wet')}</option>
        </select>
      )}
      {stepping && (
        <span className="period-step">
          <button
            type="button"
            onClick={() => setPeriod(stepPeriod(period, -1, dry))}
            aria-label={t('registers.period.previous')}
          >
            ‹
          </button>
          <output aria-live="polite">{periodLabel(period, dry, t)}</output>
          <button
            type="button"
            onClick={() => setPeriod(stepPeriod(period, 1, dry))}
            aria-label={t('registers.period.next')}
          >
            ›
          </button>
        </span>
      )}
      {period.preset === 'custom' && (
        <span className="period-custom">
          <input
            type="date"
            aria-label={t('registers.period.from')}
            value={period.start}
            max={period.end}
            onChange={(event) => event.target.value && setPeriod({ ...period, start: event.target.value })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label={t('registers.period.to')}
            value={period.end}
            min={period.start}
            onChange={(event) => event.target.value && setPeriod({ ...period, end: event.target.value })}
          />
        </span>
      )}
    </div>
  );
}
