import type { Session } from '../../session/session';
import { currentMap } from '../../state/map-store';
import type { Placement } from './registers-store';

/*
 * What the registers module asks of the map and the river network, kept out of the components.
 */

/**
 * Flies the map to a record, keeping it clear of the table pane that covers the left `leftCoverPx` of the map.
 */
export function flyToRecord(lonLat: readonly [number, number], leftCoverPx = 0): void {
  const map = currentMap();
  if (!map) return;
  if (leftCoverPx <= 0) {
    map.flyTo(lonLat, 14);
    return;
  }
  map.maplibre.flyTo({
    center: [lonLat[0], lonLat[1]],
    zoom: 14,
    padding: { left: leftCoverPx, top: 0, right: 0, bottom: 0 },
    essential: true,
  });
}

/** Gives the map its whole area back once the table pane closes (flyToRecord keeps the pane's padding). */
export function clearPanePadding(): void {
  currentMap()?.maplibre.setPadding({ left: 0, top: 0, right: 0, bottom: 0 });
}

/** Snaps a clicked position to the river within the basin's tolerance, for the intake form to show before saving. */
export function placeOnRiver(session: Session, clicked: [number, number]): Placement {
  const tolerance = session.basin.info.settings.snapToleranceM;
  const snapped = session.network.snap(clicked, tolerance);
  if (snapped.ok) {
    return {
      clicked,
      snapped: {
        point: snapped.point,
        reachId: snapped.position.reachId,
        fraction: snapped.position.fraction,
        distanceM: snapped.distanceM,
      },
      tooFarM: null,
    };
  }
  const distance = snapped.params.distanceM;
  return { clicked, snapped: null, tooFarM: Number.isFinite(distance) ? distance : null };
}
