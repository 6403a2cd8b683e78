/** Side tab "Registers": the tables of every register (issue 4 builds it out). */
export function RegistersPanel() {
  return null;
}

/** Detail panel of one record: its fields, history and review (issue 4 builds it out). */
export function RecordPanel(_props: { readonly kind: string; readonly id: string }) {
  return null;
}

/** The one period filter in the top bar (issue 4 builds it out). */
export function PeriodBar() {
  return null;
}

/** Map layers of the registers (events, restoration sites, exceedances), drawn as overlays. */
export function RegisterOverlays() {
  return null;
}
