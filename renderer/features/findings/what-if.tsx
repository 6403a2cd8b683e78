import { useEffect, useMemo, useState } from 'react';
import type { Withdrawal } from '../../../src/domain/records';
import type { RecordChange } from '../../../src/rules/incremental';
import { useT } from '../../i18n/use-t';
import { draftWithdrawal, type WhatIfResult } from './engine';
import { findingSentence } from './finding-view';
import { requestWhatIf, useFindingsStore } from './findings-store';
import './findings.css';

/*
 * What-if previews: before a withdrawal or a clause is saved, the worker applies the change to its evaluation,
 * reports what it would do and undoes it. Requests wait until the form has been still for a moment.
 */

const DEBOUNCE_MS = 350;
const LISTED = 3;

/** Asks the worker about `change` (null: nothing to ask) once it has been still for a moment. */
export function useWhatIf(change: RecordChange | null): {
  result: WhatIfResult | null;
  checking: boolean;
  unavailable: boolean;
} {
  const key = useMemo(() => (change ? JSON.stringify(change) : null), [change]);
  const ready = useFindingsStore((state) => state.status === 'ready');
  const [state, setState] = useState<{ key: string | null; result: WhatIfResult | null; unavailable: boolean }>({
    key: null,
    result: null,
    unavailable: false,
  });
  useEffect(() => {
    if (key === null || !ready) return undefined;
    let cancelled = false;
    const timer = setTimeout(() => {
      void requestWhatIf(JSON.parse(key) as RecordChange).then((result) => {
        if (!cancelled) setState({ key, result, unavailable: result === null });
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, ready]);
  if (key === null) return { result: null, checking: false, unavailable: false };
  if (!ready) return { result: null, checking: false, unavailable: true };
  return {
    result: state.key === key ? state.result : null,
    checking: state.key !== key,
    unavailable: state.key === key && state.unavailable,
  };
}

/** The answer of a what-if: counts of findings that would appear, go away or change, and the first few of each. */
export function WhatIfSummary({ change }: { readonly change: RecordChange | null }) {
  const t = useT();
  const { result, checking, unavailable } = useWhatIf(change);
  if (change === null) return null;
  return (
    <section className="what-if" aria-live="polite" aria-label={t('findings.whatIf.title')}>
      <h4>{t('findings.whatIf.title')}</h4>
      {checking && <p>{t('findings.whatIf.checking')}</p>}
      {unavailable && <p>{t('findings.whatIf.unavailable')}</p>}
      {result && !checking && (
        <>
          {result.created.length + result.cleared.length + result.changed.length === 0 && (
            <p>{t('findings.whatIf.none')}</p>
          )}
          {result.created.length > 0 && (
            <p className="what-if-created">{t('findings.whatIf.created', { count: result.created.length })}</p>
          )}
          {result.cleared.length > 0 && (
            <p className="what-if-cleared">{t('findings.whatIf.cleared', { count: result.cleared.length })}</p>
          )}
          {result.changed.length > 0 && <p>{t('findings.whatIf.changed', { count: result.changed.length })}</p>}
          {[
            { list: result.created, label: 'findings.whatIf.createdList' },
            { list: result.cleared, label: 'findings.whatIf.clearedList' },
          ].map(({ list, label }) =>
            list.length === 0 ? null : (
              <details key={label}>
                <summary>{t(label)}</summary>
                <ul>
                  {list.slice(0, LISTED).map((finding) => (
                    <li key={finding.id}>{findingSentence(finding, t.locale)}</li>
                  ))}
                  {list.length > LISTED && (
                    <li>{t('findings.whatIf.moreItems', { count: String(list.length - LISTED) })}</li>
                  )}
                </ul>
              </details>
            ),
          )}
        </>
      )}
    </section>
  );
}

/**
 * What-if preview inside the withdrawal form: which findings saving this draft would create or clear. `draft` is
 * the withdrawal as it would be saved, null while the form is incomplete; `replacesId` names the withdrawal an
 * edit replaces.
 */
export function WithdrawalWhatIf({
  draft,
  replacesId,
}: {
  readonly draft: Omit<Withdrawal, 'id' | 'version'> | null;
  readonly replacesId?: string;
}) {
  const change = useMemo<RecordChange | null>(
    () =>
      draft === null
        ? null
        : {
            kind: 'withdrawal',
            op: 'put',
            record: draftWithdrawal(draft, replacesId ? ({ id: replacesId, version: 0 } as Withdrawal) : null),
          },
    [draft, replacesId],
  );
  return <WhatIfSummary change={change} />;
}
