/*
 * Entry points of the field registers (contamination events, water quality, restoration sites, basemap), which
 * the registers module and the shell render. Issue 4 builds them out.
 */

/** Actions above a register's table (e.g. "Place an event on the map"), for the kinds this module owns. */
export function FieldActions(_props: { readonly kind: string }) {
  return null;
}

/** Extra sections of a record's panel for the kinds this module owns (downstream list, visits, photos...). */
export function FieldRecordSection(_props: { readonly kind: string; readonly id: string }) {
  return null;
}

/** Map overlays of the field registers (events, downstream reach, restoration sites, exceedances, basemap). */
export function FieldOverlays() {
  return null;
}
