import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, LineString } from 'geojson';
import { area as geodesicAreaM2 } from '@turf/turf';
import Flatbush from 'flatbush';
import { closestOnSegment, haversineM, METRES_PER_DEGREE_LATITUDE } from './geodesy';
import {
  breakDirectedCycles,
  idOf,
  PropertyKeys,
  readLines,
  type CanalLine,
  type NetworkBuildOptions,
  type NetworkDiagnostic,
  type NetworkDraft,
  type TopologyScheme,
} from './network-draft';
import { readGeometry } from './network-geometry';
import { detectScheme, readTopology } from './network-topology';

export type { CanalLine, NetworkBuildOptions, NetworkDiagnostic, TopologyScheme } from './network-draft';

/** A reach id: the source id as a string (COMID, HYRIV_ID, id), or one generated for a split line ("way:2"). */
export type ReachId = string;

/** A point on the network: reach and fraction along it, 0 = upstream end, 1 = downstream end. */
export interface NetworkPosition {
  readonly reachId: ReachId;
  readonly fraction: number;
}

/** A point snapped onto the network, with the snap distance in metres and the snapped [lon, lat]. */
export interface SnapResult {
  ok: true;
  position: NetworkPosition;
  distanceM: number;
  point: [number, number];
}

/** A snap refused because the nearest reach is farther than the tolerance (both in metres). */
export interface SnapRefusal {
  ok: false;
  code: 'hydrology.snap.tooFar';
  params: { distanceM: number; toleranceM: number };
}

/** Everything known about one reach; lengths and distances in km, areas in km2. */
export interface ReachInfo {
  readonly id: ReachId;
  readonly downstreamId: ReachId | null;
  readonly lengthKm: number;
  readonly streamOrder: number;
  /** Contributing area at the downstream end (km2); NaN when the data carries no catchment areas. */
  readonly drainageAreaKm2: number;
  /** The reach's own catchment (km2), NaN when unknown. */
  readonly ownAreaKm2: number;
  /** Distance along the river from the reach's downstream end to its outlet (km). */
  readonly distanceToOutletKm: number;
  /** Vertices as [lon, lat], upstream end first. */
  readonly coordinates: [number, number][];
  readonly outletId: ReachId;
  readonly name?: string;
}

/** One connected piece of the network, with its outlet(s), its size and total length (km). */
export interface NetworkPiece {
  readonly outletIds: ReachId[];
  readonly reachCount: number;
  readonly lengthKm: number;
}

/** One stretch of a reach, fractions 0 (upstream end) to 1 (downstream end). */
export interface ReachStretch {
  readonly reachId: ReachId;
  readonly fromFraction: number;
  readonly toFraction: number;
}

/** Properties of each line that {@link RiverNetwork.toGeoJson} writes; lengths and distances in km, areas in km2 (null when unknown). */
export interface ReachProperties {
  id: ReachId;
  downstreamId: ReachId | null;
  streamOrder: number;
  lengthKm: number;
  drainageAreaKm2: number | null;
  distanceToOutletKm: number;
  outletId: ReachId;
  name?: string;
}

const DEGREES = Math.PI / 180;
/** Candidates this close (metres) are the same snap distance; the downstream one wins, so a confluence snaps below it. */
const SNAP_TIE_M = 1e-3;

function clampFraction(fraction: number): number {
  if (!(fraction > 0)) return 0;
  return fraction < 1 ? fraction : 1;
}

interface MeasuredSegment {
  readonly reach: number;
  readonly fraction: number;
  readonly distanceM: number;
  readonly lon: number;
  readonly lat: number;
}

interface SpatialIndex {
  readonly index: Flatbush;
  readonly kx: number;
  readonly segmentReach: Int32Array;
  readonly segmentVertex: Int32Array;
  /** Metres along the reach's drawn line at each vertex (flat, by global vertex index). */
  readonly cumulativeM: Float64Array;
  readonly reachVertexStart: Int32Array;
}

/**
 * A directed forest of river reaches with O(1) upstream tests, flow distances, drainage areas and snapping.
 * Built once from GeoJSON; immutable afterwards.
 */
export class RiverNetwork {
  /** Number of reaches in the tree (canals excluded). */
  readonly reachCount: number;
  /** The topology scheme the network was read with. */
  readonly scheme: TopologyScheme;

  private readonly ids: readonly string[];
  /** Null-prototype dictionary: string-keyed lookups here are about twice as fast as a Map's, which the 1M-query budget needs. */
  private readonly indexById: Record<string, number>;
  private readonly coordinates: readonly [number, number][][];
  private readonly names: readonly (string | undefined)[];
  private readonly downstream: Int32Array;
  private readonly childStart: Int32Array;
  private readonly children: Int32Array;
  private readonly divergeStart: Int32Array;
  private readonly divergeTo: Int32Array;
  private readonly preorder: Int32Array;
  private readonly subtreeSize: Int32Array;
  private readonly reachAtPreorder: Int32Array;
  private readonly lengthKm: Float64Array;
  private readonly outletDistanceKm: Float64Array;
  private readonly outletOf: Int32Array;
  private readonly streamOrder: Int32Array;
  private readonly ownAreaKm2: Float64Array;
  private readonly totalAreaKm2: Float64Array;
  private readonly mainChild: Int32Array;
  private readonly pieceOf: Int32Array;
  private readonly pieceCount: number;
  private readonly canalLines: readonly CanalLine[];
  private spatial: SpatialIndex | undefined;

