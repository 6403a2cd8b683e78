import { useEffect, useState } from 'react';
import type { BasinSnapshot } from '../map/basin-snapshot';
import type { CodedMessage } from '../../src/i18n/translate';
import { loadBasinSnapshot } from './basin-loader';

/** The basin as the UI sees it while it loads. */
export type BasinState =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: CodedMessage }
  | { readonly state: 'ready'; readonly name: string; readonly fictional: boolean; readonly snapshot: BasinSnapshot };

/** Loads the basin from the store (the sample basin on first run) and keeps it for the session. */
export function useBasin(): BasinState {
  const [state, setState] = useState<BasinState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    loadBasinSnapshot().then(
      (loaded) => live && setState({ state: 'ready', ...loaded }),
      (error: unknown) =>
        live &&
        setState({
          state: 'error',
          error: { code: 'app.basin.loadFailed', params: { detail: error instanceof Error ? error.message : String(error) } },
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
