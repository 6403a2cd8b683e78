import { describe, expect, it, vi } from 'vitest';
import { createWebBridge, emitWebMenuCommand } from '../../../../renderer/bridge/web-bridge';
import { HOST_MESSAGES } from '../../../../src/ports/host-bridge';

describe('web host bridge', () => {
  it('offers one method per message of the contract, and the menu feed', () => {
    const bridge = createWebBridge();
    for (const message of Object.keys(HOST_MESSAGES)) expect(typeof bridge[message as keyof typeof HOST_MESSAGES]).toBe('function');
    expect(typeof bridge.onMenuCommand).toBe('function');
  });

  it('refuses a payload that does not match the contract, as main does', async () => {
    const bridge = createWebBridge();
    const result = await bridge['app:set-locale']({ locale: 'fr' as never });
    expect(result).toMatchObject({ ok: false, code: 'bridge.invalidPayload' });
  });

  it('refuses a file name with a path in it', async () => {
    const bridge = createWebBridge();
    const result = await bridge['file:save']({ suggestedName: '../etc/passwd', data: 'x', mimeType: 'text/plain' });
    expect(result.ok).toBe(false);
  });

  it('saves a file as a download', async () => {
    const bridge = createWebBridge();
    const createObjectURL = vi.fn(() => 'blob:test');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const result = await bridge['file:save']({ suggestedName: 'informe.csv', data: 'a;b\n', mimeType: 'text/csv' });
    expect(result).toEqual({ ok: true, value: { saved: true } });
    expect(clicks).toEqual(['informe.csv']);
    click.mockRestore();
  });

  it('passes menu commands raised by the page to listeners until they unsubscribe', () => {
    const bridge = createWebBridge();
    const seen: string[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => seen.push(command));
    emitWebMenuCommand('meeting-mode');
    unsubscribe();
    emitWebMenuCommand('help');
    expect(seen).toEqual(['meeting-mode']);
  });
});
