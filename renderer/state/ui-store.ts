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

/** What the user has selected on the map or in a list; the detail panel shows it. */
export type Selection =
  | { readonly type: 'point'; readonly lonLat: readonly [number, number] }
  | { readonly type: 'record'; readonly kind: string; readonly id: string }
  | { readonly type: 'finding'; readonly id: string }
  | null;

/** Tabs of the side panel. */
export const SIDE_TABS = ['layers', 'registers', 'findings', 'agreement', 'network'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** The one period filter the map, tables and summaries share; dates inclusive, YYYY-MM-DD. */
export interface PeriodFilter {
  readonly preset: 'all' | 'month' | 'season' | 'year' | 'custom';
  readonly start: string;
  readonly end: string;
}

/**
 * A map tool takes map clicks instead of the default (select what was clicked): placing an intake or an event,
 * picking an outlet. `id` names it for the status line; `onClick` receives the clicked position.
 */
export interface MapTool {
  readonly id: string;
  readonly hintKey: string;
  readonly onClick: (lonLat: [number, number]) => void;
}

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
  sideTab: SideTab;
  period: PeriodFilter;
  mapTool: MapTool | null;
  setLocale(locale: Locale): void;
  setSideTab(tab: SideTab): void;
  setPeriod(period: PeriodFilter): void;
  setMapTool(tool: MapTool | null): void;
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
  sideTab: 'layers',
  period: { preset: 'all', start: '1900-01-01', end: '2999-12-31' },
  mapTool: null,
  setSideTab: (sideTab) => set({ sideTab }),
  setPeriod: (period) => set({ period }),
  setMapTool: (mapTool) => set({ mapTool }),
  setLocale: (locale) => {
    globalThis.localStorage?.setItem(LOCALE_KEY, locale);
    set({ locale });
  },
  toggleLayer: (layer) => set((state) => ({ layers: { ...state.layers, [layer]: !state.layers[layer] } })),
  select: (selection) => set({ selection }),
  setMeetingMode: (meetingMode) => set({ meetingMode }),
}));
