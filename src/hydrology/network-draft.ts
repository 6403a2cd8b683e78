import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';

/** How a network's topology was read: from which attributes, or from the line geometry alone. */
export type TopologyScheme = 'nhdplus-nodes' | 'nhdplus-hydroseq' | 'hydrorivers' | 'id-toid' | 'geometry';

/** One problem or fact found while building a network, as a message code, its parameters and the reaches concerned. */
export interface NetworkDiagnostic {
  readonly code: string;
  readonly severity: 'info' | 'warning';
  readonly params: Readonly<Record<string, string | number>>;
  readonly reachIds: readonly string[];
}

/** Options for building a network; every tolerance is in metres. */
export interface NetworkBuildOptions {
  /** Which topology to read; 'auto' (default) detects it from the properties and falls back to geometry. */
  readonly scheme?: 'auto' | TopologyScheme;
  /** Property holding the reach id for the generic scheme and for geometry (default 'id'). */
  readonly idProperty?: string;
  /** Property holding the downstream reach id for the generic scheme (default 'toid'). */
  readonly toIdProperty?: string;
  /** Geometry only: endpoints closer than this are one node, and an endpoint this close to another line's vertex splits that line there (default 1 m). */
  readonly endpointToleranceM?: number;
  /** Geometry only: 'drawn' keeps each line's drawn direction (OpenStreetMap convention), 'outlets' orients every reach away from the outlet(s); 'auto' (default) uses 'drawn' for OpenStreetMap data unless outlets are given. */
  readonly orientation?: 'auto' | 'drawn' | 'outlets';
  /** Geometry only: outlet points as [lon, lat]; each is matched to the nearest line end or junction. */
  readonly outlets?: readonly (readonly [number, number])[];
  /** Property holding each reach's own catchment area in km2 (default: detected, e.g. AreaSqKM, CATCH_SKM, areaKm2). */
  readonly areaProperty?: string;
  /** Catchment polygons whose geodesic area becomes each reach's own catchment area (km2). */
  readonly catchments?: FeatureCollection;
  /** Property of a catchment naming its reach (default: detected, FEATUREID, COMID, HYRIV_ID or id). */
  readonly catchmentIdProperty?: string;
}

/** Intermediate form every reader produces: reaches by index, already oriented upstream to downstream. */
export interface NetworkDraft {
  readonly scheme: TopologyScheme;
  readonly ids: string[];
  readonly coordinates: [number, number][][];
  /** Tree downstream reach index, -1 at an outlet. */
  readonly downstream: Int32Array;
  /** Pairs (minor reach, reach that also flows into it): the minor paths of splits, outside the tree. */
  readonly divergences: number[];
  readonly lengthKm: Float64Array;
  /** Own catchment area (km2), NaN when unknown. */
  readonly ownAreaKm2: Float64Array;
  /** Stream order given by the data, 0 when absent. */
  readonly givenOrder: Int32Array;
  /** Main upstream reach given by the data (NHDPlus UpHydroseq), -1 when absent. */
  readonly mainUpstreamHint: Int32Array;
  /** A level path or main-river key: a reach continues the main stem of the child that shares it. NaN when absent. */
  readonly levelPath: Float64Array;
  readonly names: (string | undefined)[];
  /** Connected piece of each reach when the reader knows it better than the tree does (geometry), else undefined. */
  readonly pieceOf?: Int32Array;
  readonly canals: CanalLine[];
  readonly diagnostics: NetworkDiagnostic[];
}

/** A canal or ditch kept out of the tree but still drawn on the map. */
export interface CanalLine {
  readonly id: string;
  readonly coordinates: [number, number][];
  readonly name?: string;
}

/** A line feature in plain form: properties, its lon/lat parts and its position in the input. */
export interface SourceLine {
  readonly featureIndex: number;
  readonly properties: Record<string, unknown>;
  readonly parts: [number, number][][];
  /** Elevation of each part's first and last vertex when the data has a third coordinate. */
  readonly partElevations?: [number, number][];
}

/** Case-insensitive property lookup built from the keys present in the data. */
export class PropertyKeys {
  private readonly byLowerCase = new Map<string, string>();

  constructor(features: readonly { readonly properties: Record<string, unknown> }[]) {
    const sampleCount = Math.min(features.length, 200);
    for (let i = 0; i < sampleCount; i++) {
      for (const key of Object.keys(features[i]!.properties)) {
        const lower = key.toLowerCase();
        if (!this.byLowerCase.has(lower)) this.byLowerCase.set(lower, key);
      }
    }
  }

  /** The actual key for the first of the candidate names present in the data. */
  find(...candidates: (string | undefined)[]): string | undefined {
    for (const candidate of candidates) {
      if (candidate === undefined) continue;
      const key = this.byLowerCase.get(candidate.toLowerCase());
      if (key !== undefined) return key;
    }
    return undefined;
  }
}

