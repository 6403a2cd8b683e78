import type { IpcMain } from 'electron';
import {
  HOST_MESSAGES,
  channelOf,
  validateRequest,
  type HostMessage,
  type HostRequest,
  type HostResponse,
  type HostResult,
} from '../src/ports/host-bridge';
import { isAppUrl } from './security';

/*
 * The main side of the bridge: one ipcMain.handle per message of the contract. Every payload is validated
 * against the contract's schema before a handler sees it, and the answer is always a HostResult: a bad payload
 * or a failing handler becomes a coded error for the renderer, never an exception across IPC (Electron would
 * log it and reject with a message that leaks main's internals).
 */

/** The part of an IPC invocation event the bridge reads: who sent it, to print it or check its origin. */
export interface HostInvokeEvent {
  readonly sender: { printToPDF(options: Record<string, unknown>): Promise<Uint8Array> };
  readonly senderFrame: { readonly url: string } | null;
}

/** One handler per message: gets the validated request and the event, answers the response. */
export type HostHandlers = {
  readonly [M in HostMessage]: (request: HostRequest<M>, event: HostInvokeEvent) => Promise<HostResponse<M>>;
};

/** An error whose detail is a message code the renderer can show (e.g. `file.tooLarge`). */
export class HostFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
    this.name = 'HostFailure';
  }
}

/** Hooks of the registration: which senders to trust, and where failures are logged. */
export interface HostIpcOptions {
  readonly isTrustedSender?: (event: HostInvokeEvent) => boolean;
  readonly logFailure?: (message: HostMessage, error: unknown) => void;
}

/** Accepts invocations only from frames of the app's own origin (a navigated-away frame must not reach main). */
export function isAppSender(event: HostInvokeEvent): boolean {
  return event.senderFrame !== null && isAppUrl(event.senderFrame.url);
}

function describeFailure(error: unknown): string {
  if (error instanceof HostFailure) {
    const params = Object.entries(error.params).map(([name, value]) => `${name}=${value}`);
    return [error.code, ...params].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Validates one invocation and runs its handler; never throws. */
export async function invokeHostHandler<M extends HostMessage>(
  message: M,
  handler: HostHandlers[M],
  event: HostInvokeEvent,
  payload: unknown,
  options: HostIpcOptions = {},
): Promise<HostResult<M>> {
  if (!(options.isTrustedSender ?? isAppSender)(event)) {
    return { ok: false, code: 'bridge.failed', detail: 'bridge.untrustedSender' };
  }
  const request = validateRequest(message, payload);
  if (!request.ok) return { ok: false, code: 'bridge.invalidPayload', detail: request.detail };
  try {
    const run = handler as (request: HostRequest<M>, event: HostInvokeEvent) => Promise<HostResponse<M>>;
    return { ok: true, value: await run(request.value, event) };
  } catch (error) {
    options.logFailure?.(message, error);
    return { ok: false, code: 'bridge.failed', detail: describeFailure(error) };
  }
}

/** Names of every message of the contract, in declaration order. */
export const HOST_MESSAGE_NAMES = Object.keys(HOST_MESSAGES) as HostMessage[];

/** Registers one ipcMain handler per message of the contract. */
export function registerHostHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: HostHandlers,
  options: HostIpcOptions = {},
): void {
  for (const message of HOST_MESSAGE_NAMES) {
    ipcMain.handle(channelOf(message), (event, payload: unknown) =>
      invokeHostHandler(message, handlers[message], event, payload, options),
    );
  }
}
