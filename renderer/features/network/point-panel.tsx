import { useEffect, useMemo } from 'react';
import { communitySubjects, flowHighlight, flowNeighbours, type FlowNeighbour } from '../../../src/hydrology/flow-view';
import { COLORS } from '../../map/basin-style';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { useMapStore } from '../../state/map-store';
import { useUiStore } from '../../state/ui-store';
import { useRiverRecords } from './river-positions';
import './network.css';

/*
 * The detail panel of a clicked point: snapped to the river, it shows what is upstream (orange) and downstream
 * (purple) on the map, and lists the communities and intakes on each side with their distance along the river.
 */

const POINT_OVERLAY = 'river-point';

function NeighbourList({
  items,
  kind,
  emptyKey,
  locate,
}: {
  readonly items: readonly FlowNeighbour[];
  readonly kind: 'communities' | 'intakes';
  readonly emptyKey: string;
  readonly locate: (kind: 'communities' | 'intakes', id: string) => void;
}) {
  const t = useT();
  if (items.length === 0) return <p className="river-empty">{t(emptyKey)}</p>;
  return (
    <ul className="river-neighbours">
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" className="link-button" onClick={() => locate(kind, item.id)}>
            {item.name}
          </button>
          <span className="river-km">{t('river.point.km', { km: item.distanceKm })}</span>
        </li>
      ))}
    </ul>
  );
}

/** The communities and intakes on one side of the point, under a heading in that side's map colour. */
function RiverSide({
  side,
  communities,
  intakes,
  locate,
}: {
  readonly side: 'upstream' | 'downstream';
  readonly communities: readonly FlowNeighbour[];
  readonly intakes: readonly FlowNeighbour[];
  readonly locate: (kind: 'communities' | 'intakes', id: string) => void;
}) {
  const t = useT();
  return (
    <section className="river-side" aria-labelledby={`river-${side}`}>
      <h3 id={`river-${side}`}>
        <span
          className="swatch swatch-line"
          style={{ '--swatch': COLORS[side] } as React.CSSProperties}
          aria-hidden="true"
        />
        {t(`river.point.${side}`)}
      </h3>
      <h4>{t('river.point.communities')}</h4>
      <NeighbourList items={communities} kind="communities" emptyKey="river.point.noCommunities" locate={locate} />
      <h4>{t('river.point.intakes')}</h4>
      <NeighbourList items={intakes} kind="intakes" emptyKey="river.point.noIntakes" locate={locate} />
    </section>
  );
}

/** Detail panel of a clicked map position: where it meets the river, and who is upstream and downstream of it. */
export function PointPanel({ lonLat }: { readonly lonLat: readonly [number, number] }) {
  const t = useT();
  const session = useSession();
  const map = useMapStore((state) => state.map);
  const select = useUiStore((state) => state.select);
  const records = useRiverRecords();
  const toleranceM = session.basin.info.settings.snapToleranceM;
  const snapped = useMemo(() => session.network.snap(lonLat, toleranceM), [session.network, lonLat, toleranceM]);
  const position = snapped.ok ? snapped.position : null;

  useEffect(() => {
    if (!map || !snapped.ok) return;
    map.setHighlight(flowHighlight(session.network, snapped.position));
    map.setOverlay(
      POINT_OVERLAY,
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: snapped.point } }],
      },
      [
        {
          id: 'river-point',
          type: 'circle',
          paint: {
            'circle-radius': 6,
            'circle-color': '#ffffff',
            'circle-stroke-color': COLORS.outlet,
            'circle-stroke-width': 3,
          },
        },
      ],
    );
    return () => {
      map.setHighlight(null);
      map.removeOverlay(POINT_OVERLAY);
    };
  }, [map, session.network, snapped]);

  const sides = useMemo(() => {
    if (!records || !position) return null;
    const communities = flowNeighbours(
      session.network,
      position,
      communitySubjects(
        records.communities,
        records.intakes.map((placed) => ({ communityId: placed.intake.communityId, position: placed.position })),
        session.communityPositions,
      ),
    );
    const intakes = flowNeighbours(
      session.network,
      position,
      records.intakes.map((placed) => ({
        id: placed.intake.id,
        name: placed.intake.name,
        positions: placed.position ? [placed.position] : [],
      })),
    );
    return { communities, intakes };
  }, [records, position, session.network, session.communityPositions]);

  const locate = (kind: 'communities' | 'intakes', id: string) => {
    if (kind === 'intakes') {
      const intake = records?.intakes.find((placed) => placed.intake.id === id)?.intake;
      if (intake) map?.flyTo(intake.location);
    } else {
      const anchor = session.basin.info.communities.find((community) => community.id === id)?.anchor;
      const intake = records?.intakes.find((placed) => placed.intake.communityId === id)?.intake;
      const target = anchor ?? intake?.location;
      if (target) map?.flyTo(target, 12);
    }
    select({ type: 'record', kind, id });
  };

  if (!snapped.ok) {
    return (
      <section className="river-point" aria-labelledby="river-point-title">
        <h2 id="river-point-title">{t('river.point.title')}</h2>
        <p role="alert" className="river-too-far">
          {t('river.point.tooFar', {
            distanceM: Number.isFinite(snapped.params.distanceM) ? Math.round(snapped.params.distanceM) : '—',
            toleranceM: Math.round(toleranceM),
          })}
        </p>
      </section>
    );
  }

  const reach = session.network.reach(snapped.position.reachId);
  const areaKm2 = session.network.drainageAreaKm2(snapped.position);
  return (
    <section className="river-point" aria-labelledby="river-point-title">
      <h2 id="river-point-title">{t('river.point.title')}</h2>
      <dl className="river-facts">
        <dt>{t('river.point.reach')}</dt>
        <dd>
          {reach?.name
            ? t('river.point.reachNamed', { name: reach.name, id: snapped.position.reachId, order: reach.streamOrder })
            : t('river.point.reachId', { id: snapped.position.reachId, order: reach?.streamOrder ?? 0 })}
        </dd>
        <dt>{t('river.point.snapDistance')}</dt>
        <dd>{t('river.point.metres', { m: Math.round(snapped.distanceM) })}</dd>
        <dt>{t('river.point.toOutlet')}</dt>
        <dd>{t('river.point.km', { km: session.network.distanceToOutletKm(snapped.position) })}</dd>
        <dt>{t('river.point.drainageArea')}</dt>
        <dd>{Number.isFinite(areaKm2) ? t('river.point.km2', { km2: areaKm2 }) : t('river.point.unknown')}</dd>
      </dl>
      {sides === null ? (
        <p role="status">{t('river.point.loading')}</p>
      ) : (
        <>
          <RiverSide
            side="upstream"
            communities={sides.communities.upstream}
            intakes={sides.intakes.upstream}
            locate={locate}
          />
          <RiverSide
            side="downstream"
            communities={sides.communities.downstream}
            intakes={sides.intakes.downstream}
            locate={locate}
          />
        </>
      )}
    </section>
  );
}