/** Reads a finite number from a property value that may be a number or a numeric string. */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** A property value as an id string, or undefined for null, empty, or zero (the usual marks of "no reach"). */
export function idOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value === 0 || !Number.isFinite(value) ? undefined : String(value);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' || trimmed === '0' ? undefined : trimmed;
  }
  return undefined;
}

function cleanPart(positions: readonly Position[]): {
  part: [number, number][];
  zStart: number;
  zEnd: number;
} {
  const part: [number, number][] = [];
  for (const position of positions) {
    const lon = position[0];
    const lat = position[1];
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const last = part[part.length - 1];
    if (last !== undefined && last[0] === lon && last[1] === lat) continue;
    part.push([lon, lat]);
  }
  const first = positions[0];
  const final = positions[positions.length - 1];
  return {
    part,
    zStart: first?.[2] ?? Number.NaN,
    zEnd: final?.[2] ?? Number.NaN,
  };
}

/** Extracts line features; anything else (points, polygons, empty or one-point lines) is reported, not used. */
export function readLines(
  featureCollection: {
    readonly features: readonly Feature<Geometry | null, GeoJsonProperties>[];
  },
  diagnostics: NetworkDiagnostic[],
): SourceLine[] {
  const lines: SourceLine[] = [];
  const skipped: number[] = [];
  featureCollection.features.forEach((feature, featureIndex) => {
    const geometry = feature.geometry;
    const raw: Position[][] =
      geometry?.type === 'LineString'
        ? [geometry.coordinates]
        : geometry?.type === 'MultiLineString'
          ? geometry.coordinates
          : [];
    const parts: [number, number][][] = [];
    const partElevations: [number, number][] = [];
    for (const positions of raw) {
      const { part, zStart, zEnd } = cleanPart(positions);
      if (part.length >= 2) {
        parts.push(part);
        partElevations.push([zStart, zEnd]);
      }
    }
    if (parts.length === 0) {
      skipped.push(featureIndex);
      return;
    }
    const properties: Record<string, unknown> = {
      ...(feature.properties ?? {}),
    };
    if (feature.id !== undefined && properties['id'] === undefined) properties['id'] = feature.id;
    const hasElevation = partElevations.some(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    lines.push(
      hasElevation ? { featureIndex, properties, parts, partElevations } : { featureIndex, properties, parts },
    );
  });
  if (skipped.length > 0) {
    diagnostics.push({
      code: 'hydrology.network.notALine',
      severity: 'warning',
      params: {
        count: skipped.length,
        features: skipped
          .slice(0, 20)
          .map((index) => index + 1)
          .join(', '),
      },
      reachIds: [],
    });
  }
  return lines;
}

/** True for a line the data marks as a canal or ditch (OpenStreetMap waterway=canal, NHDPlus FTYPE CanalDitch, or canal: true). */
export function isCanal(properties: Record<string, unknown>): boolean {
  const waterway = properties['waterway'];
  if (waterway === 'canal') return true;
  const ftype = properties['FTYPE'] ?? properties['ftype'];
  if (typeof ftype === 'string' && ftype.toLowerCase() === 'canalditch') return true;
  const canal = properties['canal'];
  return canal === true || canal === 'yes' || canal === 'true';
}

/** The name a line carries, if any (GNIS_NAME, name). */
export function nameOf(properties: Record<string, unknown>): string | undefined {
  for (const key of ['GNIS_NAME', 'gnis_name', 'name', 'NAME', 'RIV_NAME']) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Walks downstream pointers; a walk that comes back on itself is a loop, cut at the reach where it closes. */
export function breakDirectedCycles(
  downstream: Int32Array,
  ids: readonly string[],
  diagnostics: NetworkDiagnostic[],
): void {
  const state = new Uint8Array(downstream.length);
  const loopReaches: string[] = [];
  let loopCount = 0;
  for (let start = 0; start < downstream.length; start++) {
    if (state[start] !== 0) continue;
    let current = start;
    while (current >= 0 && state[current] === 0) {
      state[current] = 1;
      current = downstream[current]!;
    }
    if (current >= 0 && state[current] === 1) {
      loopCount++;
      let member = current;
      let last = current;
      do {
        loopReaches.push(ids[member]!);
        last = member;
        member = downstream[member]!;
      } while (member !== current);
      downstream[last] = -1;
    }
    current = start;
    while (current >= 0 && state[current] === 1) {
      state[current] = 2;
      current = downstream[current]!;
    }
  }
  if (loopCount > 0) {
    diagnostics.push({
      code: 'hydrology.network.loop',
      severity: 'warning',
      params: { count: loopCount },
      reachIds: loopReaches,
    });
  }
}
