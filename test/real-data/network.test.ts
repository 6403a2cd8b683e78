// The river network against published hydrography (see ../shared/fixtures/README.md):
// NHDPlus V2 New Hope Creek (topology attributes, drainage areas, gages) and OpenStreetMap Quindío (geometry only).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { RiverNetwork } from '../../src/hydrology/river-network';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env['WSC_FIXTURES'] ?? path.resolve(repoRoot, '..', 'shared', 'fixtures');

function readJson<T>(relativePath: string): T {
  const file = path.join(fixtures, relativePath);
  if (!existsSync(file)) throw new Error(`real-data fixture missing: ${file} (set WSC_FIXTURES)`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

interface FlowlineProperties {
  COMID: number;
  FromNode: number;
  ToNode: number;
  Hydroseq: number;
  DnHydroseq: number;
  Divergence: number;
  Pathlength: number;
  TotDASqKM: number;
}

interface GageProperties {
  STATION_NM: string;
  FLComID: number;
  LonSite: number;
  LatSite: number;
  DASqKm: number;
}

const flowlines = readJson<FeatureCollection<LineString, FlowlineProperties>>(
  'nhdplus-new-hope/new_hope_flowlines.geojson',
);
const newHope = RiverNetwork.fromGeoJson(flowlines);
const byComid = new Map(flowlines.features.map((feature) => [String(feature.properties.COMID), feature.properties]));

describe('NHDPlus New Hope Creek, from topology attributes', () => {
  it('reads the FromNode/ToNode scheme and keeps all 746 flowlines', () => {
    expect([newHope.network.scheme, newHope.network.reachCount]).toEqual(['nhdplus-nodes', 746]);
  });

  it("gives every flowline NHDPlus's downstream neighbour: the flowline starting at its ToNode, Divergence 1 on a split", () => {
    const byFromNode = new Map<number, FlowlineProperties[]>();
    for (const { properties } of flowlines.features) {
      byFromNode.set(properties.FromNode, [...(byFromNode.get(properties.FromNode) ?? []), properties]);
    }
    const mismatches = flowlines.features.filter(({ properties }) => {
      const candidates = byFromNode.get(properties.ToNode) ?? [];
      const main = candidates.length > 1 ? candidates.find((candidate) => candidate.Divergence === 1) : candidates[0];
      const expected = main === undefined ? null : String(main.COMID);
      return newHope.network.reach(String(properties.COMID))?.downstreamId !== expected;
    });
    expect(mismatches.map((feature) => feature.properties.COMID)).toEqual([]);
  });

  it('builds the same tree from Hydroseq/DnHydroseq as from the nodes', () => {
    const fromHydroseq = RiverNetwork.fromGeoJson(flowlines, { scheme: 'nhdplus-hydroseq' }).network;
    const differing = newHope.network
      .reachIds()
      .filter((id) => fromHydroseq.reach(id)?.downstreamId !== newHope.network.reach(id)?.downstreamId);
    expect(differing).toEqual([]);
  });

  it('keeps the 84 minor paths of splits as reaches and reports them', () => {
    const minorPaths = flowlines.features
      .filter((feature) => feature.properties.Divergence === 2)
      .map((f) => String(f.properties.COMID));
    const split = newHope.diagnostics.find((diagnostic) => diagnostic.code === 'hydrology.network.split');
    expect([...(split?.reachIds ?? [])].sort()).toEqual(minorPaths.sort());
  });

  it('matches TotDASqKM within 1% on every flowline, summing AreaSqKM once over the union upstream', () => {
    const outside = flowlines.features.filter(({ properties }) => {
      const computed = newHope.network.reach(String(properties.COMID))!.drainageAreaKm2;
      return Math.abs(computed - properties.TotDASqKM) > 0.01 * properties.TotDASqKM;
    });
    expect(outside.map((feature) => feature.properties.COMID)).toEqual([]);
  });

  it('drains 595.34 km2 at the New Hope River outlet, COMID 8897784', () => {
    expect(newHope.network.outletIds()).toEqual(['8897784']);
    expect(newHope.network.reach('8897784')?.drainageAreaKm2).toBeCloseTo(595.34, 2);
  });

  it('matches TotDASqKM at the outlet within 1% when own areas come from the catchment polygons', () => {
    const catchments = readJson<FeatureCollection>('nhdplus-new-hope/new_hope_catchments.geojson');
    const fromPolygons = RiverNetwork.fromGeoJson(flowlines, { catchments }).network;
    expect(fromPolygons.reach('8897784')!.drainageAreaKm2).toBeGreaterThan(595.34 * 0.99);
    expect(fromPolygons.reach('8897784')!.drainageAreaKm2).toBeLessThan(595.34 * 1.01);
  });

  it('measures distance to the outlet as Pathlength does (km along the main path)', () => {
    const outletPathlength = byComid.get('8897784')!.Pathlength;
    const worstKm = Math.max(
      ...flowlines.features.map(({ properties }) =>
        Math.abs(
          newHope.network.reach(String(properties.COMID))!.distanceToOutletKm -
            (properties.Pathlength - outletPathlength),
        ),
      ),
    );
    expect(worstKm).toBeLessThan(0.01);
  });

  it('snaps the USGS gages from their raw site positions onto the flowline NHDPlus indexes them to', () => {
    const gages = readJson<FeatureCollection<never, GageProperties>>('nhdplus-new-hope/new_hope_gages.geojson');
    const toleranceM = 500;
    const rows = gages.features.map(({ properties }) => {
      const snapped = newHope.network.snap([properties.LonSite, properties.LatSite], toleranceM);
      return {
        gage: properties.STATION_NM.slice(0, 34),
        FLComID: String(properties.FLComID),
        indexedFlowlineInExtract: newHope.network.hasReach(String(properties.FLComID)),
        snappedTo: snapped.ok ? snapped.position.reachId : 'refused',
        distanceM: Math.round(snapped.ok ? snapped.distanceM : snapped.params.distanceM),
        hit: snapped.ok && snapped.position.reachId === String(properties.FLComID),
      };
    });
    console.table(rows.filter((row) => !row.hit));
    // The hard cases here are not confluences: three gages (two on Cane Creek, one on Ellerbe Creek) are indexed
    // to flowlines that lie outside this New Hope extract, 1.8 to 2.9 km from any flowline in it, so the 500 m
    // tolerance refuses them, as it should. Every gage whose flowline is in the extract lands on it, including
    // the one below University Lake dam and those near confluences (Bolin Creek, Morgan Creek).
    expect(rows.filter((row) => row.hit).length).toBeGreaterThanOrEqual(13);
    expect(rows.filter((row) => row.indexedFlowlineInExtract && !row.hit)).toEqual([]);
  });
});

interface OsmProperties {
  osm_id: string;
  waterway: string;
  name: string | null;
}

const quindioWays = readJson<FeatureCollection<LineString, OsmProperties>>('osm-quindio/quindio_rivers.geojson');
const quindio = RiverNetwork.fromGeoJson(quindioWays);
const quindioDiagnostic = (code: string) => quindio.diagnostics.find((diagnostic) => diagnostic.code === code);

describe('OpenStreetMap Quindío, from geometry alone', () => {
  it('finds no topology attributes and builds from the geometry', () => {
    expect(quindio.network.scheme).toBe('geometry');
  });

  it('keeps every reach in the drawn direction: each is a run of its way, in order', () => {
    const wayById = new Map(
      quindioWays.features.map((feature) => [feature.properties.osm_id, feature.geometry.coordinates]),
    );
    const againstTheWay = quindio.network.reachIds().filter((id) => {
      const way = wayById.get(id.split(':')[0]!)!;
      const reach = quindio.network.reach(id)!.coordinates;
      const start = way.findIndex((vertex) => vertex[0] === reach[0]![0] && vertex[1] === reach[0]![1]);
      return (
        start < 0 || reach.some((vertex, k) => way[start + k]?.[0] !== vertex[0] || way[start + k]?.[1] !== vertex[1])
      );
    });
    expect(againstTheWay).toEqual([]);
  });

  it('splits ways at every interior vertex where another way ends', () => {
    const reachStarts = new Set(
      quindio.network.reachIds().map((id) => quindio.network.reach(id)!.coordinates[0]!.join(',')),
    );
    const nonCanal = quindioWays.features.filter((feature) => feature.properties.waterway !== 'canal');
    const interiorVertices = new Set(
      nonCanal.flatMap((feature) => feature.geometry.coordinates.slice(1, -1).map((v) => v.join(','))),
    );
    const confluencesOnInteriorVertices = nonCanal
      .map((feature) => feature.geometry.coordinates.at(-1)!.join(','))
      .filter((end) => interiorVertices.has(end));
    expect(confluencesOnInteriorVertices.length).toBeGreaterThan(75);
    expect(confluencesOnInteriorVertices.filter((end) => !reachStarts.has(end))).toEqual([]);
  });

  it('reports about 97 confluences on interior vertices (README: about 97), within 15%', () => {
    const endpointCount = Number(quindioDiagnostic('hydrology.network.linesSplit')?.params['endpointCount']);
    expect(endpointCount).toBeGreaterThanOrEqual(97 * 0.85);
    expect(endpointCount).toBeLessThanOrEqual(97 * 1.15);
  });

  it('reports the separate pieces and their outlets (README: some 25 pieces), within 20%', () => {
    const disconnected = quindioDiagnostic('hydrology.network.disconnected');
    const pieces = quindio.network.pieces();
    console.table(
      pieces.map((piece) => ({
        outlets: piece.outletIds.join(' '),
        reaches: piece.reachCount,
        km: piece.lengthKm.toFixed(1),
      })),
    );
    // Pieces count ways that touch at all; outlets count trees. Lines drawn flowing into each other end two trees
    // at one point, so a piece can hold more than one outlet.
    expect(disconnected?.params['count']).toBe(pieces.length);
    expect(pieces.length).toBeGreaterThanOrEqual(20);
    expect(pieces.length).toBeLessThanOrEqual(30);
    expect(quindio.network.outletIds().length).toBeGreaterThanOrEqual(20);
    expect(quindio.network.outletIds().length).toBeLessThanOrEqual(30);
    expect([...(disconnected?.reachIds ?? [])].sort()).toEqual(quindio.network.outletIds().sort());
  });

  it('keeps the 2 canals out of the tree and reports them', () => {
    expect(quindioDiagnostic('hydrology.network.canalsExcluded')?.params['count']).toBe(2);
  });
});
