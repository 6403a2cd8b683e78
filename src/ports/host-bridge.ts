import { z } from 'zod';
import { LOCALES } from '../i18n/define';

/*
 * The one typed contract between the renderer and its host. Each message has a request schema and a response
 * schema; the Electron preload exposes one method per message and main validates every payload against these
 * schemas, answering a bad payload with an error instead of crashing. The web implementation fills the same
 * interface with browser APIs (file input, downloads, window.print), so the renderer runs in a plain browser too.
 */

const FileFilterSchema = z.object({
  name: z.string().max(200),
  extensions: z.array(z.string().regex(/^[a-z0-9*]{1,12}$/i)).max(20),
});

/** Request and response schemas of every message the renderer can send to the host. */
export const HOST_MESSAGES = {
  'app:info': {
    request: z.object({}),
    response: z.object({ version: z.string(), platform: z.string(), systemLocale: z.string(), host: z.enum(['electron', 'web']) }),
  },
  'file:open': {
    request: z.object({
      titleKey: z.string().max(100),
      filters: z.array(FileFilterSchema).max(10),
      multiple: z.boolean(),
    }),
    response: z.object({
      canceled: z.boolean(),
      files: z.array(z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) })),
    }),
  },
  'file:save': {
    request: z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\:*?"<>|]+$/, 'file-name'),
      data: z.union([z.string(), z.instanceof(Uint8Array)]),
      mimeType: z.string().max(100),
    }),
    response: z.object({ saved: z.boolean() }),
  },
  'report:pdf': {
    request: z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\:*?"<>|]+$/, 'file-name'),
    }),
    response: z.object({ saved: z.boolean() }),
  },
  'app:set-locale': {
    request: z.object({ locale: z.enum(LOCALES) }),
    response: z.object({}),
  },
  'app:set-tile-origins': {
    request: z.object({ origins: z.array(z.string().url().max(300)).max(10) }),
    response: z.object({ origins: z.array(z.string()) }),
  },
} as const;

/** Name of a renderer-to-host message. */
export type HostMessage = keyof typeof HOST_MESSAGES;
/** Payload the renderer sends with message M. */
export type HostRequest<M extends HostMessage> = z.infer<(typeof HOST_MESSAGES)[M]['request']>;
/** What the host answers to message M. */
export type HostResponse<M extends HostMessage> = z.infer<(typeof HOST_MESSAGES)[M]['response']>;

/** Commands the host's application menu sends to the renderer. */
export const MENU_COMMANDS = [
  'open-sample',
  'import',
  'export',
  'backup',
  'restore',
  'meeting-mode',
  'language:es',
  'language:pt-BR',
  'language:en',
  'help',
] as const;
/** One menu command. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What an invocation answers: the response, or a coded error when the host refused the payload. */
export type HostResult<M extends HostMessage> =
  | { ok: true; value: HostResponse<M> }
  | { ok: false; code: 'bridge.invalidPayload' | 'bridge.failed'; detail: string };

/** The host as the renderer sees it: one method per message, plus the menu command feed. */
export type HostBridge = {
  readonly [M in HostMessage]: (request: HostRequest<M>) => Promise<HostResult<M>>;
} & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** IPC channel name used by Electron for message M. */
export function channelOf(message: HostMessage): string {
  return `wc:${message}`;
}
/** IPC channel on which main sends menu commands to the renderer. */
export const MENU_CHANNEL = 'wc:menu-command';

/**
 * Validates a payload for message M. Main calls this on every IPC message before touching it.
 * @example validateRequest('app:set-locale', { locale: 'fr' }).ok === false
 */
export function validateRequest<M extends HostMessage>(
  message: M,
  payload: unknown,
): { ok: true; value: HostRequest<M> } | { ok: false; detail: string } {
  const parsed = HOST_MESSAGES[message].request.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data as HostRequest<M> };
  const issue = parsed.error.issues[0];
  return { ok: false, detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** True when the string names a message of the contract (IPC channels are checked against it). */
export function isHostMessage(name: string): name is HostMessage {
  return Object.hasOwn(HOST_MESSAGES, name);
}
