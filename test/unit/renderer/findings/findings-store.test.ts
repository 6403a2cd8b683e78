import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/rules/finding';
import { receive, requestWhatIf, useFindingsStore } from '../../../../renderer/features/findings/findings-store';

// What the page keeps of the worker's messages (jsdom has no workers, so messages are fed directly).

describe('findings store', () => {
  it('goes from evaluating to ready with the findings indexed by id', () => {
    receive({ type: 'evaluating' });
    expect(useFindingsStore.getState().status).toBe('evaluating');
    const finding = { id: 'a/c1|intake:i1|2026-03' } as Finding;
    receive({
      type: 'findings',
      findings: [finding],
      referenceDate: '2026-11-01',
      period: { start: '2023-11-01', end: '2026-11-01' },
      millis: 12,
    });
    const state = useFindingsStore.getState();
    expect(state.status).toBe('ready');
    expect(state.byId.get('a/c1|intake:i1|2026-03')).toBe(finding);
    expect(state.referenceDate).toBe('2026-11-01');
  });

  it('keeps the last findings when an evaluation fails, and says so', () => {
    receive({ type: 'error', code: 'findings.error.evaluation' });
    expect(useFindingsStore.getState()).toMatchObject({ status: 'error', errorCode: 'findings.error.evaluation' });
    expect(useFindingsStore.getState().findings).toHaveLength(1);
  });

  it('answers a what-if with nothing while no worker runs', async () => {
    expect(await requestWhatIf({ kind: 'withdrawal', op: 'delete', id: 'w1' })).toBeNull();
  });
});
