import { describe, expect, it, vi } from 'vitest';
import { HOST_MESSAGES, channelOf, type HostMessage } from '../../../src/ports/host-bridge';
import {
  HostFailure,
  invokeHostHandler,
  registerHostHandlers,
  type HostHandlers,
  type HostInvokeEvent,
} from '../../../main/ipc';

const appEvent: HostInvokeEvent = {
  sender: { printToPDF: async () => new Uint8Array() },
  senderFrame: { url: 'app://bundle/index.html' },
};

function fakeHandlers(overrides: Partial<HostHandlers> = {}): HostHandlers {
  return {
    'app:info': async () => ({ version: '0.1.0', platform: 'linux', systemLocale: 'es-CO', host: 'electron' }),
    'file:open': async () => ({ canceled: true, files: [] }),
    'file:save': async () => ({ saved: true }),
    'report:pdf': async () => ({ saved: true }),
    'app:set-locale': async () => ({}),
    'app:set-tile-origins': async (request) => ({ origins: request.origins }),
    ...overrides,
  };
}

function registered(handlers: HostHandlers, options = {}) {
  const channels = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  registerHostHandlers({ handle: (channel, listener) => void channels.set(channel, listener as never) }, handlers, options);
  return channels;
}

const GOOD: { [M in HostMessage]: unknown } = {
  'app:info': {},
  'file:open': { titleKey: 'menu.import', filters: [{ name: 'CSV', extensions: ['csv'] }], multiple: false },
  'file:save': { suggestedName: 'extracciones.csv', data: 'a;b\n1;2\n', mimeType: 'text/csv' },
  'report:pdf': { suggestedName: 'informe-2026.pdf' },
  'app:set-locale': { locale: 'pt-BR' },
  'app:set-tile-origins': { origins: ['https://tile.openstreetmap.org'] },
};

const BAD: { [M in HostMessage]: unknown } = {
  'app:info': null,
  'file:open': { titleKey: 'menu.import', filters: 'csv', multiple: false },
  'file:save': { suggestedName: '../../.bashrc', data: 'x', mimeType: 'text/plain' },
  'report:pdf': { suggestedName: '' },
  'app:set-locale': { locale: 'fr' },
  'app:set-tile-origins': { origins: 'https://a.org' },
};

const MESSAGES = Object.keys(HOST_MESSAGES) as HostMessage[];

describe('registration', () => {
  it('registers exactly one handler per message of the contract', () => {
    expect([...registered(fakeHandlers()).keys()].sort()).toEqual(MESSAGES.map(channelOf).sort());
  });
});

describe.each(MESSAGES)('%s', (message) => {
  it('answers a valid payload with ok and the handler value', async () => {
    const handler = vi.fn(fakeHandlers()[message]);
    const channels = registered(fakeHandlers({ [message]: handler }));
    const answer = (await channels.get(channelOf(message))?.(appEvent, GOOD[message])) as { ok: boolean };
    expect(answer.ok).toBe(true);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('answers an invalid payload with bridge.invalidPayload and never calls the handler', async () => {
    const handler = vi.fn(fakeHandlers()[message]);
    const channels = registered(fakeHandlers({ [message]: handler }));
    const answer = await channels.get(channelOf(message))?.(appEvent, BAD[message]);
    expect(answer).toMatchObject({ ok: false, code: 'bridge.invalidPayload' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers bridge.failed when the handler throws, without throwing', async () => {
    const failing = async () => {
      throw new Error('disk on fire');
    };
    const channels = registered(fakeHandlers({ [message]: failing }), { logFailure: () => undefined });
    await expect(channels.get(channelOf(message))?.(appEvent, GOOD[message])).resolves.toEqual({
      ok: false,
      code: 'bridge.failed',
      detail: 'disk on fire',
    });
  });
});

describe('invocation details', () => {
  it('passes the validated request to the handler', async () => {
    const handler = vi.fn(async () => ({}));
    await invokeHostHandler('app:set-locale', handler, appEvent, { locale: 'en' });
    expect(handler).toHaveBeenCalledWith({ locale: 'en' }, appEvent);
  });

  it('says which field was invalid', async () => {
    const answer = await invokeHostHandler('app:set-locale', async () => ({}), appEvent, { locale: 'fr' });
    expect(answer.ok === false && answer.detail).toMatch(/^locale:/);
  });

  it('turns a HostFailure into its code and parameters', async () => {
    const answer = await invokeHostHandler(
      'file:open',
      async () => {
        throw new HostFailure('file.tooLarge', { name: 'dem.tif', limitBytes: 10 });
      },
      appEvent,
      GOOD['file:open'],
    );
    expect(answer).toEqual({ ok: false, code: 'bridge.failed', detail: 'file.tooLarge name=dem.tif limitBytes=10' });
  });

  it('logs the failure with the message name', async () => {
    const logFailure = vi.fn();
    const error = new Error('boom');
    await invokeHostHandler('app:info', async () => Promise.reject(error), appEvent, {}, { logFailure });
    expect(logFailure).toHaveBeenCalledWith('app:info', error);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/' }],
    ['a file page', { url: 'file:///tmp/page.html' }],
    ['a destroyed frame', null],
  ])('refuses a sender from %s without calling the handler', async (_name, senderFrame) => {
    const handler = vi.fn(async () => ({}));
    const answer = await invokeHostHandler('app:set-locale', handler, { ...appEvent, senderFrame }, { locale: 'en' });
    expect(answer).toMatchObject({ ok: false, code: 'bridge.failed' });
    expect(handler).not.toHaveBeenCalled();
  });
});
