/*
 * The port the rules engine needs from the river network. src/hydrology's network class satisfies it
 * structurally; tests pass a tiny hand-made network instead.
 */

/** A place on the network: a reach and the fraction along it (0 upstream end, 1 downstream end). */
export interface NetworkPosition {
  readonly reachId: string;
  readonly fraction: number;
}

/** Up/downstream queries over the river network (distances in km, areas in km2). */
export interface NetworkView {
  /** True when water at `a` flows through `b` (a position is upstream of itself). */
  isUpstream(a: NetworkPosition, b: NetworkPosition): boolean;
  /** Distance along the river in km between two positions when one is downstream of the other, else null. */
  flowDistanceKm(a: NetworkPosition, b: NetworkPosition): number | null;
  /** Area draining to the position, km2. */
  drainageAreaKm2(p: NetworkPosition): number;
  /**
   * Optional fast path: the reaches from `reachId` to the outlet along the main path, starting with it. With
   * `distanceToOutletKm`, downstream communities are found by walking this path instead of testing every intake.
   */
  downstreamReaches?(reachId: string, mode: 'DM'): readonly string[];
  /** Optional fast path: distance along the river from the position to its outlet, km. */
  distanceToOutletKm?(p: NetworkPosition): number;
}

/**
 * True when water at `a` flows through `b`, counting a position as upstream of itself (the network's own
 * `isUpstream` may be strict).
 * @example flowsThrough(network, { reachId: 'r1', fraction: 0.5 }, { reachId: 'r1', fraction: 0.5 }) === true
 */
export function flowsThrough(network: NetworkView, a: NetworkPosition, b: NetworkPosition): boolean {
  if (a.reachId === b.reachId) return a.fraction <= b.fraction;
  return network.isUpstream(a, b);
}
