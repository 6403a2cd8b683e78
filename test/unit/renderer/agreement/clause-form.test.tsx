import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParamsOf } from '../../../../src/domain/agreement';
import { CLAUSE_FIELDS } from '../../../../renderer/features/agreement/clause-fields';
import {
  ClauseForm,
  fromLocalInput,
  nearestPlace,
  toLocalInput,
  type FormOptions,
} from '../../../../renderer/features/agreement/clause-form';
import { useUiStore } from '../../../../renderer/state/ui-store';

// The clause form as a committee member fills it in, in Spanish: numbers with a decimal comma or thousands
// points, "all" lists, and a map tool that picks the nearest point.

const OPTIONS: FormOptions = {
  communities: [
    { id: 'alta', name: 'Vereda Alta' },
    { id: 'baja', name: 'Vereda Baja' },
  ],
  intakes: [{ id: 'i1', name: 'Toma de riego 1', location: [-75.6, 5.0] }],
  points: [
    { id: 'p1', name: 'Puente', location: [-75.6, 5.0] },
    { id: 'p2', name: 'Estación', location: [-75.55, 4.96] },
  ],
  parameters: ['arsenic', 'turbidity'],
};

const QUOTA: ParamsOf<'withdrawal-quota'> = Object.freeze<ParamsOf<'withdrawal-quota'>>({
  kind: 'withdrawal-quota',
  scope: 'intake',
  subjectIds: null,
  uses: ['irrigation'],
  periodUnit: 'month',
  season: null,
  limitM3: 102000,
});

beforeEach(() => useUiStore.setState({ locale: 'es', mapTool: null }));
afterEach(cleanup);

describe('clause form', () => {
  it('shows the limit as typed in Spanish and reads a new one with thousands points', () => {
    const onChange = vi.fn();
    render(
      <ClauseForm
        fields={CLAUSE_FIELDS['withdrawal-quota']}
        params={QUOTA}
        options={OPTIONS}
        readOnly={false}
        onChange={onChange}
      />,
    );
    const limit = screen.getByLabelText('Límite') as HTMLInputElement;
    expect(limit.value).toBe('102.000');
    fireEvent.change(limit, { target: { value: '80.000' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...QUOTA, limitM3: 80000 });
    fireEvent.change(limit, { target: { value: 'mucho' } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(limit.getAttribute('aria-invalid')).toBe('true');
  });

  it('lists intakes or communities as the scope says, and "all" stands for every one', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <ClauseForm
        fields={CLAUSE_FIELDS['withdrawal-quota']}
        params={{ ...QUOTA, subjectIds: [] }}
        options={OPTIONS}
        readOnly={false}
        onChange={onChange}
      />,
    );
    const which = screen.getByRole('group', { name: 'Cuáles' });
    expect(which.textContent).toContain('Toma de riego 1');
    rerender(
      <ClauseForm
        fields={CLAUSE_FIELDS['withdrawal-quota']}
        params={{ ...QUOTA, scope: 'community', subjectIds: [] }}
        options={OPTIONS}
        readOnly={false}
        onChange={onChange}
      />,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Vereda Baja' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...QUOTA, scope: 'community', subjectIds: ['baja'] });
    const uses = screen.getByRole('group', { name: 'Usos del agua' });
    fireEvent.click(uses.querySelector('input[type="checkbox"]')!);
    expect(onChange).toHaveBeenLastCalledWith({ ...QUOTA, scope: 'community', subjectIds: [], uses: null });
  });

  it('picks the control point nearest a click on the map', () => {
    const onChange = vi.fn();
    const share: ParamsOf<'minimum-flow'> = {
      kind: 'minimum-flow',
      controlPointId: 'p1',
      gaugePointId: 'p1',
      minimumFlowM3s: 0.93,
      periodUnit: 'month',
      season: null,
    };
    render(
      <ClauseForm
        fields={CLAUSE_FIELDS['minimum-flow']}
        params={share}
        options={OPTIONS}
        readOnly={false}
        onChange={onChange}
      />,
    );
    expect((screen.getByLabelText('Caudal mínimo') as HTMLInputElement).value).toBe('0,93');
    fireEvent.click(screen.getAllByRole('button', { name: 'Elegir en el mapa' })[0]!);
    const tool = useUiStore.getState().mapTool;
    expect(tool?.hintKey).toBe('agreement.pick.point');
    tool?.onClick([-75.551, 4.961]);
    expect(onChange).toHaveBeenLastCalledWith({ ...share, controlPointId: 'p2' });
    expect(useUiStore.getState().mapTool).toBeNull();
  });

  it('finds no place when the click is far from all of them', () => {
    expect(nearestPlace(OPTIONS.points, [-75.0, 5.5])).toBeNull();
    expect(nearestPlace(OPTIONS.points, [-75.601, 5.001])?.id).toBe('p1');
  });
});

describe('date-times in the basin time', () => {
  it('show and read back the local time with the basin offset', () => {
    expect(toLocalInput('2026-04-06T06:00:00-05:00', -300)).toBe('2026-04-06T06:00');
    expect(fromLocalInput('2026-04-06T06:00', -300)).toBe('2026-04-06T06:00:00-05:00');
    expect(toLocalInput('no es una fecha', -300)).toBe('');
  });
});
