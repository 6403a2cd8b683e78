import { create } from 'zustand';
import type { RegisterKind, TableFilters } from './register-kinds';
import { NO_FILTERS } from './register-kinds';

/*
 * UI state of the registers module only (which register is open, its filters and sort, which form is open, where
 * a new intake was clicked). Records are never held here.
 */

/** A form open in the side panel. */
export type OpenForm =
  | { readonly type: 'create'; readonly kind: 'communities' | 'intakes' | 'withdrawals' }
  | { readonly type: 'import'; readonly kind: 'withdrawals' | 'measurements' };

/** A position being placed on the map (a new intake, or an intake being moved), with its snap to the river. */
export interface Placement {
  readonly clicked: [number, number];
  /** The nearest river point within the basin's tolerance, or null when the click is too far from any river. */
  readonly snapped: {
    readonly point: [number, number];
    readonly reachId: string;
    readonly fraction: number;
    readonly distanceM: number;
  } | null;
  /** Distance to the nearest river when it is beyond the tolerance, metres. */
  readonly tooFarM: number | null;
}

interface RegistersState {
  kind: RegisterKind | null;
  tableOpen: boolean;
  filters: TableFilters;
  sort: { readonly column: number; readonly descending: boolean } | null;
  form: OpenForm | null;
  placement: Placement | null;
  open(kind: RegisterKind): void;
  setTableOpen(open: boolean): void;
  setFilters(filters: Partial<TableFilters>): void;
  sortBy(column: number): void;
  setForm(form: OpenForm | null): void;
  setPlacement(placement: Placement | null): void;
}

/** The registers module's UI store. */
export const useRegistersStore = create<RegistersState>((set) => ({
  kind: null,
  tableOpen: false,
  filters: NO_FILTERS,
  sort: null,
  form: null,
  placement: null,
  open: (kind) =>
    set((state) =>
      state.kind === kind
        ? { tableOpen: true }
        : // Another register: its own filters, and an import begun for the previous one is left.
          {
            kind,
            tableOpen: true,
            filters: NO_FILTERS,
            sort: null,
            form: state.form?.type === 'import' ? null : state.form,
          },
    ),
  setTableOpen: (tableOpen) => set({ tableOpen }),
  setFilters: (filters) => set((state) => ({ filters: { ...state.filters, ...filters } })),
  sortBy: (column) =>
    set((state) => ({
      sort:
        state.sort?.column === column
          ? state.sort.descending
            ? null
            : { column, descending: true }
          : { column, descending: false },
    })),
  setForm: (form) => set({ form }),
  setPlacement: (placement) => set({ placement }),
}));
