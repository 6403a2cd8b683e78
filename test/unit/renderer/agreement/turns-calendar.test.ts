import { describe, expect, it } from 'vitest';
import type { Roster } from '../../../../src/domain/agreement';
import { cycleAt, cycleLayout } from '../../../../renderer/features/agreement/turns-calendar';

// A weekly roster, head to tail: alta (12 ha, 1 h filling), media (8 ha, 2 h filling); cycle 3 swapped; shortage
// in July and August.
const ROSTER: Roster = Object.freeze({
  startAt: '2026-04-06T06:00:00-05:00',
  cycleHours: 168,
  durationMode: 'proportional-area',
  entries: [
    { communityId: 'alta', intakeIds: ['i-alta'], irrigatedAreaHa: 12, fixedHours: null, fillingHours: 1 },
    { communityId: 'media', intakeIds: ['i-media'], irrigatedAreaHa: 8, fixedHours: null, fillingHours: 2 },
  ],
  swaps: [
    { cycleIndex: 3, communityA: 'alta', communityB: 'media', loggedAt: '2026-04-20T18:00:00-05:00', note: 'minga' },
  ],
  shortages: [{ fromDate: '2026-07-01', toDate: '2026-08-31', reductionPct: 25 }],
});

describe('turns calendar', () => {
  it('lays a cycle out head to tail, in proportion to area plus filling time', () => {
    const layout = cycleLayout(ROSTER, 0, -300);
    expect(layout.rows.map((row) => row.turn.communityId)).toEqual(['alta', 'media']);
    // 165 h shared 12:8 after 3 h of filling: alta 99 + 1, media 66 + 2.
    expect(layout.rows.map((row) => Math.round(row.width * 168))).toEqual([100, 68]);
    expect(layout.rows[0]!.left).toBe(0);
    expect(layout.rows[1]!.left).toBeCloseTo(100 / 168);
    expect(layout.dayTicks).toHaveLength(7);
  });

  it('shows a logged swap in its cycle only', () => {
    expect(cycleLayout(ROSTER, 3, -300).rows.map((row) => [row.turn.communityId, row.turn.swapped])).toEqual([
      ['media', true],
      ['alta', true],
    ]);
    expect(cycleLayout(ROSTER, 4, -300).rows.map((row) => row.turn.swapped)).toEqual([false, false]);
  });

  it('shortens every turn pro rata in shortage mode, keeping the filling time', () => {
    const july = cycleAt(ROSTER, Date.parse('2026-07-15T12:00:00-05:00'));
    const layout = cycleLayout(ROSTER, july, -300);
    expect(layout.reductionPct).toBe(25);
    expect(layout.rows.map((row) => Math.round(row.width * 168 * 100) / 100)).toEqual([75.25, 51.5]);
  });
});
