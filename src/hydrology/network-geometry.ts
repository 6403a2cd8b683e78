import Flatbush from 'flatbush';
import { haversineM, lineLengthKm, METRES_PER_DEGREE_LATITUDE } from './geodesy';
import {
  idOf,
  breakDirectedCycles,
  isCanal,
  nameOf,
  numberOf,
  PropertyKeys,
  type CanalLine,
  type NetworkDiagnostic,
  type NetworkDraft,
  type SourceLine,
} from './network-draft';

/** Options the geometry reader uses (a subset of the network build options). */
export interface GeometryReadOptions {
  readonly idProperty?: string;
  readonly areaProperty?: string;
  readonly endpointToleranceM?: number;
  readonly orientation?: 'auto' | 'drawn' | 'outlets';
  readonly outlets?: readonly (readonly [number, number])[];
}

interface Way {
  readonly id: string;
  readonly coordinates: [number, number][];
  readonly name: string | undefined;
  /** 2 river, 1 stream or other named waterway, 0 unknown: which way continues the main stem at a split. */
  readonly rank: number;
  readonly ownAreaKm2: number;
  readonly zStart: number;
  readonly zEnd: number;
}

interface Piece {
  readonly wayIndex: number;
  id: string;
  coordinates: [number, number][];
  startNode: number;
  endNode: number;
  lengthKm: number;
}

