import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import whoFile from '../../../data/guidelines/who-drinking-water.json';
import colombiaFile from '../../../data/guidelines/colombia-res-2115-2007.json';
import { useSession } from '../../session/session-context';
import { GuidelineFileSchema, NATIONAL_STANDARD_META_KEY, guidelineTableOf, tableInForce } from '../../../src/field/guidelines';
import type { GuidelineTable } from '../../../src/rules/who-guidelines';

/*
 * The guideline tables the field module shows: WHO's from data/guidelines (the same values the rules engine holds,
 * checked by a test), a national standard preset, and the committee's override stored in the meta table.
 */

/** WHO drinking-water guideline file, validated. */
export const WHO_FILE = GuidelineFileSchema.parse(whoFile);
/** Colombia's Resolución 2115 de 2007, offered as a ready-made national standard. */
export const COLOMBIA_FILE = GuidelineFileSchema.parse(colombiaFile);
/** WHO values as a table. */
export const WHO_TABLE: GuidelineTable = guidelineTableOf(WHO_FILE);

/** Parameters offered in the sample form: every guideline parameter, then discharge (a gauge reading). */
export const SAMPLE_PARAMETERS: readonly string[] = [...Object.keys(WHO_FILE.entries), 'discharge'];

/** The committee's stored national standard (undefined while loading, null when none) and the table in force. */
export function useGuidelines(): { readonly stored: unknown; readonly table: GuidelineTable; readonly loaded: boolean } {
  const { repository } = useSession();
  const stored = useLiveQuery(async () => (await repository.getMeta(NATIONAL_STANDARD_META_KEY)) ?? null, [repository]);
  const table = useMemo(() => tableInForce(WHO_TABLE, stored), [stored]);
  return { stored, table, loaded: stored !== undefined };
}
