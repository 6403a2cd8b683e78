import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RiverNetwork } from '../../../../src/hydrology/river-network';
import { lineLengthKm } from '../../../../src/hydrology/geodesy';
import {
  arrivalSeconds,
  downstreamReachLines,
  downstreamTargets,
  hoursAndMinutes,
  sliceLine,
  type DownstreamCandidate,
} from '../../../../src/field/downstream';

// A Y: two headwaters 'west' and 'east' (each about 1.11 km) join the 'main' stem (about 2.22 km) to the outlet.
function yNetwork(): RiverNetwork {
  const line = (id: string, coordinates: [number, number][]) => ({
    type: 'Feature' as const,
    properties: { id },
    geometry: { type: 'LineString' as const, coordinates },
  });
  return RiverNetwork.fromGeoJson({
    type: 'FeatureCollection',
    features: [
      line('west', [
        [-75.71, 4.53],
        [-75.7, 4.52],
      ]),
      line('east', [
        [-75.69, 4.53],
        [-75.7, 4.52],
      ]),
      line('main', [
        [-75.7, 4.52],
        [-75.7, 4.51],
        [-75.7, 4.5],
      ]),
    ],
  }).network;
}

const candidate = (type: 'community' | 'intake', id: string, reachId: string, fraction: number): DownstreamCandidate => ({
  type,
  id,
  communityId: `c-${id}`,
  position: { reachId, fraction },
});

describe('downstream of a contamination event', () => {
  const network = yNetwork();
  const mainKm = network.reach('main')!.lengthKm;
  const westKm = network.reach('west')!.lengthKm;

  it('lists what lies below the event on its own path, nearest first, and nothing on the other branch or above', () => {
    const candidates = [
      candidate('intake', 'outlet-intake', 'main', 1),
      candidate('community', 'mid', 'main', 0.5),
      candidate('intake', 'east-branch', 'east', 0.9),
      candidate('intake', 'above-event', 'west', 0.1),
      candidate('intake', 'below-event', 'west', 0.8),
    ];
    const found = downstreamTargets(network, { reachId: 'west', fraction: 0.5 }, candidates, { maxKm: 100, flowVelocityMs: 1 });
    expect(found.map((target) => target.id)).toEqual(['below-event', 'mid', 'outlet-intake']);
    expect(found[0]!.distanceKm).toBeCloseTo(0.3 * westKm, 6);
    expect(found[1]!.distanceKm).toBeCloseTo(0.5 * westKm + 0.5 * mainKm, 6);
    expect(found[2]!.distanceKm).toBeCloseTo(0.5 * westKm + mainKm, 6);
  });

  it('keeps only what is within the chosen distance (a target exactly at it counts)', () => {
    const candidates = [candidate('community', 'mid', 'main', 0.5), candidate('intake', 'end', 'main', 1)];
    const exact = 0.5 * mainKm;
    const found = downstreamTargets(network, { reachId: 'main', fraction: 0 }, candidates, { maxKm: exact, flowVelocityMs: 1 });
    expect(found.map((target) => target.id)).toEqual(['mid']);
  });

  it('estimates arrival as distance over the basin flow velocity', () => {
    const found = downstreamTargets(network, { reachId: 'main', fraction: 0 }, [candidate('intake', 'end', 'main', 1)], {
      maxKm: 10,
      flowVelocityMs: 0.5,
    });
    expect(found[0]!.arrivalSeconds).toBeCloseTo((mainKm * 1000) / 0.5, 6);
  });
});

describe('arrival time', () => {
  it('is distance in metres over velocity in m/s', () => {
    expect(arrivalSeconds(2.88, 0.8)).toBeCloseTo(3600, 9);
  });

  it('is unknown (infinite) when the velocity is not positive', () => {
    expect(arrivalSeconds(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('splits into hours and minutes rounded to the minute', () => {
    expect(hoursAndMinutes(3 * 3600 + 299)).toEqual({ hours: 3, minutes: 5 });
    expect(hoursAndMinutes(59 * 60 + 31)).toEqual({ hours: 1, minutes: 0 });
    expect(hoursAndMinutes(20)).toEqual({ hours: 0, minutes: 0 });
  });
});

describe('the river drawn downstream of an event', () => {
  it('slices a line between two fractions of its length', () => {
    const sliced = sliceLine(
      [
        [0, 0],
        [0, 0.01],
        [0, 0.02],
      ],
      0.25,
      0.75,
    );
    expect(sliced.length).toBe(3);
    expect(sliced[0]![1]).toBeCloseTo(0.005, 9);
    expect(sliced[1]![1]).toBeCloseTo(0.01, 9);
    expect(sliced[2]![1]).toBeCloseTo(0.015, 9);
  });

  it('follows the river for the chosen distance from the event', () => {
    const network = yNetwork();
    const lines = downstreamReachLines(network, { reachId: 'west', fraction: 0.5 }, 1.5);
    expect(lines.features.map((feature) => feature.properties?.['reachId'])).toEqual(['west', 'main']);
    const drawnKm = lines.features.reduce((sum, feature) => sum + lineLengthKm(feature.geometry.coordinates as [number, number][]), 0);
    expect(drawnKm).toBeCloseTo(1.5, 2);
  });

  it('on the sample basin, an event at a headwater reaches communities far below it in order', () => {
    const reaches = JSON.parse(readFileSync('data/sample-basin/reaches.geojson', 'utf8'));
    const basin = JSON.parse(readFileSync('data/sample-basin/basin.json', 'utf8'));
    const { network } = RiverNetwork.fromGeoJson(reaches);
    const headwater = network.reachIds().find((id) => network.upstreamReaches(id, 'UT').length === 1 && network.reach(id)!.distanceToOutletKm > 15)!;
    const candidates: DownstreamCandidate[] = basin.communities.flatMap((community: { id: string; anchor: [number, number] }) => {
      const snapped = network.snap(community.anchor, 2000);
      return snapped.ok ? [{ type: 'community', id: community.id, communityId: community.id, position: snapped.position }] : [];
    });
    const found = downstreamTargets(network, { reachId: headwater, fraction: 0 }, candidates, { maxKm: 1000, flowVelocityMs: 0.8 });
    expect(found.length).toBeGreaterThan(0);
    const distances = found.map((target) => target.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const target of found) expect(network.isUpstream({ reachId: headwater, fraction: 0 }, target.position)).toBe(true);
  });
});
