import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import {
  HOST_MESSAGES,
  MENU_CHANNEL,
  MENU_COMMANDS,
  channelOf,
  type HostBridge,
  type HostMessage,
  type MenuCommand,
} from '../src/ports/host-bridge';

/*
 * The preload's bridge: one method per message of the contract, each an ipcRenderer.invoke on the message's
 * channel, plus a menu command feed. The page gets these functions only; ipcRenderer and IPC events never cross
 * the context bridge (an event carries `sender`, which is ipcRenderer itself).
 */

/** Name under which the bridge appears on `window` in the renderer. */
export const BRIDGE_GLOBAL = 'watershedHost';

/** The ipcRenderer methods the bridge calls. */
export type BridgeIpcRenderer = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Builds the bridge object over an ipcRenderer. */
export function createHostBridge(ipcRenderer: BridgeIpcRenderer): HostBridge {
  const bridge: Record<string, unknown> = {};
  for (const message of Object.keys(HOST_MESSAGES) as HostMessage[]) {
    bridge[message] = async (request: unknown) => {
      try {
        return await ipcRenderer.invoke(channelOf(message), request);
      } catch (error) {
        return { ok: false, code: 'bridge.failed', detail: error instanceof Error ? error.message : String(error) };
      }
    };
  }
  bridge['onMenuCommand'] = (listener: (command: MenuCommand) => void) => {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  };
  return Object.freeze(bridge) as HostBridge;
}

/** Exposes the bridge to the page as `window.watershedHost`. */
export function exposeHostBridge(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipcRenderer: BridgeIpcRenderer): void {
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createHostBridge(ipcRenderer));
}
