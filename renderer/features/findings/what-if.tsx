import type { Withdrawal } from '../../../src/domain/records';

/**
 * What-if preview inside the withdrawal form: which findings saving this draft would create or clear (issue 5
 * builds it out). `draft` is the withdrawal as it would be saved, null while the form is incomplete.
 */
export function WithdrawalWhatIf(_props: { readonly draft: Omit<Withdrawal, 'id' | 'version'> | null; readonly replacesId?: string }) {
  return null;
}
