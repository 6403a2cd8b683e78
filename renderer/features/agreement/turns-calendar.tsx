import { useMemo, useState } from 'react';
import type { Roster } from '../../../src/domain/agreement';
import { formatDateTime, formatNumber } from '../../../src/i18n/format';
import { buildRosterSchedule, type Turn } from '../../../src/rules/turns';
import { useT } from '../../i18n/use-t';

/*
 * Who irrigates when: one cycle of a roster as a grid, a row per turn from the head of the canal to the tail, a
 * bar per turn placed on the cycle's time line (days marked), swapped turns and shortage mode shown as such.
 */

const HOUR_MS = 3_600_000;

/** The layout of one cycle: its bounds and the turns, each as a fraction of the cycle. */
export interface CycleLayout {
  readonly startMs: number;
  readonly endMs: number;
  readonly reductionPct: number;
  readonly rows: readonly { readonly turn: Turn; readonly left: number; readonly width: number }[];
  /** Day boundaries inside the cycle, as fractions. */
  readonly dayTicks: readonly number[];
  /** The local calendar days the cycle spans, each with where it sits on the cycle's time line. */
  readonly days: readonly { readonly date: string; readonly left: number; readonly width: number }[];
}

/**
 * Lays out cycle `cycleIndex` of a roster for the calendar.
 * @example cycleLayout(roster, 0, -300).rows[0].turn.communityId // the head of the canal
 */
export function cycleLayout(roster: Roster, cycleIndex: number, utcOffsetMinutes: number): CycleLayout {
  const schedule = buildRosterSchedule(roster, utcOffsetMinutes);
  const startMs = schedule.originMs + cycleIndex * schedule.cycleMs;
  const endMs = startMs + schedule.cycleMs;
  const turns = schedule.turnsBetween(startMs, endMs).filter((turn) => turn.cycleIndex === cycleIndex);
  const rows = turns.map((turn) => ({
    turn,
    left: (turn.startMs - startMs) / schedule.cycleMs,
    width: (turn.endMs - turn.startMs) / schedule.cycleMs,
  }));
  const dayTicks: number[] = [];
  const offsetMs = utcOffsetMinutes * 60_000;
  const firstMidnight = Math.ceil((startMs + offsetMs) / (24 * HOUR_MS)) * 24 * HOUR_MS - offsetMs;
  for (let ms = firstMidnight; ms < endMs; ms += 24 * HOUR_MS)
    if (ms > startMs) dayTicks.push((ms - startMs) / schedule.cycleMs);
  const bounds = [0, ...dayTicks, 1];
  const days = bounds.slice(0, -1).map((left, i) => ({
    date: new Date(startMs + left * schedule.cycleMs + offsetMs).toISOString().slice(0, 10),
    left,
    width: bounds[i + 1]! - left,
  }));
  return { startMs, endMs, reductionPct: turns[0]?.reductionPct ?? 0, rows, dayTicks, days };
}

/** The cycle running at `timeMs` (0 before the roster starts). */
export function cycleAt(roster: Roster, timeMs: number): number {
  const schedule = buildRosterSchedule(roster);
  return Math.max(0, Math.floor((timeMs - schedule.originMs) / schedule.cycleMs));
}

/** A day's short label: weekday and day of month, or the day alone when the column is narrow. */
function dayLabel(date: string, locale: string, width: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (width < 0.06) return new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone: 'UTC' }).format(at);
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(at);
}

function isoOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Calendar of a roster's turns, one cycle at a time, starting at the cycle running on `referenceDate`. */
export function TurnsCalendar({
  roster,
  communityNames,
  utcOffsetMinutes,
  referenceDate,
}: {
  readonly roster: Roster;
  readonly communityNames: ReadonlyMap<string, string>;
  readonly utcOffsetMinutes: number;
  readonly referenceDate: string;
}) {
  const t = useT();
  const timeZone =
    isoOffset(utcOffsetMinutes) === '+00:00'
      ? 'UTC'
      : `Etc/GMT${utcOffsetMinutes <= 0 ? '+' : '-'}${Math.abs(utcOffsetMinutes / 60)}`;
  const [cycle, setCycle] = useState<number | null>(null);
  const shownCycle = cycle ?? cycleAt(roster, Date.parse(`${referenceDate}T12:00:00${isoOffset(utcOffsetMinutes)}`));
  const layout = useMemo(() => {
    try {
      return cycleLayout(roster, shownCycle, utcOffsetMinutes);
    } catch {
      return null;
    }
  }, [roster, shownCycle, utcOffsetMinutes]);
  const when = (ms: number): string =>
    formatDateTime(new Date(ms).toISOString(), t.locale, Number.isInteger(utcOffsetMinutes / 60) ? timeZone : 'UTC');
  return (
    <section className="turns" aria-label={t('agreement.turns.title')}>
      <div className="turns-nav">
        <button type="button" onClick={() => setCycle(Math.max(0, shownCycle - 1))} disabled={shownCycle === 0}>
          ‹ <span className="visually-hidden">{t('agreement.turns.previous')}</span>
        </button>
        <span className="turns-cycle">
          {layout
            ? t('agreement.turns.cycle', {
                index: String(shownCycle),
                start: when(layout.startMs),
                end: when(layout.endMs),
              })
            : ''}
        </span>
        <button type="button" onClick={() => setCycle(shownCycle + 1)}>
          › <span className="visually-hidden">{t('agreement.turns.next')}</span>
        </button>
      </div>
      {layout && layout.reductionPct > 0 && (
        <p className="turns-shortage">{t('agreement.turns.shortage', { pct: layout.reductionPct })}</p>
      )}
      {!layout || layout.rows.length === 0 ? (
        <p className="findings-note">{t('agreement.turns.empty')}</p>
      ) : (
        <>
          <div className="turns-row turns-days" aria-hidden="true">
            <span />
            <span className="turns-track turns-day-labels">
              {layout.days.map((day) => (
                <span
                  key={day.date}
                  className="turns-day"
                  style={{ left: `${day.left * 100}%`, width: `${day.width * 100}%` }}
                >
                  {dayLabel(day.date, t.locale, day.width)}
                </span>
              ))}
            </span>
            <span />
          </div>
          <ol className="turns-grid" aria-label={t('agreement.turns.title')}>
            {layout.rows.map(({ turn, left, width }) => {
              const name = communityNames.get(turn.communityId) ?? turn.communityId;
              const label = t('agreement.turns.turn', {
                community: name,
                start: when(turn.startMs),
                end: when(turn.endMs),
              });
              return (
                <li key={turn.slot} className="turns-row">
                  <span className="turns-slot">{t('agreement.turns.slot', { slot: String(turn.slot + 1) })}</span>
                  <span className="turns-track">
                    {layout.dayTicks.map((tick) => (
                      <span key={tick} className="turns-tick" style={{ left: `${tick * 100}%` }} aria-hidden="true" />
                    ))}
                    <span
                      className={turn.swapped ? 'turns-bar turns-swapped' : 'turns-bar'}
                      style={{ left: `${left * 100}%`, width: `${Math.max(width * 100, 0.8)}%` }}
                      title={
                        turn.fillingMs > 0
                          ? `${label} (${t('agreement.turns.filling', { hours: formatNumber(turn.fillingMs / HOUR_MS, t.locale, 1) })})`
                          : label
                      }
                    />
                  </span>
                  <span className="turns-who">
                    {name}
                    {turn.swapped && <em> · {t('agreement.turns.swapped')}</em>}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <p className="turns-ends" aria-hidden="true">
        <span>↑ {t('agreement.turns.head')}</span>
        <span>↓ {t('agreement.turns.tail')}</span>
      </p>
    </section>
  );
}