  private constructor(draft: NetworkDraft) {
    const n = draft.ids.length;
    this.reachCount = n;
    this.scheme = draft.scheme;
    this.ids = draft.ids;
    this.indexById = Object.create(null) as Record<string, number>;
    draft.ids.forEach((id, index) => (this.indexById[id] = index));
    this.coordinates = draft.coordinates;
    this.names = draft.names;
    this.downstream = draft.downstream;
    this.lengthKm = draft.lengthKm;
    this.ownAreaKm2 = draft.ownAreaKm2;
    this.canalLines = draft.canals;
    const down = this.downstream;

    this.childStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) if (down[i]! >= 0) this.childStart[down[i]! + 1]!++;
    for (let i = 0; i < n; i++) this.childStart[i + 1]! += this.childStart[i]!;
    this.children = new Int32Array(this.childStart[n]!);
    const childFill = this.childStart.slice(0, n);
    for (let i = 0; i < n; i++) if (down[i]! >= 0) this.children[childFill[down[i]!]!++] = i;

    const divergences = draft.divergences;
    const extraParentCount = new Int32Array(n);
    this.divergeStart = new Int32Array(n + 1);
    for (let k = 0; k < divergences.length; k += 2) {
      extraParentCount[divergences[k]!]!++;
      this.divergeStart[divergences[k + 1]! + 1]!++;
    }
    for (let i = 0; i < n; i++) this.divergeStart[i + 1]! += this.divergeStart[i]!;
    this.divergeTo = new Int32Array(this.divergeStart[n]!);
    const divergeFill = this.divergeStart.slice(0, n);
    for (let k = 0; k < divergences.length; k += 2)
      this.divergeTo[divergeFill[divergences[k + 1]!]!++] = divergences[k]!;

