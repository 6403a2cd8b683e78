import { contextBridge, ipcRenderer } from 'electron';
import { exposeHostBridge } from './preload-bridge';

exposeHostBridge(contextBridge, ipcRenderer);
