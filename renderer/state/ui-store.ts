import { create } from 'zustand';
import type { Locale } from '../../src/i18n/define';
import { matchLocale } from '../../src/i18n/translate';

/*
 * UI state only: language, layer visibility, selection, view mode. Records never live here; they are read from the
 * store with live queries, so there is one source of truth.
 */

/** Layer groups the layer list can toggle, in drawing order (bottom first). */
export const LAYER_GROUPS = ['hillshade', 'subbasins', 'territories', 'rivers', 'intakes', 'monitoringPoints', 'outlet'] as const;
/** One toggleable group of map layers. */
export type LayerGroup = (typeof LAYER_GROUPS)[number];

/** What the user has selected on the map or in a list. */
export type Selection =
  | { readonly type: 'reach'; readonly reachId: string; readonly lonLat: readonly [number, number] }
  | { readonly type: 'record'; readonly kind: string; readonly id: string }
  | null;

const LOCALE_KEY = 'watershed-commons.locale';

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(LOCALE_KEY);
  return matchLocale(saved ?? globalThis.navigator?.language);
}

export interface UiState {
  locale: Locale;
  layers: Record<LayerGroup, boolean>;
  selection: Selection;
  meetingMode: boolean;
  setLocale(locale: Locale): void;
  toggleLayer(layer: LayerGroup): void;
  select(selection: Selection): void;
  setMeetingMode(on: boolean): void;
}

/** The UI state store. */
export const useUiStore = create<UiState>((set) => ({
  locale: initialLocale(),
  layers: Object.fromEntries(LAYER_GROUPS.map((layer) => [layer, true])) as Record<LayerGroup, boolean>,
  selection: null,
  meetingMode: false,
  setLocale: (locale) => {
    globalThis.localStorage?.setItem(LOCALE_KEY, locale);
    set({ locale });
  },
  toggleLayer: (layer) => set((state) => ({ layers: { ...state.layers, [layer]: !state.layers[layer] } })),
  select: (selection) => set({ selection }),
  setMeetingMode: (meetingMode) => set({ meetingMode }),
}));
