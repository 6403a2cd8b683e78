import { createContext, useContext, useEffect, useState } from 'react';
import type { CodedMessage } from '../../src/i18n/translate';
import { openSession, type LoadProgress, type Session } from './session';

/** The session of this window; provided by <App> once the basin is loaded. */
export const SessionContext = createContext<Session | null>(null);

/** The loaded session; only for components rendered inside the ready app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a loaded session');
  return session;
}

/** The session as it loads. */
export type SessionState =
  | { readonly state: 'loading'; readonly progress: LoadProgress | null }
  | { readonly state: 'error'; readonly error: CodedMessage }
  | { readonly state: 'ready'; readonly session: Session };

/** Opens the session once per window. */
export function useSessionLoader(): SessionState {
  const [state, setState] = useState<SessionState>({ state: 'loading', progress: null });
  useEffect(() => {
    let live = true;
    openSession((progress) => live && setState({ state: 'loading', progress })).then(
      (session) => live && setState({ state: 'ready', session }),
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
