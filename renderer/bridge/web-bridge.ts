import {
  HOST_MESSAGES,
  type HostBridge,
  type HostMessage,
  type HostRequest,
  type HostResult,
  type MenuCommand,
} from '../../src/ports/host-bridge';
import { matchLocale } from '../../src/i18n/translate';

/*
 * The host bridge for a plain browser: file input for opening, a download for saving, window.print for PDF.
 * It validates payloads with the same schemas main uses, so a renderer bug shows up in the browser too.
 */

function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? []));
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

function download(name: string, data: string | Uint8Array, mimeType: string): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const menuListeners = new Set<(command: MenuCommand) => void>();

const handlers: { [M in HostMessage]: (request: HostRequest<M>) => Promise<unknown> } = {
  'app:info': async () => ({
    version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
    platform: navigator.platform || 'web',
    systemLocale: matchLocale(navigator.language),
    host: 'web',
  }),
  'file:open': async (request) => {
    const accept = request.filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
    const files = await pickFiles(accept, request.multiple);
    const read = await Promise.all(
      files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    return { canceled: read.length === 0, files: read };
  },
  'file:save': async (request) => {
    download(request.suggestedName, request.data, request.mimeType);
    return { saved: true };
  },
  'report:pdf': async () => {
    window.print();
    return { saved: true };
  },
  'app:set-locale': async () => ({}),
  'app:set-tile-origins': async (request) => ({ origins: request.origins }),
};

async function invoke<M extends HostMessage>(message: M, request: unknown): Promise<HostResult<M>> {
  const parsed = HOST_MESSAGES[message].request.safeParse(request);
  if (!parsed.success) {
    return { ok: false, code: 'bridge.invalidPayload', detail: parsed.error.issues[0]?.message ?? 'invalid' };
  }
  try {
    const handler = handlers[message] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value } as HostResult<M>;
  } catch (error) {
    return { ok: false, code: 'bridge.failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Creates the web implementation of the host bridge. */
export function createWebBridge(): HostBridge {
  const bridge = Object.fromEntries(
    (Object.keys(HOST_MESSAGES) as HostMessage[]).map((message) => [
      message,
      (request: unknown) => invoke(message, request),
    ]),
  ) as unknown as HostBridge;
  return Object.assign(bridge, {
    onMenuCommand(listener: (command: MenuCommand) => void) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
  });
}

/** Lets the web page raise a menu command (the web build has no native menu; the toolbar stands in). */
export function emitWebMenuCommand(command: MenuCommand): void {
  for (const listener of menuListeners) listener(command);
}
