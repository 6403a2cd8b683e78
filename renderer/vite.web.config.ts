import { defineConfig } from 'vite';
import { rendererConfig } from './vite.shared';

// `npm run web`: the renderer alone in a browser, with the web host bridge.
export default defineConfig({ ...rendererConfig, server: { host: '127.0.0.1', port: 5173 } });