const DEGREES = Math.PI / 180;

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(item: number): number {
    let root = item;
    while (this.parent[root]! !== root) root = this.parent[root]!;
    let current = item;
    while (this.parent[current]! !== root) {
      const next = this.parent[current]!;
      this.parent[current] = root;
      current = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}

/** A point index in degrees with longitude scaled by the cosine of the data's mean latitude. */
class PointIndex {
  readonly index: Flatbush;
  private readonly kx: number;
  constructor(
    private readonly lon: Float64Array,
    private readonly lat: Float64Array,
    meanLatitude: number,
  ) {
    this.kx = Math.max(0.01, Math.cos(meanLatitude * DEGREES));
    this.index = new Flatbush(Math.max(1, lon.length));
    for (let i = 0; i < lon.length; i++) {
      const x = lon[i]! * this.kx;
      this.index.add(x, lat[i]!, x, lat[i]!);
    }
    if (lon.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }
  /**
   * Calls `visit` for each point within radiusM metres of (lon, lat). Distances are measured in a local
   * equirectangular frame, exact to well under a millimetre at the metre-scale tolerances used here.
   */
  forEachWithin(lon: number, lat: number, radiusM: number, visit: (point: number, distanceM: number) => void): void {
    const cosLatitude = Math.max(0.01, Math.cos(lat * DEGREES));
    const radiusY = (radiusM / METRES_PER_DEGREE_LATITUDE) * 1.01 + 1e-12;
    const radiusX = radiusY * (this.kx / cosLatitude);
    const x = lon * this.kx;
    const count = this.lon.length;
    this.index.search(x - radiusX, lat - radiusY, x + radiusX, lat + radiusY, (point) => {
      if (point >= count) return false;
      const dx = (this.lon[point]! - lon) * cosLatitude * METRES_PER_DEGREE_LATITUDE;
      const dy = (this.lat[point]! - lat) * METRES_PER_DEGREE_LATITUDE;
      const distanceM = Math.sqrt(dx * dx + dy * dy);
      if (distanceM <= radiusM) visit(point, distanceM);
      return false;
    });
  }
}

function meanLatitudeOf(ways: readonly Way[]): number {
  let sum = 0;
  let count = 0;
  for (const way of ways) {
    for (const vertex of way.coordinates) {
      sum += vertex[1];
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

function waterwayRank(properties: Record<string, unknown>): number {
  const waterway = properties['waterway'];
  if (waterway === 'river') return 2;
  if (typeof waterway === 'string') return 1;
  return 0;
}

/** OpenStreetMap data draws ways in the direction of flow; its properties give it away. */
function looksLikeOpenStreetMap(lines: readonly SourceLine[]): boolean {
  const keys = new PropertyKeys(lines);
  return keys.find('waterway') !== undefined || keys.find('osm_id') !== undefined;
}

/**
 * Builds a draft from bare line geometry: splits lines where another line ends on one of their interior
 * vertices, joins endpoints within the tolerance, then orients reaches as drawn or away from the outlets.
 */
export function readGeometry(
  allLines: readonly SourceLine[],
  options: GeometryReadOptions,
  diagnostics: NetworkDiagnostic[],
): NetworkDraft {
  const toleranceM = Math.max(0, options.endpointToleranceM ?? 1);
  const keys = new PropertyKeys(allLines);
  const idKey = keys.find(options.idProperty ?? 'id', 'osm_id', 'id');
  const areaKey = keys.find(options.areaProperty, 'AreaSqKM', 'CATCH_SKM', 'areaKm2', 'area_km2');

  const canals: CanalLine[] = [];
  const ways: Way[] = [];
  const usedIds = new Set<string>();
  for (const line of allLines) {
    const baseId = idOf(idKey === undefined ? undefined : line.properties[idKey]) ?? `line-${line.featureIndex + 1}`;
    const name = nameOf(line.properties);
    line.parts.forEach((part, partIndex) => {
      let id = line.parts.length > 1 ? `${baseId}/${partIndex + 1}` : baseId;
      if (usedIds.has(id)) id = `${id}#${line.featureIndex + 1}`;
      usedIds.add(id);
      if (isCanal(line.properties)) {
        canals.push(name === undefined ? { id, coordinates: part } : { id, coordinates: part, name });
        return;
      }
      const area = areaKey === undefined ? Number.NaN : numberOf(line.properties[areaKey]);
      const elevations = line.partElevations?.[partIndex];
      ways.push({
        id,
        coordinates: part.map((vertex) => [vertex[0], vertex[1]]),
        name,
        rank: waterwayRank(line.properties),
        ownAreaKm2: line.parts.length > 1 ? Number.NaN : area,
        zStart: elevations?.[0] ?? Number.NaN,
        zEnd: elevations?.[1] ?? Number.NaN,
      });
    });
  }
  const meanLatitude = meanLatitudeOf(ways);

  // Where a line ends on another line's interior vertex, the other line is split there (a confluence).
  // Only interior vertices can split a line; endpoints meet endpoints in the node step below.
  let vertexCount = 0;
  for (const way of ways) vertexCount += Math.max(0, way.coordinates.length - 2);
  const vertexLon = new Float64Array(vertexCount);
  const vertexLat = new Float64Array(vertexCount);
  const vertexWay = new Int32Array(vertexCount);
  const vertexPosition = new Int32Array(vertexCount);
  let cursor = 0;
  ways.forEach((way, wayIndex) => {
    for (let position = 1; position < way.coordinates.length - 1; position++) {
      const vertex = way.coordinates[position]!;
      vertexLon[cursor] = vertex[0];
      vertexLat[cursor] = vertex[1];
      vertexWay[cursor] = wayIndex;
      vertexPosition[cursor] = position;
      cursor++;
    }
  });
  const vertexIndex = new PointIndex(vertexLon, vertexLat, meanLatitude);
  const splitsByWay = new Map<number, Set<number>>();
  let endpointsOnInteriorVertex = 0;
  ways.forEach((way, wayIndex) => {
    for (const endPosition of [0, way.coordinates.length - 1]) {
      const endpoint = way.coordinates[endPosition]!;
      let nearestByWay: Map<number, { position: number; distanceM: number }> | undefined;
      vertexIndex.forEachWithin(endpoint[0], endpoint[1], toleranceM, (hit, distanceM) => {
        const otherWay = vertexWay[hit]!;
        const position = vertexPosition[hit]!;
        if (otherWay === wayIndex && Math.abs(position - endPosition) <= 1) return;
        nearestByWay ??= new Map();
        const previous = nearestByWay.get(otherWay);
        if (previous === undefined || distanceM < previous.distanceM)
          nearestByWay.set(otherWay, { position, distanceM });
      });
      if (nearestByWay === undefined) continue;
      endpointsOnInteriorVertex++;
      let snapTo: [number, number] | undefined;
      let snapDistanceM = Infinity;
      for (const [otherWay, { position, distanceM }] of nearestByWay) {
        let splits = splitsByWay.get(otherWay);
        if (splits === undefined) splitsByWay.set(otherWay, (splits = new Set()));
        splits.add(position);
        if (distanceM < snapDistanceM) {
          snapDistanceM = distanceM;
          snapTo = ways[otherWay]!.coordinates[position]!;
        }
      }
      if (snapTo !== undefined) way.coordinates[endPosition] = [snapTo[0], snapTo[1]];
    }
  });

  const pieces: Piece[] = [];
  ways.forEach((way, wayIndex) => {
    const splits = [...(splitsByWay.get(wayIndex) ?? [])].sort((a, b) => a - b);
    const bounds = [0, ...splits, way.coordinates.length - 1];
    for (let k = 1; k < bounds.length; k++) {
      const coordinates = way.coordinates.slice(bounds[k - 1]!, bounds[k]! + 1);
      pieces.push({
        wayIndex,
        id: bounds.length > 2 ? `${way.id}:${k}` : way.id,
        coordinates,
        startNode: -1,
        endNode: -1,
        lengthKm: lineLengthKm(coordinates),
      });
    }
  });
  if (splitsByWay.size > 0) {
    let splitCount = 0;
    for (const splits of splitsByWay.values()) splitCount += splits.size;
    diagnostics.push({
      code: 'hydrology.network.linesSplit',
      severity: 'info',
      params: {
        count: splitCount,
        lineCount: splitsByWay.size,
        endpointCount: endpointsOnInteriorVertex,
      },
      reachIds: [],
    });
  }

  // Endpoints within the tolerance are one node.
  const endpointLon = new Float64Array(pieces.length * 2);
  const endpointLat = new Float64Array(pieces.length * 2);
  pieces.forEach((piece, index) => {
    const first = piece.coordinates[0]!;
    const last = piece.coordinates[piece.coordinates.length - 1]!;
    endpointLon[2 * index] = first[0];
    endpointLat[2 * index] = first[1];
    endpointLon[2 * index + 1] = last[0];
    endpointLat[2 * index + 1] = last[1];
  });
  const endpointIndex = new PointIndex(endpointLon, endpointLat, meanLatitude);
  const endpointSets = new UnionFind(endpointLon.length);
  for (let i = 0; i < endpointLon.length; i++) {
    endpointIndex.forEachWithin(endpointLon[i]!, endpointLat[i]!, toleranceM, (hit) => {
      if (hit > i) endpointSets.union(i, hit);
    });
  }
  const nodeOfRoot = new Map<number, number>();
  const nodeLon: number[] = [];
  const nodeLat: number[] = [];
  const nodeOf = (endpoint: number): number => {
    const root = endpointSets.find(endpoint);
    let node = nodeOfRoot.get(root);
    if (node === undefined) {
      node = nodeLon.length;
      nodeOfRoot.set(root, node);
      nodeLon.push(endpointLon[root]!);
      nodeLat.push(endpointLat[root]!);
    }
    return node;
  };
  pieces.forEach((piece, index) => {
    piece.startNode = nodeOf(2 * index);
    piece.endNode = nodeOf(2 * index + 1);
  });
  const nodeCount = nodeLon.length;
  const nodeElevation = new Float64Array(nodeCount).fill(Number.NaN);
  pieces.forEach((piece) => {
    const way = ways[piece.wayIndex]!;
    if (piece.coordinates[0] === way.coordinates[0] && Number.isFinite(way.zStart))
      nodeElevation[piece.startNode] = way.zStart;
    if (
      piece.coordinates[piece.coordinates.length - 1] === way.coordinates[way.coordinates.length - 1] &&
      Number.isFinite(way.zEnd)
    ) {
      nodeElevation[piece.endNode] = way.zEnd;
    }
  });

  // Incidence lists (compressed rows) and the connected pieces of the undirected graph.
  const incidenceStart = new Int32Array(nodeCount + 1);
  for (const piece of pieces) {
    incidenceStart[piece.startNode + 1]!++;
    incidenceStart[piece.endNode + 1]!++;
  }
  for (let node = 0; node < nodeCount; node++) incidenceStart[node + 1]! += incidenceStart[node]!;
  const incidence = new Int32Array(incidenceStart[nodeCount]!);
  const fill = incidenceStart.slice(0, nodeCount);
  pieces.forEach((piece, index) => {
    incidence[fill[piece.startNode]!++] = index;
    incidence[fill[piece.endNode]!++] = index;
  });
  const nodeSets = new UnionFind(nodeCount);
  for (const piece of pieces) nodeSets.union(piece.startNode, piece.endNode);
  const componentOfRoot = new Map<number, number>();
  const componentOfNode = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    const root = nodeSets.find(node);
    let component = componentOfRoot.get(root);
    if (component === undefined) componentOfRoot.set(root, (component = componentOfRoot.size));
    componentOfNode[node] = component;
  }
  const pieceOf = new Int32Array(pieces.length);
  pieces.forEach((piece, index) => (pieceOf[index] = componentOfNode[piece.startNode]!));

  const selfLoops = pieces.flatMap((piece) => (piece.startNode === piece.endNode ? [piece.id] : []));
  if (selfLoops.length > 0) {
    diagnostics.push({
      code: 'hydrology.network.loop',
      severity: 'warning',
      params: { count: selfLoops.length },
      reachIds: selfLoops,
    });
  }

  const orientation =
    options.orientation === 'drawn' || options.orientation === 'outlets'
      ? options.orientation
      : options.outlets !== undefined && options.outlets.length > 0
        ? 'outlets'
        : looksLikeOpenStreetMap(allLines)
          ? 'drawn'
          : 'outlets';

  const context: OrientContext = {
    pieces,
    ways,
    nodeCount,
    incidenceStart,
    incidence,
    componentOfNode,
    componentCount: componentOfRoot.size,
    nodeLon,
    nodeLat,
    nodeElevation,
  };
  const { downstream, divergences } =
    orientation === 'drawn'
      ? orientAsDrawn(context, diagnostics)
      : orientFromOutlets(context, options.outlets ?? [], diagnostics);

  const reachCount = pieces.length;
  const ownAreaKm2 = new Float64Array(reachCount);
  const wayLengthKm = new Float64Array(ways.length);
  pieces.forEach((piece) => (wayLengthKm[piece.wayIndex]! += piece.lengthKm));
  pieces.forEach((piece, index) => {
    const wayLength = wayLengthKm[piece.wayIndex]!;
    const share = wayLength > 0 ? piece.lengthKm / wayLength : 1;
    ownAreaKm2[index] = ways[piece.wayIndex]!.ownAreaKm2 * share;
  });

  return {
    scheme: 'geometry',
    ids: pieces.map((piece) => piece.id),
    coordinates: pieces.map((piece) => piece.coordinates),
    downstream,
    divergences,
    lengthKm: Float64Array.from(pieces, (piece) => piece.lengthKm),
    ownAreaKm2,
    givenOrder: new Int32Array(reachCount),
    mainUpstreamHint: new Int32Array(reachCount).fill(-1),
    levelPath: new Float64Array(reachCount).fill(Number.NaN),
    names: pieces.map((piece) => ways[piece.wayIndex]!.name),
    pieceOf,
    canals,
    diagnostics,
  };
}

interface OrientContext {
  readonly pieces: Piece[];
  readonly ways: readonly Way[];
  readonly nodeCount: number;
  readonly incidenceStart: Int32Array;
  readonly incidence: Int32Array;
  readonly componentOfNode: Int32Array;
  readonly componentCount: number;
  readonly nodeLon: readonly number[];
  readonly nodeLat: readonly number[];
  readonly nodeElevation: Float64Array;
}

/** Which of several reaches leaving one node continues the river: the same name, then rivers before streams, then the longer line. */
function chooseMainOutflow(context: OrientContext, outflows: readonly number[], inflows: readonly number[]): number {
  const inflowNames = new Set(
    inflows.map((index) => context.ways[context.pieces[index]!.wayIndex]!.name).filter((name) => name !== undefined),
  );
  let best = outflows[0]!;
  let bestScore = -Infinity;
  for (const candidate of outflows) {
    const piece = context.pieces[candidate]!;
    const way = context.ways[piece.wayIndex]!;
    const selfLoopPenalty = piece.startNode === piece.endNode ? -1e9 : 0;
    const score =
      selfLoopPenalty +
      (way.name !== undefined && inflowNames.has(way.name) ? 1e6 : 0) +
      way.rank * 1e5 +
      Math.min(piece.lengthKm, 9e4);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

function linkAtNodes(
  context: OrientContext,
  upstreamNodeOf: Int32Array,
  downstreamNodeOf: Int32Array,
  mainOutflowOf: (node: number, outflows: number[], inflows: number[]) => number,
  diagnostics: NetworkDiagnostic[] | undefined,
): { downstream: Int32Array; divergences: number[] } {
  const { pieces, nodeCount } = context;
  const inflowsAt: number[][] = Array.from({ length: nodeCount }, () => []);
  const outflowsAt: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let index = 0; index < pieces.length; index++) {
    inflowsAt[downstreamNodeOf[index]!]!.push(index);
    outflowsAt[upstreamNodeOf[index]!]!.push(index);
  }
  const downstream = new Int32Array(pieces.length).fill(-1);
  const divergences: number[] = [];
  const minorPaths: string[] = [];
  for (let node = 0; node < nodeCount; node++) {
    const inflows = inflowsAt[node]!;
    const outflows = outflowsAt[node]!;
    if (inflows.length === 0 || outflows.length === 0) continue;
    const main = mainOutflowOf(node, outflows, inflows);
    if (main < 0) continue;
    for (const inflow of inflows) if (inflow !== main) downstream[inflow] = main;
    for (const outflow of outflows) {
      if (outflow === main) continue;
      minorPaths.push(pieces[outflow]!.id);
      for (const inflow of inflows) if (inflow !== outflow) divergences.push(outflow, inflow);
    }
  }
  if (minorPaths.length > 0 && diagnostics !== undefined) {
    diagnostics.push({
      code: 'hydrology.network.split',
      severity: 'warning',
      params: { count: minorPaths.length },
      reachIds: minorPaths,
    });
  }
  return { downstream, divergences };
}

/** Keeps every line as drawn; junctions where lines meet head to head or tail to tail are reported, and directed cycles broken and reported. */
function orientAsDrawn(
  context: OrientContext,
  diagnostics: NetworkDiagnostic[],
): { downstream: Int32Array; divergences: number[] } {
  const { pieces, nodeCount } = context;
  const upstreamNodeOf = Int32Array.from(pieces, (piece) => piece.startNode);
  const downstreamNodeOf = Int32Array.from(pieces, (piece) => piece.endNode);
  const result = linkAtNodes(
    context,
    upstreamNodeOf,
    downstreamNodeOf,
    (_node, outflows, inflows) => chooseMainOutflow(context, outflows, inflows),
    diagnostics,
  );

  const inflowCount = new Int32Array(nodeCount);
  const outflowCount = new Int32Array(nodeCount);
  for (const piece of pieces) {
    inflowCount[piece.endNode]!++;
    outflowCount[piece.startNode]!++;
  }
  const conflicting = new Set<string>();
  let conflictNodes = 0;
  for (let node = 0; node < nodeCount; node++) {
    const meetHeadToHead = inflowCount[node]! >= 2 && outflowCount[node]! === 0;
    const meetTailToTail = outflowCount[node]! >= 2 && inflowCount[node]! === 0;
    if (!meetHeadToHead && !meetTailToTail) continue;
    conflictNodes++;
    for (let k = context.incidenceStart[node]!; k < context.incidenceStart[node + 1]!; k++)
      conflicting.add(pieces[context.incidence[k]!]!.id);
  }
  if (conflictNodes > 0) {
    diagnostics.push({
      code: 'hydrology.network.directionConflict',
      severity: 'warning',
      params: { count: conflictNodes },
      reachIds: [...conflicting],
    });
  }
  breakDirectedCycles(
    result.downstream,
    pieces.map((piece) => piece.id),
    diagnostics,
  );
  return result;
}

class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.values[i] = this.values[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }
  pop(): { key: number; value: number } {
    const top = { key: this.keys[0]!, value: this.values[0]! };
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    const size = this.keys.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && this.keys[child + 1]! < this.keys[child]!) child++;
        if (this.keys[child]! >= lastKey) break;
        this.keys[i] = this.keys[child]!;
        this.values[i] = this.values[child]!;
        i = child;
      }
      this.keys[i] = lastKey;
      this.values[i] = lastValue;
    }
    return top;
  }
}

/** Shortest paths (by length) from the outlet nodes: each node's distance and the reach leading towards the outlet. */
function shortestPathsFrom(
  context: OrientContext,
  sources: readonly number[],
  buffers?: { distanceKm: Float64Array; towardsOutlet: Int32Array },
): { distanceKm: Float64Array; towardsOutlet: Int32Array } {
  // Buffers let outlet detection reuse two arrays across many small pieces instead of allocating per candidate.
  const distanceKm = buffers?.distanceKm ?? new Float64Array(context.nodeCount).fill(Infinity);
  const towardsOutlet = buffers?.towardsOutlet ?? new Int32Array(context.nodeCount).fill(-1);
  const heap = new MinHeap();
  for (const source of sources) {
    distanceKm[source] = 0;
    heap.push(0, source);
  }
  while (heap.size > 0) {
    const { key, value: node } = heap.pop();
    if (key > distanceKm[node]!) continue;
    for (let k = context.incidenceStart[node]!; k < context.incidenceStart[node + 1]!; k++) {
      const pieceIndex = context.incidence[k]!;
      const piece = context.pieces[pieceIndex]!;
      const other = piece.startNode === node ? piece.endNode : piece.startNode;
      const candidate = key + piece.lengthKm;
      if (candidate < distanceKm[other]!) {
        distanceKm[other] = candidate;
        towardsOutlet[other] = pieceIndex;
        heap.push(candidate, other);
      }
    }
  }
  return { distanceKm, towardsOutlet };
}

/** Of a piece's nodes, which is downstream when the network drains to the given outlets. */
function downstreamNodesFrom(
  context: OrientContext,
  outlets: readonly number[],
): { downstreamNode: Int32Array; towardsOutlet: Int32Array } {
  const { distanceKm, towardsOutlet } = shortestPathsFrom(context, outlets);
  const downstreamNode = Int32Array.from(context.pieces, (piece, index) => {
    if (towardsOutlet[piece.startNode] === index) return piece.endNode;
    if (towardsOutlet[piece.endNode] === index) return piece.startNode;
    return distanceKm[piece.startNode]! < distanceKm[piece.endNode]! ? piece.startNode : piece.endNode;
  });
  return { downstreamNode, towardsOutlet };
}

/** The outlet of one connected piece with no outlet given: the lowest dead end, else the dead end that agrees best with the drawn directions. */
function detectOutlet(
  context: OrientContext,
  nodesOfComponent: readonly number[],
  buffers: { distanceKm: Float64Array; towardsOutlet: Int32Array },
): number {
  const deadEnds = nodesOfComponent.filter(
    (node) => context.incidenceStart[node + 1]! - context.incidenceStart[node]! === 1,
  );
  if (deadEnds.length === 0) return nodesOfComponent[0]!;
  const withElevation = deadEnds.filter((node) => Number.isFinite(context.nodeElevation[node]!));
  if (withElevation.length > 0)
    return withElevation.reduce((low, node) =>
      context.nodeElevation[node]! < context.nodeElevation[low]! ? node : low,
    );
  const drawnSinks = deadEnds.filter(
    (node) => context.pieces[context.incidence[context.incidenceStart[node]!]!]!.endNode === node,
  );
  if (drawnSinks.length === 1) return drawnSinks[0]!;
  const candidates = (drawnSinks.length > 0 ? drawnSinks : deadEnds).slice(0, 32);
  const piecesOfComponent: number[] = [];
  for (const node of nodesOfComponent) {
    for (let k = context.incidenceStart[node]!; k < context.incidenceStart[node + 1]!; k++) {
      const index = context.incidence[k]!;
      if (context.pieces[index]!.startNode === node) piecesOfComponent.push(index);
    }
  }
  let best = candidates[0]!;
  let bestAgreement = -1;
  for (const candidate of candidates) {
    const { distanceKm, towardsOutlet } = shortestPathsFrom(context, [candidate], buffers);
    let agreement = 0;
    for (const index of piecesOfComponent) {
      const piece = context.pieces[index]!;
      const flowsAsDrawn =
        towardsOutlet[piece.startNode] === index ||
        (towardsOutlet[piece.endNode] !== index && distanceKm[piece.endNode]! <= distanceKm[piece.startNode]!);
      if (flowsAsDrawn) agreement++;
    }
    for (const node of nodesOfComponent) {
      distanceKm[node] = Infinity;
      towardsOutlet[node] = -1;
    }
    if (agreement > bestAgreement) {
      bestAgreement = agreement;
      best = candidate;
    }
  }
  return best;
}

/** Orients every reach away from the given outlets (or one detected per connected piece); lines drawn the other way are reversed and reported. */
function orientFromOutlets(
  context: OrientContext,
  outletPoints: readonly (readonly [number, number])[],
  diagnostics: NetworkDiagnostic[],
): { downstream: Int32Array; divergences: number[] } {
  const { pieces, nodeCount } = context;
  const outletNodes = new Set<number>();
  for (const point of outletPoints) {
    let nearest = -1;
    let nearestM = Infinity;
    for (let node = 0; node < nodeCount; node++) {
      const distanceM = haversineM(point[0], point[1], context.nodeLon[node]!, context.nodeLat[node]!);
      if (distanceM < nearestM) {
        nearestM = distanceM;
        nearest = node;
      }
    }
    if (nearest >= 0) outletNodes.add(nearest);
  }
  const componentsWithOutlet = new Set([...outletNodes].map((node) => context.componentOfNode[node]!));
  const nodesByComponent: number[][] = Array.from({ length: context.componentCount }, () => []);
  for (let node = 0; node < nodeCount; node++) nodesByComponent[context.componentOfNode[node]!]!.push(node);
  const detected: number[] = [];
  const buffers = {
    distanceKm: new Float64Array(nodeCount).fill(Infinity),
    towardsOutlet: new Int32Array(nodeCount).fill(-1),
  };
  nodesByComponent.forEach((nodes, component) => {
    if (componentsWithOutlet.has(component) || nodes.length === 0) return;
    const outlet = detectOutlet(context, nodes, buffers);
    outletNodes.add(outlet);
    detected.push(outlet);
  });

  const outlets = [...outletNodes];
  const { downstreamNode, towardsOutlet } = downstreamNodesFrom(context, outlets);
  const reversed: string[] = [];
  const upstreamNodeOf = new Int32Array(pieces.length);
  pieces.forEach((piece, index) => {
    const downNode = downstreamNode[index]!;
    if (downNode === piece.endNode) {
      upstreamNodeOf[index] = piece.startNode;
      return;
    }
    reversed.push(piece.id);
    upstreamNodeOf[index] = piece.endNode;
    piece.coordinates = [...piece.coordinates].reverse();
    [piece.startNode, piece.endNode] = [piece.endNode, piece.startNode];
  });
  if (reversed.length > 0) {
    diagnostics.push({
      code: 'hydrology.network.reversed',
      severity: 'warning',
      params: { count: reversed.length },
      reachIds: reversed,
    });
  }
  const isOutletNode = new Uint8Array(nodeCount);
  for (const node of outlets) isOutletNode[node] = 1;
  const result = linkAtNodes(
    context,
    upstreamNodeOf,
    downstreamNode,
    (node, outflows, inflows) =>
      isOutletNode[node] === 1
        ? -1
        : outflows.includes(towardsOutlet[node]!)
          ? towardsOutlet[node]!
          : chooseMainOutflow(context, outflows, inflows),
    undefined,
  );
  // Every reach off the shortest-path tree closes a loop: a braid, or two lines that should not touch.
  const closingLoops = pieces.flatMap((piece, index) =>
    towardsOutlet[piece.startNode] !== index && piece.startNode !== piece.endNode && isOutletNode[piece.startNode] === 0
      ? [piece.id]
      : [],
  );
  if (closingLoops.length > 0) {
    diagnostics.push({
      code: 'hydrology.network.loop',
      severity: 'warning',
      params: { count: closingLoops.length },
      reachIds: closingLoops,
    });
  }
  if (detected.length > 0) {
    const detectedNodes = new Set(detected);
    const outletReaches = pieces.flatMap((piece) => (detectedNodes.has(piece.endNode) ? [piece.id] : []));
    diagnostics.push({
      code: 'hydrology.network.outletDetected',
      severity: 'info',
      params: { count: detected.length },
      reachIds: outletReaches,
    });
  }
  return result;
}
