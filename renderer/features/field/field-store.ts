import { create } from 'zustand';

/*
 * UI state of the field registers only (never records): how far downstream to follow the selected event, and a
 * shape or point being placed before its form is saved, which the overlays draw.
 */

/** A shape waiting for its form: a drawn or imported restoration site, or a clicked event position. */
export type FieldDraft =
  | { readonly type: 'event'; readonly lonLat: [number, number] }
  | { readonly type: 'site'; readonly geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | GeoJSON.LineString }
  | null;

/** State of the field module's UI. */
export interface FieldUiState {
  /** Distance followed downstream of the selected contamination event, km. */
  downstreamKm: number;
  draft: FieldDraft;
  /** A site whose vertices are being edited (its id), so the overlays leave its outline to terra-draw. */
  editingSiteId: string | null;
  setDownstreamKm(km: number): void;
  setDraft(draft: FieldDraft): void;
  setEditingSiteId(id: string | null): void;
}

/** The field module's UI store. */
export const useFieldStore = create<FieldUiState>((set) => ({
  downstreamKm: 15,
  draft: null,
  editingSiteId: null,
  setDownstreamKm: (downstreamKm) => set({ downstreamKm }),
  setDraft: (draft) => set({ draft }),
  setEditingSiteId: (editingSiteId) => set({ editingSiteId }),
}));
