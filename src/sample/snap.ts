import type { NetworkSnap } from '../domain/records';
import { closestOnSegment, lineLengthKm } from '../hydrology/geodesy';
import { round } from './records-common';
import type { SampleTopology } from './topology';

/** Finds the nearest reach to a point, as the sample stores it on intakes, stations and events. */
export type SampleSnapper = (lonLat: readonly [number, number]) => NetworkSnap | null;

interface IndexedSegment {
  reachId: string;
  a: [number, number];
  b: [number, number];
  /** Length of the reach before this segment, km. */
  startKm: number;
  lengthKm: number;
}

/**
 * A nearest-reach snapper over a grid of buckets of `bucketDeg` degrees; points farther than one bucket from
 * every reach give null. Fraction is by length along the reach (0 upstream end, 1 downstream end).
 * @example createSnapper(topology)([-75.6, 5.0])?.reachId
 */
export function createSnapper(topology: SampleTopology, bucketDeg = 0.005): SampleSnapper {
  const buckets = new Map<string, IndexedSegment[]>();
  const key = (x: number, y: number): string => `${x},${y}`;
  const reachIds = [...topology.reaches.keys()].sort();
  for (const reachId of reachIds) {
    const coordinates = topology.reaches.get(reachId)?.geometry.coordinates ?? [];
    let startKm = 0;
    for (let index = 1; index < coordinates.length; index += 1) {
      const a = coordinates[index - 1] as [number, number];
      const b = coordinates[index] as [number, number];
      const lengthKm = lineLengthKm([a, b]);
      const segment: IndexedSegment = { reachId, a, b, startKm, lengthKm };
      startKm += lengthKm;
      const minX = Math.floor(Math.min(a[0], b[0]) / bucketDeg);
      const maxX = Math.floor(Math.max(a[0], b[0]) / bucketDeg);
      const minY = Math.floor(Math.min(a[1], b[1]) / bucketDeg);
      const maxY = Math.floor(Math.max(a[1], b[1]) / bucketDeg);
      for (let x = minX; x <= maxX; x += 1) {
        for (let y = minY; y <= maxY; y += 1) {
          const list = buckets.get(key(x, y)) ?? [];
          list.push(segment);
          buckets.set(key(x, y), list);
        }
      }
    }
  }
  return (lonLat) => {
    const x = Math.floor(lonLat[0] / bucketDeg);
    const y = Math.floor(lonLat[1] / bucketDeg);
    let best: { segment: IndexedSegment; t: number; distanceM: number } | null = null;
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const segment of buckets.get(key(x + dx, y + dy)) ?? []) {
          const closest = closestOnSegment(lonLat[0], lonLat[1], segment.a, segment.b);
          if (
            best === null ||
            closest.distanceM < best.distanceM ||
            (closest.distanceM === best.distanceM && segment.reachId < best.segment.reachId)
          ) {
            best = { segment, t: closest.t, distanceM: closest.distanceM };
          }
        }
      }
    }
    if (best === null) return null;
    const reachLengthKm = topology.lengthKm.get(best.segment.reachId) ?? 0;
    const alongKm = best.segment.startKm + best.t * best.segment.lengthKm;
    const fraction = reachLengthKm > 0 ? Math.min(1, Math.max(0, alongKm / reachLengthKm)) : 0;
    return { reachId: best.segment.reachId, fraction: round(fraction, 4), distanceM: round(best.distanceM, 1) };
  };
}
