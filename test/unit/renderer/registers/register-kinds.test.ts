import { describe, expect, it } from 'vitest';
import type { Community, Intake, RecordMeta, Withdrawal } from '../../../../src/domain/records';
import {
  buildRows,
  filterAndSort,
  NO_FILTERS,
  type Lookups,
} from '../../../../renderer/features/registers/register-kinds';
import { ALL_PERIOD, monthPeriod } from '../../../../renderer/features/registers/period';

const META: Omit<RecordMeta, 'id'> = Object.freeze({
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  author: 'Rosa',
  device: 'laptop',
  deleted: false,
  reviewState: 'approved',
});

function createCommunity(id: string, name: string): Community {
  return { ...META, id, name, territory: null, population: 100, contacts: '' };
}

function createIntake(id: string, name: string, communityId: string): Intake {
  return {
    ...META,
    id,
    name,
    communityId,
    use: 'irrigation',
    location: [-75.6, 5],
    snap: null,
    returnLocation: null,
    returnSnap: null,
  };
}

function createWithdrawal(
  id: string,
  intakeId: string,
  day: string,
  volumeM3: number,
  overrides: Partial<Withdrawal> = {},
): Withdrawal {
  return {
    ...META,
    id,
    intakeId,
    periodStart: `${day}T00:00:00-05:00`,
    periodEnd: `${day}T23:59:00-05:00`,
    volumeM3,
    entered: { quantity: 'volume', value: volumeM3, unit: 'm3' },
    method: 'meter',
    reporter: 'Rosa',
    ...overrides,
  };
}

const LOOKUPS: Lookups = {
  communities: new Map([
    ['c1', createCommunity('c1', 'Vereda Peñas Blancas')],
    ['c2', createCommunity('c2', 'El Guamal')],
  ]),
  intakes: new Map([
    ['i1', createIntake('i1', 'Toma alta', 'c1')],
    ['i2', createIntake('i2', 'Toma baja', 'c2')],
  ]),
  points: new Map(),
  sites: new Map(),
};

const RECORDS = [
  createWithdrawal('w1', 'i1', '2026-03-05', 1234.5),
  createWithdrawal('w2', 'i2', '2026-03-20', 80, { reviewState: 'received' }),
  createWithdrawal('w3', 'i1', '2026-04-02', 300),
  createWithdrawal('w4', 'i2', '2026-03-10', 50, { deleted: true }),
];

describe('register tables', () => {
  it('shows names instead of ids, numbers in the user’s language, and leaves deleted records out', () => {
    const rows = buildRows('withdrawals', RECORDS, LOOKUPS, 'es', 'America/Bogota');
    expect(rows.map((row) => row.id)).toEqual(['w1', 'w2', 'w3']);
    const texts = rows[0]!.cells.map((cell) => cell.text);
    expect(texts).toEqual([
      '5/3/26',
      '5/3/26',
      'Toma alta',
      'Vereda Peñas Blancas',
      '1234,5\u00a0m³',
      'Medidor',
      'Rosa',
      'Aprobado',
    ]);
  });

  it('filters by the shared period, community and review state, newest first by default', () => {
    const rows = buildRows('withdrawals', RECORDS, LOOKUPS, 'es');
    const march = filterAndSort('withdrawals', rows, LOOKUPS, monthPeriod('2026-03-01'), NO_FILTERS, null);
    expect(march.map((row) => row.id)).toEqual(['w2', 'w1']);
    expect(
      filterAndSort('withdrawals', rows, LOOKUPS, ALL_PERIOD, { ...NO_FILTERS, community: 'c1' }, null).map(
        (row) => row.id,
      ),
    ).toEqual(['w3', 'w1']);
    expect(
      filterAndSort('withdrawals', rows, LOOKUPS, ALL_PERIOD, { ...NO_FILTERS, review: 'received' }, null).map(
        (row) => row.id,
      ),
    ).toEqual(['w2']);
  });

  it('searches every cell without minding accents or case, and sorts numbers as numbers', () => {
    const rows = buildRows('withdrawals', RECORDS, LOOKUPS, 'es');
    expect(
      filterAndSort('withdrawals', rows, LOOKUPS, ALL_PERIOD, { ...NO_FILTERS, search: 'penas BLANCAS' }, null).map(
        (row) => row.id,
      ),
    ).toEqual(['w3', 'w1']);
    const byVolume = filterAndSort('withdrawals', rows, LOOKUPS, ALL_PERIOD, NO_FILTERS, {
      column: 4,
      descending: false,
    });
    expect(byVolume.map((row) => row.id)).toEqual(['w2', 'w3', 'w1']);
  });
});

describe('large registers', () => {
  it('formats a row only when it is shown or searched, and sorts dated registers without formatting', () => {
    let formatted = 0;
    const counting: Lookups = {
      ...LOOKUPS,
      intakes: new Proxy(LOOKUPS.intakes, {
        get(target, property, receiver) {
          if (property === 'get') formatted += 1;
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      }) as Lookups['intakes'],
    };
    const records = Array.from({ length: 5000 }, (_, index) =>
      createWithdrawal(`w${index}`, 'i1', `2026-03-${String((index % 28) + 1).padStart(2, '0')}`, index),
    );
    const rows = buildRows('withdrawals', records, counting, 'es');
    const shown = filterAndSort('withdrawals', rows, counting, ALL_PERIOD, NO_FILTERS, null);
    expect(shown).toHaveLength(5000);
    expect(formatted).toBe(0);
    expect(shown[0]!.cells[0]!.text).toBe('28/3/26');
    expect(formatted).toBeGreaterThan(0);
    expect(formatted).toBeLessThan(5);
  });
});
