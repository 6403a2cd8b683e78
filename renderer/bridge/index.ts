import type { HostBridge } from '../../src/ports/host-bridge';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    readonly watershedHost?: HostBridge;
  }
}

/** The host bridge: Electron's preload when present, otherwise the web implementation. */
export const host: HostBridge = window.watershedHost ?? createWebBridge();
/** True when running inside the Electron shell. */
export const isElectron = window.watershedHost !== undefined;