    // Depth-first pre-order over each tree from its outlet: a reach's upstream set is one contiguous range.
    this.preorder = new Int32Array(n);
    this.subtreeSize = new Int32Array(n);
    this.reachAtPreorder = new Int32Array(n);
    this.outletOf = new Int32Array(n);
    this.outletDistanceKm = new Float64Array(n);
    const stack = new Int32Array(n);
    let counter = 0;
    for (let root = 0; root < n; root++) {
      if (down[root]! >= 0) continue;
      let top = 0;
      stack[top++] = root;
      this.outletOf[root] = root;
      while (top > 0) {
        const reach = stack[--top]!;
        this.preorder[reach] = counter;
        this.reachAtPreorder[counter++] = reach;
        for (let k = this.childStart[reach + 1]! - 1; k >= this.childStart[reach]!; k--) {
          const child = this.children[k]!;
          this.outletOf[child] = this.outletOf[reach]!;
          this.outletDistanceKm[child] = this.outletDistanceKm[reach]! + this.lengthKm[reach]!;
          stack[top++] = child;
        }
      }
    }
    const treeAreaKm2 = new Float64Array(n);
    const arbolateKm = new Float64Array(n);
    let knownAreas = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(this.ownAreaKm2[i]!)) knownAreas++;
    for (let p = n - 1; p >= 0; p--) {
      const reach = this.reachAtPreorder[p]!;
      this.subtreeSize[reach]! += 1;
      const own = this.ownAreaKm2[reach]!;
      treeAreaKm2[reach]! += Number.isFinite(own) ? own : 0;
      arbolateKm[reach]! += this.lengthKm[reach]!;
      const parent = down[reach]!;
      if (parent >= 0) {
        this.subtreeSize[parent]! += this.subtreeSize[reach]!;
        treeAreaKm2[parent]! += treeAreaKm2[reach]!;
        arbolateKm[parent]! += arbolateKm[reach]!;
      }
    }

    const topological = this.topologicalOrder(extraParentCount);
    const extraParents = this.extraParentLists(divergences);
    this.totalAreaKm2 = this.accumulateAreas(topological, extraParents, treeAreaKm2);
    if (knownAreas === 0) this.totalAreaKm2.fill(Number.NaN);
    this.streamOrder = this.strahlerOrders(topological, extraParents, draft.givenOrder);
    this.mainChild = this.mainChildren(draft, arbolateKm);

    if (draft.pieceOf !== undefined) {
      this.pieceOf = draft.pieceOf;
    } else {
      this.pieceOf = new Int32Array(n);
      for (let p = 0; p < n; p++) {
        const reach = this.reachAtPreorder[p]!;
        this.pieceOf[reach] = down[reach]! < 0 ? reach : this.pieceOf[down[reach]!]!;
      }
      // Split paths can tie two trees into one piece.
      const parent = Int32Array.from(this.pieceOf);
      const find = (x: number): number => {
        while (parent[x]! !== x) x = parent[x] = parent[parent[x]!]!;
        return x;
      };
      for (let k = 0; k < divergences.length; k += 2) {
        const a = find(this.pieceOf[divergences[k]!]!);
        const b = find(this.pieceOf[divergences[k + 1]!]!);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
      for (let i = 0; i < n; i++) this.pieceOf[i] = find(this.pieceOf[i]!);
    }
    const renumber = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const piece = this.pieceOf[i]!;
      if (!renumber.has(piece)) renumber.set(piece, renumber.size);
      this.pieceOf[i] = renumber.get(piece)!;
    }
    this.pieceCount = renumber.size;
  }

  /**
   * Builds a network from a GeoJSON FeatureCollection of lon/lat (Multi)LineStrings, reading NHDPlus,
   * HydroRIVERS or id/toid topology when the properties carry it, else the geometry. Nothing is dropped
   * silently: every loop, split, disconnected piece, reversed line and canal is in `diagnostics`.
   *
   * @example RiverNetwork.fromGeoJson({ type: 'FeatureCollection', features: [
   *   { type: 'Feature', properties: { id: 'a', toid: 'b' }, geometry: { type: 'LineString', coordinates: [[0, 1], [0, 0.5]] } },
   *   { type: 'Feature', properties: { id: 'b', toid: null }, geometry: { type: 'LineString', coordinates: [[0, 0.5], [0, 0]] } },
   * ] }).network.reach('a')?.downstreamId // 'b'
   */
  static fromGeoJson(
    featureCollection: {
      readonly type?: 'FeatureCollection';
      readonly features: readonly Feature<Geometry | null, GeoJsonProperties>[];
    },
    options: NetworkBuildOptions = {},
  ): { network: RiverNetwork; diagnostics: NetworkDiagnostic[] } {
    const diagnostics: NetworkDiagnostic[] = [];
    const lines = readLines(featureCollection, diagnostics);
    const requested = options.scheme ?? 'auto';
    const scheme = requested === 'auto' ? detectScheme(lines, options.idProperty, options.toIdProperty) : requested;
    const draft =
      scheme === 'geometry'
        ? readGeometry(lines, options, diagnostics)
        : readTopology(scheme, lines, options, diagnostics);
    breakDirectedCycles(draft.downstream, draft.ids, diagnostics);
    if (options.catchments !== undefined)
      applyCatchmentAreas(draft, options.catchments, options.catchmentIdProperty, diagnostics);
    if (scheme !== 'geometry') reportReachesDrawnAgainstFlow(draft, diagnostics);
    const network = new RiverNetwork(draft);
    network.reportStructure(diagnostics);
    return { network, diagnostics };
  }

  private reportStructure(diagnostics: NetworkDiagnostic[]): void {
    if (this.reachCount === 0) {
      diagnostics.push({
        code: 'hydrology.network.empty',
        severity: 'warning',
        params: {},
        reachIds: [],
      });
    }
    if (this.canalLines.length > 0) {
      diagnostics.push({
        code: 'hydrology.network.canalsExcluded',
        severity: 'info',
        params: { count: this.canalLines.length },
        reachIds: this.canalLines.map((canal) => canal.id),
      });
    }
    if (this.pieceCount > 1) {
      diagnostics.push({
        code: 'hydrology.network.disconnected',
        severity: 'warning',
        params: {
          count: this.pieceCount,
          outletCount: this.outletIds().length,
        },
        reachIds: this.outletIds(),
      });
    }
    let missingAreas = 0;
    for (let i = 0; i < this.reachCount; i++) if (!Number.isFinite(this.ownAreaKm2[i]!)) missingAreas++;
    if (missingAreas > 0 && missingAreas < this.reachCount) {
      diagnostics.push({
        code: 'hydrology.network.areaMissing',
        severity: 'warning',
        params: { count: missingAreas },
        reachIds: [],
      });
    }
  }

  /** Order in which every reach comes after its tree children and after the reaches that split into it. */
  private topologicalOrder(extraParentCount: Int32Array): Int32Array {
    const n = this.reachCount;
    const pending = new Int32Array(n);
    for (let i = 0; i < n; i++) pending[i] = this.childStart[i + 1]! - this.childStart[i]! + extraParentCount[i]!;
    const order = new Int32Array(n);
    const placed = new Uint8Array(n);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) if (pending[i] === 0) order[tail++] = i;
    const release = (reach: number): void => {
      if (--pending[reach]! === 0) order[tail++] = reach;
    };
    while (head < tail) {
      const reach = order[head++]!;
      placed[reach] = 1;
      if (this.downstream[reach]! >= 0) release(this.downstream[reach]!);
      for (let k = this.divergeStart[reach]!; k < this.divergeStart[reach + 1]!; k++) release(this.divergeTo[k]!);
    }
    if (tail < n) {
      // A split path that leads back upstream makes a cycle; the rest follow the tree alone, children first.
      for (let p = n - 1; p >= 0; p--) {
        const reach = this.reachAtPreorder[p]!;
        if (placed[reach] === 0) order[tail++] = reach;
      }
    }
    return order;
  }

  private extraParentLists(divergences: readonly number[]): (number[] | undefined)[] {
    const lists: (number[] | undefined)[] = new Array<number[] | undefined>(this.reachCount);
    if (divergences.length === 0) return lists;
    for (let k = 0; k < divergences.length; k += 2) {
      const minor = divergences[k]!;
      (lists[minor] ??= []).push(divergences[k + 1]!);
    }
    return lists;
  }

  /**
   * Contributing area over the union of everything upstream, each catchment counted once where split
   * paths rejoin. The upstream set of a reach is its own subtree plus a few whole subtrees reached through
   * splits; those are kept as a short list of disjoint subtree roots.
   */
  private accumulateAreas(
    order: Int32Array,
    extraParents: readonly (number[] | undefined)[],
    treeAreaKm2: Float64Array,
  ): Float64Array {
    const n = this.reachCount;
    const total = Float64Array.from(treeAreaKm2);
    const outsideRoots: (number[] | undefined)[] = new Array<number[] | undefined>(n);
    const done = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const reach = order[k]!;
      let roots: number[] | undefined;
      for (let c = this.childStart[reach]!; c < this.childStart[reach + 1]!; c++) {
        const childRoots = outsideRoots[this.children[c]!];
        if (childRoots !== undefined) (roots ??= []).push(...childRoots);
      }
      const parents = extraParents[reach];
      if (parents !== undefined) {
        for (const parent of parents) {
          if (done[parent] === 0) continue;
          (roots ??= []).push(parent);
          const parentRoots = outsideRoots[parent];
          if (parentRoots !== undefined) roots.push(...parentRoots);
        }
      }
      if (roots !== undefined) {
        const start = this.preorder[reach]!;
        const end = start + this.subtreeSize[reach]!;
        const outside = roots.filter((root) => this.preorder[root]! < start || this.preorder[root]! >= end);
        outside.sort((a, b) => this.preorder[a]! - this.preorder[b]!);
        const maximal: number[] = [];
        let coveredUntil = -1;
        for (const root of outside) {
          if (this.preorder[root]! < coveredUntil) continue;
          maximal.push(root);
          coveredUntil = this.preorder[root]! + this.subtreeSize[root]!;
        }
        if (maximal.length > 0) {
          outsideRoots[reach] = maximal;
          for (const root of maximal) total[reach]! += treeAreaKm2[root]!;
        }
      }
      done[reach] = 1;
    }
    return total;
  }

  /** Strahler order; a minor path of a split carries the order of the river it leaves and does not raise it where it rejoins. */
  private strahlerOrders(
    order: Int32Array,
    extraParents: readonly (number[] | undefined)[],
    givenOrder: Int32Array,
  ): Int32Array {
    const n = this.reachCount;
    if (n > 0 && givenOrder.every((value) => value > 0)) return givenOrder;
    const strahler = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const reach = order[k]!;
      let highest = 0;
      let countHighest = 0;
      for (let c = this.childStart[reach]!; c < this.childStart[reach + 1]!; c++) {
        const child = this.children[c]!;
        const childOrder = strahler[child]!;
        // A minor path rejoining its river is not a new tributary: it may raise the maximum, never the count.
        const isMinorPath = extraParents[child] !== undefined;
        if (childOrder > highest) {
          highest = childOrder;
          countHighest = isMinorPath ? 0 : 1;
        } else if (childOrder === highest && !isMinorPath) countHighest++;
      }
      let inherited = 0;
      for (const parent of extraParents[reach] ?? []) inherited = Math.max(inherited, strahler[parent]!);
      const fromChildren = countHighest >= 2 ? highest + 1 : highest;
      strahler[reach] = Math.max(1, fromChildren, inherited);
    }
    return strahler;
  }

  /** The upstream child that continues the main stem: as the data says, else same name, larger area, longer river upstream. */
  private mainChildren(draft: NetworkDraft, arbolateKm: Float64Array): Int32Array {
    const n = this.reachCount;
    const main = new Int32Array(n).fill(-1);
    for (let reach = 0; reach < n; reach++) {
      const first = this.childStart[reach]!;
      const last = this.childStart[reach + 1]!;
      if (first === last) continue;
      const hint = draft.mainUpstreamHint[reach]!;
      if (hint >= 0 && this.downstream[hint] === reach) {
        main[reach] = hint;
        continue;
      }
      let best = -1;
      let bestKey: number[] = [];
      for (let c = first; c < last; c++) {
        const child = this.children[c]!;
        const key = [
          Number.isFinite(draft.levelPath[reach]!) && draft.levelPath[child] === draft.levelPath[reach] ? 1 : 0,
          this.names[reach] !== undefined && this.names[child] === this.names[reach] ? 1 : 0,
          Number.isFinite(this.totalAreaKm2[child]!) ? this.totalAreaKm2[child]! : 0,
          arbolateKm[child]!,
        ];
        if (best < 0 || compareKeys(key, bestKey) > 0) {
          best = child;
          bestKey = key;
        }
      }
      main[reach] = best;
    }
    return main;
  }

  private lookup(id: ReachId): number | undefined {
    return this.indexById[id];
  }

  /** Every reach id, in input order. */
  reachIds(): ReachId[] {
    return [...this.ids];
  }

  /** Whether the network has a reach with this id. */
  hasReach(id: ReachId): boolean {
    return this.indexById[id] !== undefined;
  }

  /** Everything known about one reach (lengths km, areas km2), or undefined for an unknown id. */
  reach(id: ReachId): ReachInfo | undefined {
    const index = this.lookup(id);
    if (index === undefined) return undefined;
    const down = this.downstream[index]!;
    const name = this.names[index];
    const info: ReachInfo = {
      id,
      downstreamId: down >= 0 ? this.ids[down]! : null,
      lengthKm: this.lengthKm[index]!,
      streamOrder: this.streamOrder[index]!,
      drainageAreaKm2: this.totalAreaKm2[index]!,
      ownAreaKm2: this.ownAreaKm2[index]!,
      distanceToOutletKm: this.outletDistanceKm[index]!,
      coordinates: this.coordinates[index]!.map((vertex) => [vertex[0], vertex[1]] as [number, number]),
      outletId: this.ids[this.outletOf[index]!]!,
    };
    return name === undefined ? info : { ...info, name };
  }

  /** Ids of the reaches that are outlets (no downstream reach), in input order. */
  outletIds(): ReachId[] {
    const outlets: ReachId[] = [];
    for (let i = 0; i < this.reachCount; i++) if (this.downstream[i]! < 0) outlets.push(this.ids[i]!);
    return outlets;
  }

  /** The connected pieces of the network (more than one when the data is disconnected), largest first; lengths in km. */
  pieces(): NetworkPiece[] {
    const pieces = Array.from({ length: this.pieceCount }, () => ({
      outletIds: [] as ReachId[],
      reachCount: 0,
      lengthKm: 0,
    }));
    for (let i = 0; i < this.reachCount; i++) {
      const piece = pieces[this.pieceOf[i]!]!;
      piece.reachCount++;
      piece.lengthKm += this.lengthKm[i]!;
      if (this.downstream[i]! < 0) piece.outletIds.push(this.ids[i]!);
    }
    return pieces.sort((a, b) => b.reachCount - a.reachCount);
  }

  /** Canals and ditches: kept out of the tree, returned for drawing. */
  canals(): CanalLine[] {
    return this.canalLines.map((canal) => ({
      ...canal,
      coordinates: canal.coordinates.map((v) => [v[0], v[1]] as [number, number]),
    }));
  }

  /**
   * Whether water at `a` flows through `b` (strictly upstream), following the main path at splits.
   * On one reach, by fraction; across reaches, by the reaches' depth-first intervals, in constant time.
   *
   * @example network.isUpstream({ reachId: 'a', fraction: 0.2 }, { reachId: 'a', fraction: 0.7 }) // true
   */
  isUpstream(a: NetworkPosition, b: NetworkPosition): boolean {
    const reachA = this.lookup(a.reachId);
    const reachB = this.lookup(b.reachId);
    if (reachA === undefined || reachB === undefined) return false;
    if (reachA === reachB) return a.fraction < b.fraction;
    const start = this.preorder[reachB]!;
    const offset = this.preorder[reachA]! - start;
    return offset > 0 && offset < this.subtreeSize[reachB]!;
  }

  /** Whether reach `a` is strictly upstream of reach `b` (false for unknown ids or a === b). */
  isReachUpstream(a: ReachId, b: ReachId): boolean {
    const reachA = this.lookup(a);
    const reachB = this.lookup(b);
    if (reachA === undefined || reachB === undefined) return false;
    return this.isIndexUpstream(reachA, reachB);
  }

  private isIndexUpstream(reachA: number, reachB: number): boolean {
    const offset = this.preorder[reachA]! - this.preorder[reachB]!;
    return offset > 0 && offset < this.subtreeSize[reachB]!;
  }

  /**
   * Reaches upstream of a reach, starting with it: 'UM' the main stem only, 'UT' with every tributary
   * (the whole tree above it; minor paths of splits count as their own headwaters).
   */
  upstreamReaches(id: ReachId, mode: 'UM' | 'UT'): ReachId[] {
    const index = this.lookup(id);
    if (index === undefined) return [];
    if (mode === 'UT') {
      const start = this.preorder[index]!;
      const found: ReachId[] = new Array<ReachId>(this.subtreeSize[index]!);
      for (let k = 0; k < found.length; k++) found[k] = this.ids[this.reachAtPreorder[start + k]!]!;
      return found;
    }
    const found: ReachId[] = [];
    for (let reach = index; reach >= 0; reach = this.mainChild[reach]!) found.push(this.ids[reach]!);
    return found;
  }

  /** Reaches downstream of a reach, starting with it: 'DM' the main path to the outlet, 'DD' also every minor path of a split on the way. */
  downstreamReaches(id: ReachId, mode: 'DM' | 'DD'): ReachId[] {
    const index = this.lookup(id);
    if (index === undefined) return [];
    if (mode === 'DM') {
      const found: ReachId[] = [];
      for (let reach = index; reach >= 0; reach = this.downstream[reach]!) found.push(this.ids[reach]!);
      return found;
    }
    const seen = new Uint8Array(this.reachCount);
    const queue = [index];
    seen[index] = 1;
    for (let head = 0; head < queue.length; head++) {
      const reach = queue[head]!;
      const down = this.downstream[reach]!;
      if (down >= 0 && seen[down] === 0) {
        seen[down] = 1;
        queue.push(down);
      }
      for (let k = this.divergeStart[reach]!; k < this.divergeStart[reach + 1]!; k++) {
        const minor = this.divergeTo[k]!;
        if (seen[minor] === 0) {
          seen[minor] = 1;
          queue.push(minor);
        }
      }
    }
    return queue.map((reach) => this.ids[reach]!);
  }

  /** Distance along the river from a position to its outlet (km); NaN for an unknown reach. */
  distanceToOutletKm(position: NetworkPosition): number {
    const index = this.lookup(position.reachId);
    if (index === undefined) return Number.NaN;
    return this.outletDistanceKm[index]! + (1 - clampFraction(position.fraction)) * this.lengthKm[index]!;
  }

  /** Distance along the river between two positions (km) when one is downstream of the other, else null. */
  flowDistanceKm(a: NetworkPosition, b: NetworkPosition): number | null {
    const reachA = this.lookup(a.reachId);
    const reachB = this.lookup(b.reachId);
    if (reachA === undefined || reachB === undefined) return null;
    if (reachA !== reachB && !this.isIndexUpstream(reachA, reachB) && !this.isIndexUpstream(reachB, reachA))
      return null;
    return Math.abs(this.distanceToOutletKm(a) - this.distanceToOutletKm(b));
  }

  /** Contributing drainage area at a position (km2), interpolated along the reach's own catchment; NaN when unknown. */
  drainageAreaKm2(position: NetworkPosition): number {
    const index = this.lookup(position.reachId);
    if (index === undefined) return Number.NaN;
    const total = this.totalAreaKm2[index]!;
    const own = this.ownAreaKm2[index]!;
    if (!Number.isFinite(own)) return total;
    return total - own * (1 - clampFraction(position.fraction));
  }

  /**
   * The stretches within `distanceKm` downstream of a position, along the main path, for highlighting who
   * is affected below a point.
   */
  downstreamWithin(position: NetworkPosition, distanceKm: number): ReachStretch[] {
    let reach = this.lookup(position.reachId) ?? -1;
    let from = clampFraction(position.fraction);
    let remainingKm = Math.max(0, distanceKm);
    const stretches: ReachStretch[] = [];
    while (reach >= 0) {
      const lengthKm = this.lengthKm[reach]!;
      const availableKm = (1 - from) * lengthKm;
      if (availableKm >= remainingKm) {
        const to = lengthKm > 0 ? Math.min(1, from + remainingKm / lengthKm) : 1;
        stretches.push({
          reachId: this.ids[reach]!,
          fromFraction: from,
          toFraction: to,
        });
        break;
      }
      stretches.push({
        reachId: this.ids[reach]!,
        fromFraction: from,
        toFraction: 1,
      });
      remainingKm -= availableKm;
      reach = this.downstream[reach]!;
      from = 0;
    }
    return stretches;
  }

  private spatialIndex(): SpatialIndex {
    if (this.spatial !== undefined) return this.spatial;
    const n = this.reachCount;
    const reachVertexStart = new Int32Array(n + 1);
    let latitudeSum = 0;
    for (let i = 0; i < n; i++) {
      const line = this.coordinates[i]!;
      reachVertexStart[i + 1] = reachVertexStart[i]! + line.length;
      latitudeSum += line[0]![1];
    }
    const kx = Math.max(0.01, Math.cos((n > 0 ? latitudeSum / n : 0) * DEGREES));
    const vertexCount = reachVertexStart[n]!;
    const cumulativeM = new Float64Array(vertexCount);
    const segmentCount = vertexCount - n;
    const segmentReach = new Int32Array(segmentCount);
    const segmentVertex = new Int32Array(segmentCount);
    const index = new Flatbush(Math.max(1, segmentCount));
    let segment = 0;
    for (let i = 0; i < n; i++) {
      const line = this.coordinates[i]!;
      const base = reachVertexStart[i]!;
      for (let v = 1; v < line.length; v++) {
        const a = line[v - 1]!;
        const b = line[v]!;
        cumulativeM[base + v] = cumulativeM[base + v - 1]! + haversineM(a[0], a[1], b[0], b[1]);
        segmentReach[segment] = i;
        segmentVertex[segment] = v - 1;
        index.add(Math.min(a[0], b[0]) * kx, Math.min(a[1], b[1]), Math.max(a[0], b[0]) * kx, Math.max(a[1], b[1]));
        segment++;
      }
    }
    if (segmentCount === 0) index.add(0, 0, 0, 0);
    index.finish();
    this.spatial = {
      index,
      kx,
      segmentReach,
      segmentVertex,
      cumulativeM,
      reachVertexStart,
    };
    return this.spatial;
  }

  /**
   * Snaps a [lon, lat] point to the nearest reach, or refuses when that reach is farther than `toleranceM`
   * metres. A point at a confluence snaps to the top of the reach below it.
   *
   * @example network.snap([-79.05, 35.95], 200) // { ok: true, position: { reachId: '8897784', fraction: 0.31 }, distanceM: 12.4, point: [...] }
   */
  snap(lonLat: readonly [number, number], toleranceM: number): SnapResult | SnapRefusal {
    const [lon, lat] = lonLat;
    const spatial = this.spatialIndex();
    const segmentCount = spatial.segmentReach.length;
    if (segmentCount === 0)
      return {
        ok: false,
        code: 'hydrology.snap.tooFar',
        params: { distanceM: Infinity, toleranceM },
      };
    const x = lon * spatial.kx;
    // Index units are degrees with longitude scaled by one cosine for the whole network; this factor keeps
    // the search radius an upper bound at the query's own latitude.
    const unitsPerMetre =
      Math.max(1, spatial.kx / Math.max(0.01, Math.cos(lat * DEGREES))) / METRES_PER_DEGREE_LATITUDE;
    let best: MeasuredSegment | undefined;
    // Flatbush hands segments over in increasing box distance; once a box is farther than the best exact
    // distance so far, nothing closer can follow, and returning true ends the search.
    spatial.index.neighbors(x, lat, 1, Infinity, (segment) => {
      if (segment >= segmentCount) return false;
      if (
        best !== undefined &&
        this.boxDistance(spatial, segment, x, lat) > (best.distanceM * 1.02 + 0.01) * unitsPerMetre
      )
        return true;
      const candidate = this.measureSegment(spatial, segment, lon, lat);
      if (best === undefined || candidate.distanceM < best.distanceM - SNAP_TIE_M) best = candidate;
      else if (candidate.distanceM <= best.distanceM + SNAP_TIE_M && this.isBetterTie(candidate, best))
        best = candidate;
      return false;
    });
    if (best === undefined || !(best.distanceM <= toleranceM)) {
      return {
        ok: false,
        code: 'hydrology.snap.tooFar',
        params: { distanceM: best?.distanceM ?? Infinity, toleranceM },
      };
    }
    return {
      ok: true,
      position: { reachId: this.ids[best.reach]!, fraction: best.fraction },
      distanceM: best.distanceM,
      point: [best.lon, best.lat],
    };
  }

  /** Between equally near candidates the downstream one wins, so a point on a confluence belongs to the reach below it. */
  private isBetterTie(candidate: MeasuredSegment, best: MeasuredSegment): boolean {
    if (candidate.reach === best.reach) return candidate.fraction > best.fraction;
    return this.isIndexUpstream(best.reach, candidate.reach);
  }

  private boxDistance(spatial: SpatialIndex, segment: number, x: number, y: number): number {
    const line = this.coordinates[spatial.segmentReach[segment]!]!;
    const vertex = spatial.segmentVertex[segment]!;
    const a = line[vertex]!;
    const b = line[vertex + 1]!;
    const minX = Math.min(a[0], b[0]) * spatial.kx;
    const maxX = Math.max(a[0], b[0]) * spatial.kx;
    const dx = x < minX ? minX - x : x > maxX ? x - maxX : 0;
    const dy =
      y < Math.min(a[1], b[1]) ? Math.min(a[1], b[1]) - y : y > Math.max(a[1], b[1]) ? y - Math.max(a[1], b[1]) : 0;
    return Math.sqrt(dx * dx + dy * dy);
  }

  private measureSegment(spatial: SpatialIndex, segment: number, lon: number, lat: number): MeasuredSegment {
    const reach = spatial.segmentReach[segment]!;
    const vertex = spatial.segmentVertex[segment]!;
    const line = this.coordinates[reach]!;
    const a = line[vertex]!;
    const b = line[vertex + 1]!;
    const closest = closestOnSegment(lon, lat, a, b);
    const base = spatial.reachVertexStart[reach]!;
    const totalM = spatial.cumulativeM[base + line.length - 1]!;
    const alongM =
      spatial.cumulativeM[base + vertex]! +
      closest.t * (spatial.cumulativeM[base + vertex + 1]! - spatial.cumulativeM[base + vertex]!);
    const point = closest.t >= 1 ? b : closest.t <= 0 ? a : [closest.lon, closest.lat];
    const distanceM = closest.t >= 1 || closest.t <= 0 ? haversineM(lon, lat, point[0]!, point[1]!) : closest.distanceM;
    return {
      reach,
      fraction: totalM > 0 ? clampFraction(alongM / totalM) : 0,
      distanceM,
      lon: point[0]!,
      lat: point[1]!,
    };
  }

  /** The network as GeoJSON lines (upstream end first) with id, downstreamId, streamOrder, lengthKm, drainageAreaKm2, distanceToOutletKm, outletId. */
  toGeoJson(): FeatureCollection<LineString, ReachProperties> {
    const features: Feature<LineString, ReachProperties>[] = [];
    for (let i = 0; i < this.reachCount; i++) {
      const down = this.downstream[i]!;
      const area = this.totalAreaKm2[i]!;
      const properties: ReachProperties = {
        id: this.ids[i]!,
        downstreamId: down >= 0 ? this.ids[down]! : null,
        streamOrder: this.streamOrder[i]!,
        lengthKm: this.lengthKm[i]!,
        drainageAreaKm2: Number.isFinite(area) ? area : null,
        distanceToOutletKm: this.outletDistanceKm[i]!,
        outletId: this.ids[this.outletOf[i]!]!,
      };
      const name = this.names[i];
      if (name !== undefined) properties.name = name;
      features.push({
        type: 'Feature',
        properties,
        geometry: {
          type: 'LineString',
          coordinates: this.coordinates[i]!.map((v) => [v[0], v[1]]),
        },
      });
    }
    return { type: 'FeatureCollection', features };
  }
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const difference = a[k]! - b[k]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Own catchment areas from polygons (geodesic area, km2), matched to reaches by id. */
function applyCatchmentAreas(
  draft: NetworkDraft,
  catchments: FeatureCollection,
  catchmentIdProperty: string | undefined,
  diagnostics: NetworkDiagnostic[],
): void {
  const polygons = catchments.features
    .filter((feature) => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon')
    .map((feature) => ({
      properties: (feature.properties ?? {}) as Record<string, unknown>,
      feature,
    }));
  const keys = new PropertyKeys(polygons);
  const idKey = keys.find(catchmentIdProperty, 'FEATUREID', 'COMID', 'HYRIV_ID', 'id');
  const indexById = new Map(draft.ids.map((id, index) => [id, index]));
  const areaById = new Map<number, number>();
  const unmatched: string[] = [];
  for (const { properties, feature } of polygons) {
    const id = idOf(idKey === undefined ? feature.id : properties[idKey]);
    const index = id === undefined ? undefined : indexById.get(id);
    if (index === undefined) {
      if (id !== undefined) unmatched.push(id);
      continue;
    }
    areaById.set(index, (areaById.get(index) ?? 0) + geodesicAreaM2(feature) / 1e6);
  }
  for (const [index, areaKm2] of areaById) draft.ownAreaKm2[index] = areaKm2;
  if (unmatched.length > 0) {
    diagnostics.push({
      code: 'hydrology.network.catchmentUnmatched',
      severity: 'info',
      params: { count: unmatched.length },
      reachIds: unmatched,
    });
  }
}

/**
 * With topology from attributes, a line's drawn direction is only a check: a reach whose upstream end
 * touches its downstream neighbour is drawn against the flow. It is reversed (fractions run upstream to
 * downstream) and reported.
 */
function reportReachesDrawnAgainstFlow(draft: NetworkDraft, diagnostics: NetworkDiagnostic[]): void {
  const reversed: string[] = [];
  const distanceToEnds = (point: [number, number], line: readonly [number, number][]): number => {
    const first = line[0]!;
    const last = line[line.length - 1]!;
    return Math.min(
      haversineM(point[0], point[1], first[0], first[1]),
      haversineM(point[0], point[1], last[0], last[1]),
    );
  };
  const firstChild = new Int32Array(draft.ids.length).fill(-1);
  draft.downstream.forEach((down, index) => {
    if (down >= 0 && firstChild[down] === -1) firstChild[down] = index;
  });
  draft.ids.forEach((id, index) => {
    const line = draft.coordinates[index]!;
    const down = draft.downstream[index]!;
    const neighbour = down >= 0 ? down : firstChild[index]!;
    if (neighbour < 0) return;
    const neighbourLine = draft.coordinates[neighbour]!;
    const startGap = distanceToEnds(line[0]!, neighbourLine);
    const endGap = distanceToEnds(line[line.length - 1]!, neighbourLine);
    const drawnAgainst = down >= 0 ? startGap < endGap : endGap < startGap;
    if (drawnAgainst) {
      reversed.push(id);
      line.reverse();
    }
  });
  if (reversed.length > 0) {
    diagnostics.push({
      code: 'hydrology.network.reversed',
      severity: 'warning',
      params: { count: reversed.length },
      reachIds: reversed,
    });
  }
}
