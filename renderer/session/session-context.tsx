import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
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
  | { readonly state: 'ready'; readonly session: Session; readonly reload: () => Promise<void> };

/** Reopens the session from the store, e.g. after the basin's rivers were replaced; records are not touched. */
export const ReloadSessionContext = createContext<() => Promise<void>>(() => Promise.resolve());

/** The reload of the current session (a new network and basin from the store, the same database). */
export function useReloadSession(): () => Promise<void> {
  return useContext(ReloadSessionContext);
}

/** Opens the session once per window; `reload` in the ready state reopens it on the same database. */
export function useSessionLoader(): SessionState {
  const [state, setState] = useState<SessionState>({ state: 'loading', progress: null });
  const current = useRef<Session | null>(null);
  const reload = useCallback(async () => {
    const session = await openSession(undefined, current.current?.db);
    current.current = session;
    setState((previous) => (previous.state === 'ready' ? { ...previous, session } : previous));
  }, []);
  useEffect(() => {
    let live = true;
    openSession((progress) => live && setState({ state: 'loading', progress })).then(
      (session) => {
        if (!live) return;
        current.current = session;
        setState({ state: 'ready', session, reload });
      },
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
  }, [reload]);
  return state;
}
