/** Side tab "Findings" (issue 5 builds it out). */
export function FindingsPanel() {
  return null;
}

/** Detail panel of one finding (issue 5 builds it out). */
export function FindingPanel(_props: { readonly id: string }) {
  return null;
}

/** Finding badges on the map, drawn as an overlay. */
export function FindingOverlays() {
  return null;
}
