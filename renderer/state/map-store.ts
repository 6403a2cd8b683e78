import { create } from 'zustand';
import type { BasinMap } from '../map/basin-map';

/** The one map of the window, for feature modules that draw overlays or fly to records. Null until created. */
export const useMapStore = create<{ map: BasinMap | null; setMap(map: BasinMap | null): void }>((set) => ({
  map: null,
  setMap: (map) => set({ map }),
}));

/** The map, outside React (event handlers). */
export function currentMap(): BasinMap | null {
  return useMapStore.getState().map;
}
