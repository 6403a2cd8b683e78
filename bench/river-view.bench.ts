// Point inspection benchmark (the River point panel): on a seeded synthetic tree of the scale basin's size (5,000
// reaches, 2,000 intakes of 200 communities), one click = snap + upstream/downstream highlight features +
// communities and intakes on each side with flow distances. Prints the median and the slowest of 300 clicks.
// Run: npx tsx bench/river-view.bench.ts
import type { Feature, LineString } from 'geojson';
import { RiverNetwork, type NetworkPosition } from '../src/hydrology/river-network';
import { communitySubjects, flowHighlight, flowNeighbours } from '../src/hydrology/flow-view';
import { mulberry32 } from './synthetic-dem';

const REACH_COUNT = 5_000;
const INTAKE_COUNT = 2_000;
const COMMUNITY_COUNT = 200;
const CLICKS = 300;


const random = mulberry32(7);
const upstreamEnd: [number, number][] = [[-75.7, 4.5]];
const downstream: number[] = [-1];
const open: number[] = [0];
const children = new Uint8Array(REACH_COUNT);
for (let reach = 1; reach < REACH_COUNT; reach++) {
  const slot = Math.floor(random() * open.length);
  const parent = open[slot]!;
  downstream.push(parent);
  if (++children[parent]! >= 2) {
    open[slot] = open[open.length - 1]!;
    open.pop();
  }
  open.push(reach);
  const base = upstreamEnd[parent]!;
  upstreamEnd.push([base[0] + (random() - 0.5) * 0.02, base[1] + 0.002 + random() * 0.01]);
}
const features = upstreamEnd.map((start, reach): Feature<LineString> => {
  const parent = downstream[reach]!;
  const end: [number, number] = parent >= 0 ? upstreamEnd[parent]! : [start[0], start[1] - 0.01];
  return {
    type: 'Feature',
    properties: { id: `r${reach}`, toid: parent >= 0 ? `r${parent}` : null, areaKm2: 1 },
    geometry: {
      type: 'LineString',
      coordinates: [start, [(start[0] + end[0]) / 2 + 0.001, (start[1] + end[1]) / 2], end],
    },
  };
});
const { network } = RiverNetwork.fromGeoJson({ type: 'FeatureCollection', features });

const randomPosition = (): NetworkPosition => ({
  reachId: `r${Math.floor(random() * REACH_COUNT)}`,
  fraction: random(),
});
const intakes = Array.from({ length: INTAKE_COUNT }, (_, index) => ({
  id: `i${index}`,
  name: `Toma ${index}`,
  communityId: `c${index % COMMUNITY_COUNT}`,
  position: randomPosition(),
}));
const communities = Array.from({ length: COMMUNITY_COUNT }, (_, index) => ({
  id: `c${index}`,
  name: `Comunidad ${index}`,
}));

// The first snap builds the spatial index (once per network, when the session opens); time it on its own.
const indexStarted = performance.now();
network.snap([-75.7, 4.5], 100);
const indexMs = performance.now() - indexStarted;

const timesMs: number[] = [];
let listed = 0;
for (let click = 0; click < CLICKS; click++) {
  const at = randomPosition();
  const reach = network.reach(at.reachId)!;
  const lonLat = reach.coordinates[1]!;
  const started = performance.now();
  const snapped = network.snap(lonLat, 100);
  if (!snapped.ok) continue;
  const highlight = flowHighlight(network, snapped.position);
  const communitySides = flowNeighbours(network, snapped.position, communitySubjects(communities, intakes, {}));
  const intakeSides = flowNeighbours(
    network,
    snapped.position,
    intakes.map((intake) => ({ id: intake.id, name: intake.name, positions: [intake.position] })),
  );
  timesMs.push(performance.now() - started);
  listed += highlight.upstream.length + communitySides.upstream.length + intakeSides.downstream.length;
}
timesMs.sort((a, b) => a - b);
console.log(`river point inspection, ${REACH_COUNT} reaches, ${INTAKE_COUNT} intakes, ${COMMUNITY_COUNT} communities`);
console.log(`  clicks measured: ${timesMs.length} (checksum ${listed})`);
const at = (fraction: number) =>
  timesMs[Math.min(timesMs.length - 1, Math.floor(timesMs.length * fraction))]!.toFixed(2);
console.log(`  spatial index (first snap): ${indexMs.toFixed(1)} ms`);
console.log(`  per click: median ${at(0.5)} ms, 95th percentile ${at(0.95)} ms, slowest ${at(1)} ms`);
