import { describe, expect, it, vi } from 'vitest';
import { HOST_MESSAGES, MENU_CHANNEL, channelOf, type HostBridge, type MenuCommand } from '../../../src/ports/host-bridge';
import { createHostBridge, exposeHostBridge, type BridgeIpcRenderer } from '../../../main/preload-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer(invoke: (channel: string, payload: unknown) => Promise<unknown> = async () => ({ ok: true, value: {} })) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(invoke),
    on: (channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return ipc;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
      return ipc;
    },
  };
  const emit = (channel: string, ...args: unknown[]) =>
    listeners.get(channel)?.forEach((listener) => listener({ sender: ipc, ports: [] }, ...args));
  return { ipc, emit, asRenderer: ipc as unknown as BridgeIpcRenderer };
}

function exposed(ipcRenderer: BridgeIpcRenderer): { name: string; api: HostBridge } {
  const calls: [string, unknown][] = [];
  exposeHostBridge({ exposeInMainWorld: (name, api) => void calls.push([name, api]) }, ipcRenderer);
  expect(calls).toHaveLength(1);
  const [name, api] = calls[0] as [string, HostBridge];
  return { name, api };
}

describe('what the preload exposes', () => {
  it('exposes one object as window.watershedHost', () => {
    expect(exposed(fakeIpcRenderer().asRenderer).name).toBe('watershedHost');
  });

  it('has exactly one method per message of the contract, plus onMenuCommand', () => {
    const { api } = exposed(fakeIpcRenderer().asRenderer);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(HOST_MESSAGES), 'onMenuCommand'].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('never hands ipcRenderer or any of its methods to the page', () => {
    const { ipc, asRenderer } = fakeIpcRenderer();
    const values = Object.values(exposed(asRenderer).api);
    expect(values).not.toContain(ipc);
    expect(values).not.toContain(ipc.invoke);
    expect(values).not.toContain(ipc.on);
  });

  it('is frozen, so the page cannot swap a method', () => {
    expect(Object.isFrozen(createHostBridge(fakeIpcRenderer().asRenderer))).toBe(true);
  });
});

describe('invoking messages', () => {
  it.each(Object.keys(HOST_MESSAGES))('%s invokes its own channel with the payload', async (message) => {
    const { ipc, asRenderer } = fakeIpcRenderer();
    const bridge = createHostBridge(asRenderer) as unknown as Record<string, (payload: unknown) => Promise<unknown>>;
    await bridge[message]?.({ probe: message });
    expect(ipc.invoke).toHaveBeenCalledWith(channelOf(message as keyof typeof HOST_MESSAGES), { probe: message });
  });

  it('returns what main answered', async () => {
    const answer = { ok: true, value: { locale: 'es' } };
    const bridge = createHostBridge(fakeIpcRenderer(async () => answer).asRenderer);
    expect(await bridge['app:set-locale']({ locale: 'es' })).toBe(answer);
  });

  it('turns a rejected invocation into bridge.failed instead of throwing in the page', async () => {
    const bridge = createHostBridge(
      fakeIpcRenderer(async () => {
        throw new Error("No handler registered for 'wc:app:info'");
      }).asRenderer,
    );
    expect(await bridge['app:info']({})).toEqual({
      ok: false,
      code: 'bridge.failed',
      detail: "No handler registered for 'wc:app:info'",
    });
  });
});

describe('menu commands', () => {
  it('delivers commands from main to the listener, without the IPC event', () => {
    const { emit, asRenderer } = fakeIpcRenderer();
    const received: unknown[][] = [];
    createHostBridge(asRenderer).onMenuCommand((...args) => received.push(args));
    emit(MENU_CHANNEL, 'meeting-mode');
    expect(received).toEqual([['meeting-mode']]);
  });

  it('drops anything that is not a known command', () => {
    const { emit, asRenderer } = fakeIpcRenderer();
    const received: MenuCommand[] = [];
    createHostBridge(asRenderer).onMenuCommand((command) => received.push(command));
    emit(MENU_CHANNEL, 'format-disk');
    emit(MENU_CHANNEL, { command: 'import' });
    expect(received).toEqual([]);
  });

  it('stops delivering after unsubscribe', () => {
    const { emit, asRenderer } = fakeIpcRenderer();
    const received: MenuCommand[] = [];
    const unsubscribe = createHostBridge(asRenderer).onMenuCommand((command) => received.push(command));
    emit(MENU_CHANNEL, 'import');
    unsubscribe();
    emit(MENU_CHANNEL, 'export');
    expect(received).toEqual(['import']);
  });
});
