// Point inspection benchmark (the River point panel): on a seeded synthetic tree of the scale basin's size (5,000
// reaches, 2,000 intakes of 200 communities), one click = snap + upstream/downstream highlight features +
// communities and intakes on each side with flow distances. Prints the median and the slowest of 300 clicks.
// Run: npx tsx bench/river-view.bench.ts
import { RiverNetwork, type NetworkPosition } from '../src/hydrology/river-network';
import { communitySubjects, flowHighlight, flowNeighbours } from '../src/hydrology/flow-view';
import { mulberry32 } from './synthetic-dem';
import { syntheticTree } from './synthetic-tree';

const REACH_COUNT = 5_000;
const INTAKE_COUNT = 2_000;
const COMMUNITY_COUNT = 200;
const CLICKS = 300;

const random = mulberry32(7);
const { features } = syntheticTree(REACH_COUNT, 7);
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
