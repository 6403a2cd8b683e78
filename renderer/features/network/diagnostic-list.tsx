import type { NetworkDiagnostic, RiverNetwork } from '../../../src/hydrology/river-network';
import { useT } from '../../i18n/use-t';
import { currentMap } from '../../state/map-store';

/*
 * The build diagnostics of a network (loops cut, pieces that do not touch, reaches drawn against the flow...), each
 * in plain words with the reaches it concerns; a click on a reach flies there and marks it.
 */

const FOCUS_OVERLAY = 'river-focus';
const MAX_LISTED = 40;

/** Flies to a reach and marks it on the map (until the River tab closes). */
export function focusReach(network: RiverNetwork, reachId: string): void {
  const map = currentMap();
  const reach = network.reach(reachId);
  if (!map || !reach) return;
  const lons = reach.coordinates.map((vertex) => vertex[0]);
  const lats = reach.coordinates.map((vertex) => vertex[1]);
  map.setOverlay(
    FOCUS_OVERLAY,
    {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: reach.coordinates } }],
    },
    [
      {
        id: 'river-focus-halo',
        type: 'line',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#f2b705', 'line-width': 10, 'line-opacity': 0.85 },
      },
      {
        id: 'river-focus-line',
        type: 'line',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#111111', 'line-width': 2 },
      },
    ],
  );
  map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], 120);
}

/** Removes the mark of a focused reach. */
export function clearFocus(): void {
  currentMap()?.removeOverlay(FOCUS_OVERLAY);
}

function ReachButtons({ network, ids }: { readonly network: RiverNetwork; readonly ids: readonly string[] }) {
  const t = useT();
  const listed = ids.filter((id) => network.hasReach(id)).slice(0, MAX_LISTED);
  if (listed.length === 0) return null;
  return (
    <ul className="river-reach-buttons">
      {listed.map((id) => (
        <li key={id}>
          <button type="button" className="chip" onClick={() => focusReach(network, id)}>
            {t('river.diagnostics.reach', { id })}
          </button>
        </li>
      ))}
      {ids.length > listed.length && (
        <li className="river-more">{t('river.diagnostics.more', { count: ids.length - listed.length })}</li>
      )}
    </ul>
  );
}

function Pieces({ network }: { readonly network: RiverNetwork }) {
  const t = useT();
  return (
    <ol className="river-pieces">
      {network.pieces().map((piece, index) => (
        <li key={piece.outletIds.join()}>
          <button
            type="button"
            className="chip"
            onClick={() => piece.outletIds[0] && focusReach(network, piece.outletIds[0])}
          >
            {t('river.diagnostics.piece', { number: index + 1, count: piece.reachCount, km: piece.lengthKm })}
          </button>
        </li>
      ))}
    </ol>
  );
}

/** The diagnostics of a network, or a line saying none were found. */
export function DiagnosticList({
  network,
  diagnostics,
}: {
  readonly network: RiverNetwork;
  readonly diagnostics: readonly NetworkDiagnostic[];
}) {
  const t = useT();
  if (diagnostics.length === 0) return <p className="river-ok">{t('river.diagnostics.none')}</p>;
  return (
    <ul className="river-diagnostics" aria-label={t('river.diagnostics.title')}>
      {diagnostics.map((diagnostic, index) => (
        <li key={`${diagnostic.code}-${index}`} className={`river-diagnostic ${diagnostic.severity}`}>
          <p>{t.message({ code: diagnostic.code, params: diagnostic.params })}</p>
          {diagnostic.code === 'hydrology.network.disconnected' ? (
            <Pieces network={network} />
          ) : (
            <ReachButtons network={network} ids={diagnostic.reachIds} />
          )}
        </li>
      ))}
    </ul>
  );
}
