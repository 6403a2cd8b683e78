import { describe, expect, it } from 'vitest';
import type { Roster } from '../../../../src/domain/agreement';
import { buildRosterSchedule } from '../../../../src/rules/turns';
import { createBaseRecords, createWithdrawal, deepFreeze, run, single } from './factories';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-02T00:00:00Z');

function createRoster(overrides: Partial<Roster> = {}): Roster {
  return deepFreeze({
    startAt: '2026-03-02T00:00:00Z',
    cycleHours: 24,
    durationMode: 'proportional-area',
    entries: [
      { communityId: 'alta', intakeIds: ['i-alta'], irrigatedAreaHa: 3, fixedHours: null, fillingHours: 1 },
      { communityId: 'media', intakeIds: ['i-media'], irrigatedAreaHa: 1, fixedHours: null, fillingHours: 3 },
    ],
    swaps: [],
    shortages: [],
    ...overrides,
  });
}

describe('irrigation roster', () => {
  it('gives turns head to tail in proportion to area, filling time added', () => {
    const turns = buildRosterSchedule(createRoster()).turnsBetween(START, START + 24 * HOUR);
    expect(turns.map((turn) => [turn.communityId, (turn.endMs - turn.startMs) / HOUR])).toEqual([
      ['alta', 16],
      ['media', 8],
    ]);
  });

  it('tells who holds the water at a time', () => {
    const schedule = buildRosterSchedule(createRoster());
    expect([schedule.turnAt(START + 15.9 * HOUR)?.communityId, schedule.turnAt(START + 16 * HOUR)?.communityId]).toEqual(['alta', 'media']);
  });

  it('has no turn before the first cycle', () => {
    expect(buildRosterSchedule(createRoster()).turnAt(START - 1)).toBeNull();
  });

  it('repeats the cycle', () => {
    const turn = buildRosterSchedule(createRoster()).turnAt(START + 24 * HOUR + 1);
    expect([turn?.communityId, turn?.cycleIndex, turn?.start]).toEqual(['alta', 1, '2026-03-03T00:00:00.000Z']);
  });

  it('leaves the canal closed after fixed turns that do not fill the cycle', () => {
    const fixed = createRoster({
      durationMode: 'fixed',
      cycleHours: 12,
      entries: [
        { communityId: 'alta', intakeIds: ['i-alta'], irrigatedAreaHa: null, fixedHours: 6, fillingHours: 0 },
        { communityId: 'media', intakeIds: ['i-media'], irrigatedAreaHa: null, fixedHours: 4, fillingHours: 0 },
      ],
    });
    expect(buildRosterSchedule(fixed).turnAt(START + 11 * HOUR)).toBeNull();
  });

  it('exchanges the slots of a logged swap in its cycle only', () => {
    const swapped = createRoster({ swaps: [{ cycleIndex: 1, communityA: 'alta', communityB: 'media', loggedAt: '2026-03-01T10:00:00Z', note: 'velorio' }] });
    const schedule = buildRosterSchedule(swapped);
    expect([schedule.turnAt(START + HOUR)?.communityId, schedule.turnAt(START + 25 * HOUR)?.communityId, schedule.turnAt(START + 25 * HOUR)?.swapped]).toEqual([
      'alta',
      'media',
      true,
    ]);
  });

  it('shortens every turn by the shortage percentage, keeping filling time', () => {
    const short = createRoster({ shortages: [{ fromDate: '2026-03-02', toDate: '2026-03-31', reductionPct: 50 }] });
    const turns = buildRosterSchedule(short).turnsBetween(START, START + 24 * HOUR);
    expect(turns.map((turn) => (turn.endMs - turn.startMs) / HOUR)).toEqual([8.5, 5.5]);
  });
});

describe('rotation clause', () => {
  const rotation = single({ kind: 'rotation', roster: createRoster(), toleranceMinutes: 30 });
  const reading = (intakeId: string, start: string, end: string) => createBaseRecords({ withdrawals: [createWithdrawal('w1', intakeId, start, end, 100)] });

  it.each([
    ['inside its turn', '2026-03-05T06:00:00Z', '2026-03-05T16:00:00Z', 0],
    ['outside by the tolerance', '2026-03-05T06:00:00Z', '2026-03-05T16:30:00Z', 0],
    ['outside by more than the tolerance', '2026-03-05T06:00:00Z', '2026-03-05T16:31:00Z', 1],
  ])('a withdrawal %s gives %i findings', (_label, start, end, expected) => {
    expect(run(rotation, reading('i-alta', start, end))).toHaveLength(expected);
  });

  it('finds a holder drawing in another holder’s turn', () => {
    const [finding] = run(rotation, reading('i-media', '2026-03-05T06:00:00Z', '2026-03-05T07:00:00Z'));
    expect([finding?.subject, finding?.evidence]).toEqual([
      { type: 'intake', id: 'i-media' },
      [
        { kind: 'intake', id: 'i-media' },
        { kind: 'withdrawal', id: 'w1' },
      ],
    ]);
  });

  it('leaves intakes not on the roster alone', () => {
    expect(run(rotation, reading('i-baja', '2026-03-05T06:00:00Z', '2026-03-05T07:00:00Z'))).toEqual([]);
  });
});
