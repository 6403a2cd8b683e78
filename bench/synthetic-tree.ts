// A seeded synthetic river tree for the benchmarks (network build and queries, river point inspection).
import type { Feature, LineString } from 'geojson';
import { mulberry32 } from './synthetic-dem';

/** A binary-ish tree: each new reach joins above a random reach that has fewer than two tributaries (rarely three). */
export function syntheticTree(
  reachCount: number,
  seed: number,
): { features: Feature<LineString>[]; downstream: Int32Array } {
  const random = mulberry32(seed);
  const downstream = new Int32Array(reachCount).fill(-1);
  const childCount = new Uint8Array(reachCount);
  const upstreamEnd: [number, number][] = [[-75.7, 4.5]];
  const open: number[] = [0];
  for (let reach = 1; reach < reachCount; reach++) {
    const slot = Math.floor(random() * open.length);
    const parent = open[slot]!;
    downstream[reach] = parent;
    childCount[parent]!++;
    if (childCount[parent]! >= (random() < 0.05 ? 3 : 2)) {
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
    const middle: [number, number] = [(start[0] + end[0]) / 2 + 0.001, (start[1] + end[1]) / 2];
    return {
      type: 'Feature',
      properties: {
        id: `r${reach}`,
        toid: parent >= 0 ? `r${parent}` : null,
        areaKm2: 1 + (reach % 7),
      },
      geometry: { type: 'LineString', coordinates: [start, middle, end] },
    };
  });
  return { features, downstream };
}
