import { lineLengthKm } from './geodesy';
import {
  idOf,
  isCanal,
  nameOf,
  numberOf,
  PropertyKeys,
  type CanalLine,
  type NetworkDiagnostic,
  type NetworkDraft,
  type SourceLine,
  type TopologyScheme,
} from './network-draft';

/** Which topology scheme the properties carry: NHDPlus nodes or hydrosequence, HydroRIVERS, a generic id/toid pair, or none. */
export function detectScheme(lines: readonly SourceLine[], idProperty = 'id', toIdProperty = 'toid'): TopologyScheme {
  const keys = new PropertyKeys(lines);
  if (keys.find('COMID') && keys.find('FromNode') && keys.find('ToNode')) return 'nhdplus-nodes';
  if (keys.find('Hydroseq') && keys.find('DnHydroseq')) return 'nhdplus-hydroseq';
  if (keys.find('HYRIV_ID') && keys.find('NEXT_DOWN')) return 'hydrorivers';
  if (keys.find(idProperty) && keys.find(toIdProperty)) return 'id-toid';
  return 'geometry';
}

/** Joins the parts of a multi-part reach into one line, dropping the repeated vertex where parts touch. */
function joinParts(parts: readonly [number, number][][]): [number, number][] {
  const joined: [number, number][] = [];
  for (const part of parts) {
    for (const vertex of part) {
      const last = joined[joined.length - 1];
      if (last !== undefined && last[0] === vertex[0] && last[1] === vertex[1]) continue;
      joined.push(vertex);
    }
  }
  return joined;
}

interface AttributeReader {
  readonly id: string | undefined;
  readonly area: string | undefined;
  readonly length: string | undefined;
  readonly order: string | undefined;
  readonly levelPath: string | undefined;
}

/**
 * Builds a draft from topology attributes. Every reach keeps its source id; the downstream link, splits
 * (divergences) and outlets come from the attributes, never from the geometry.
 */
