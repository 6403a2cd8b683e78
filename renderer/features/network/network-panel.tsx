/** Side tab "River": the network's summary and hydrography import (issue 3 builds it out). */
export function NetworkPanel() {
  return null;
}

/** Detail panel of a clicked map position: upstream and downstream of it (issue 3 builds it out). */
export function PointPanel(_props: { readonly lonLat: readonly [number, number] }) {
  return null;
}
