import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { expect } from 'vitest';
import {
  RiverNetwork,
  type NetworkBuildOptions,
  type NetworkDiagnostic,
} from '../../../../src/hydrology/river-network';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/hydrology');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** Names of the input fixtures (file names without .geojson). */
export function fixtureNames(): string[] {
  return readdirSync(path.join(FIXTURES, 'in'))
    .filter((file) => file.endsWith('.geojson'))
    .map((file) => file.slice(0, -'.geojson'.length))
    .sort();
}

/** The input fixture as parsed GeoJSON. */
export function readInput(name: string): FeatureCollection {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'in', `${name}.geojson`), 'utf8')) as FeatureCollection;
}

/** The network built from an input fixture, with the build options its `options` foreign member gives, if any. */
export function buildFixture(name: string): {
  network: RiverNetwork;
  diagnostics: NetworkDiagnostic[];
} {
  const input = readInput(name) as FeatureCollection & {
    options?: NetworkBuildOptions;
  };
  return RiverNetwork.fromGeoJson(input, input.options);
}

const round = (value: number): number | null => (Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null);

/** What a fixture's golden output records: every reach's topology and quantities, the diagnostics and the pieces. */
export function summarize(network: RiverNetwork, diagnostics: readonly NetworkDiagnostic[]): unknown {
  return {
    scheme: network.scheme,
    reaches: network.reachIds().map((id) => {
      const reach = network.reach(id)!;
      return {
        id,
        downstreamId: reach.downstreamId,
        streamOrder: reach.streamOrder,
        lengthKm: round(reach.lengthKm),
        distanceToOutletKm: round(reach.distanceToOutletKm),
        drainageAreaKm2: round(reach.drainageAreaKm2),
        outletId: reach.outletId,
        upstreamEnd: reach.coordinates[0],
        downstreamEnd: reach.coordinates[reach.coordinates.length - 1],
      };
    }),
    diagnostics: diagnostics.map((diagnostic) => ({
      ...diagnostic,
      reachIds: [...diagnostic.reachIds].sort(),
    })),
    pieces: network.pieces(),
    canals: network.canals().map((canal) => canal.id),
  };
}

/** Compares with out/<name>.json, or writes it when UPDATE_GOLDEN=1. */
export function expectGolden(name: string, actual: unknown): void {
  const file = path.join(FIXTURES, 'out', `${name}.json`);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (UPDATE || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (!UPDATE) throw new Error(`golden file ${name}.json was missing and has been written; check it and run again`);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