export function readTopology(
  scheme: Exclude<TopologyScheme, 'geometry'>,
  allLines: readonly SourceLine[],
  options: {
    idProperty?: string;
    toIdProperty?: string;
    areaProperty?: string;
  },
  diagnostics: NetworkDiagnostic[],
): NetworkDraft {
  const keys = new PropertyKeys(allLines);
  const reader: AttributeReader = {
    id:
      scheme === 'nhdplus-nodes'
        ? keys.find('COMID')
        : scheme === 'nhdplus-hydroseq'
          ? keys.find('COMID', 'Hydroseq')
          : scheme === 'hydrorivers'
            ? keys.find('HYRIV_ID')
            : keys.find(options.idProperty ?? 'id'),
    area: keys.find(options.areaProperty, 'AreaSqKM', 'CATCH_SKM', 'areaKm2', 'area_km2'),
    length: keys.find('LENGTHKM', 'LENGTH_KM', 'lengthKm'),
    order: keys.find('StreamOrde', 'ORD_STRA', 'streamOrder', 'strahler'),
    levelPath: keys.find('LevelPathI'),
  };

  const canals: CanalLine[] = [];
  const lines: SourceLine[] = [];
  const ids: string[] = [];
  const indexById = new Map<string, number>();
  const duplicates: string[] = [];
  for (const line of allLines) {
    const id =
      idOf(reader.id === undefined ? undefined : line.properties[reader.id]) ?? `feature-${line.featureIndex + 1}`;
    if (isCanal(line.properties)) {
      const name = nameOf(line.properties);
      canals.push(
        name === undefined
          ? { id, coordinates: joinParts(line.parts) }
          : { id, coordinates: joinParts(line.parts), name },
      );
      continue;
    }
    if (indexById.has(id)) {
      duplicates.push(id);
      continue;
    }
    indexById.set(id, lines.length);
    ids.push(id);
    lines.push(line);
  }
  if (duplicates.length > 0) {
    diagnostics.push({
      code: 'hydrology.network.duplicateId',
      severity: 'warning',
      params: { count: duplicates.length },
      reachIds: duplicates,
    });
  }

  const reachCount = lines.length;
  const downstream = new Int32Array(reachCount).fill(-1);
  const divergences: number[] = [];
  const mainUpstreamHint = new Int32Array(reachCount).fill(-1);
  const missingDownstream: string[] = [];

  if (scheme === 'nhdplus-nodes') {
    const fromKey = keys.find('FromNode')!;
    const toKey = keys.find('ToNode')!;
    const divergenceKey = keys.find('Divergence');
    const totalAreaKey = keys.find('TotDASqKM');
    const byFromNode = new Map<number, number[]>();
    lines.forEach((line, index) => {
      const fromNode = numberOf(line.properties[fromKey]);
      const list = byFromNode.get(fromNode);
      if (list === undefined) byFromNode.set(fromNode, [index]);
      else list.push(index);
    });
    const divergenceOf = (index: number): number => {
      const value = divergenceKey === undefined ? 0 : numberOf(lines[index]!.properties[divergenceKey]);
      return Number.isFinite(value) ? value : 0;
    };
    const rank = (index: number): number => {
      // The main path of a split is Divergence 1; plain flowlines (0) come next; minor paths (2) last.
      const divergence = divergenceOf(index);
      return divergence === 1 ? 0 : divergence === 0 ? 1 : 2;
    };
    const totalAreaOf = (index: number): number =>
      totalAreaKey === undefined ? 0 : numberOf(lines[index]!.properties[totalAreaKey]) || 0;
    lines.forEach((line, index) => {
      const toNode = numberOf(line.properties[toKey]);
      const candidates = (byFromNode.get(toNode) ?? []).filter((candidate) => candidate !== index);
      if (candidates.length === 0) return;
      let main = candidates[0]!;
      for (const candidate of candidates) {
        if (
          rank(candidate) < rank(main) ||
          (rank(candidate) === rank(main) && totalAreaOf(candidate) > totalAreaOf(main))
        )
          main = candidate;
      }
      downstream[index] = main;
      for (const candidate of candidates) if (candidate !== main) divergences.push(candidate, index);
    });
  } else if (scheme === 'nhdplus-hydroseq') {
    const hydroseqKey = keys.find('Hydroseq')!;
    const downKey = keys.find('DnHydroseq')!;
    const minorKey = keys.find('DnMinorHyd');
    const byHydroseq = new Map<string, number>();
    lines.forEach((line, index) => {
      const hydroseq = idOf(line.properties[hydroseqKey]);
      if (hydroseq !== undefined) byHydroseq.set(hydroseq, index);
    });
    lines.forEach((line, index) => {
      const down = idOf(line.properties[downKey]);
      if (down !== undefined) {
        const target = byHydroseq.get(down);
        if (target === undefined) missingDownstream.push(ids[index]!);
        else downstream[index] = target;
      }
      const minor = minorKey === undefined ? undefined : idOf(line.properties[minorKey]);
      const minorTarget = minor === undefined ? undefined : byHydroseq.get(minor);
      if (minorTarget !== undefined && minorTarget !== downstream[index]) divergences.push(minorTarget, index);
    });
  } else {
    const downKey = scheme === 'hydrorivers' ? keys.find('NEXT_DOWN')! : keys.find(options.toIdProperty ?? 'toid')!;
    lines.forEach((line, index) => {
      const down = idOf(line.properties[downKey]);
      if (down === undefined) return;
      const target = indexById.get(down);
      if (target === undefined || target === index) missingDownstream.push(ids[index]!);
      else downstream[index] = target;
    });
  }

  const upHydroseqKey = keys.find('UpHydroseq');
  const hydroseqKey = keys.find('Hydroseq');
  if (upHydroseqKey !== undefined && hydroseqKey !== undefined) {
    const byHydroseq = new Map<string, number>();
    lines.forEach((line, index) => {
      const hydroseq = idOf(line.properties[hydroseqKey]);
      if (hydroseq !== undefined) byHydroseq.set(hydroseq, index);
    });
    lines.forEach((line, index) => {
      const up = idOf(line.properties[upHydroseqKey]);
      const upIndex = up === undefined ? undefined : byHydroseq.get(up);
      if (upIndex !== undefined) mainUpstreamHint[index] = upIndex;
    });
  }

  if (divergences.length > 0) {
    const minorPaths = [...new Set(divergences.filter((_, k) => k % 2 === 0))].map((index) => ids[index]!);
    diagnostics.push({
      code: 'hydrology.network.split',
      severity: 'info',
      params: { count: minorPaths.length },
      reachIds: minorPaths,
    });
  }
  if (missingDownstream.length > 0) {
    diagnostics.push({
      code: 'hydrology.network.downstreamMissing',
      severity: 'info',
      params: { count: missingDownstream.length },
      reachIds: missingDownstream,
    });
  }

  const coordinates = lines.map((line) => joinParts(line.parts));
  const lengthKm = new Float64Array(reachCount);
  const ownAreaKm2 = new Float64Array(reachCount);
  const givenOrder = new Int32Array(reachCount);
  const levelPath = new Float64Array(reachCount);
  lines.forEach((line, index) => {
    const givenLength = reader.length === undefined ? Number.NaN : numberOf(line.properties[reader.length]);
    lengthKm[index] =
      Number.isFinite(givenLength) && givenLength >= 0 ? givenLength : lineLengthKm(coordinates[index]!);
    ownAreaKm2[index] = reader.area === undefined ? Number.NaN : numberOf(line.properties[reader.area]);
    const order = reader.order === undefined ? Number.NaN : numberOf(line.properties[reader.order]);
    givenOrder[index] = Number.isFinite(order) && order > 0 ? Math.round(order) : 0;
    levelPath[index] = reader.levelPath === undefined ? Number.NaN : numberOf(line.properties[reader.levelPath]);
  });

  return {
    scheme,
    ids,
    coordinates,
    downstream,
    divergences,
    lengthKm,
    ownAreaKm2,
    givenOrder,
    mainUpstreamHint,
    levelPath,
    names: lines.map((line) => nameOf(line.properties)),
    canals,
    diagnostics,
  };
}
