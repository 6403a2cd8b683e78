import 'fake-indexeddb/auto';
import { webcrypto } from 'node:crypto';

// jsdom's window may lack WebCrypto's subtle API, which the audit chain hashes with; Node's is the same standard API.
if (globalThis.crypto?.subtle === undefined) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}
