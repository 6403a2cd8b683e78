/**
 * Reads a single-band elevation GeoTIFF into a Raster.
 *
 * Accepted: one band (any integer or float type, read as float32 metres), a north-up geotransform (ModelPixelScale
 * + ModelTiepoint, or ModelTransformation without rotation), and one of these coordinate systems:
 * - geographic EPSG:4326 (WGS 84), 4269 (NAD83), 4674 (SIRGAS 2000), or a user-defined geographic CRS in degrees
 *   on the WGS 84 / GRS 1980 ellipsoid (as ArcGIS writes NAD83 files);
 * - projected UTM zones by EPSG code: 32601-32660, 32701-32760 (WGS 84), 26901-26923 (NAD83),
 *   31965-31985 (SIRGAS 2000).
 * Anything else is refused with a DemError code (messages in src/i18n/messages/dem.ts).
 */
import { fromArrayBuffer } from 'geotiff';
import { createRaster, type Raster } from '../hydrology/dem/raster';
import { isSupportedEpsg, SUPPORTED_GEOGRAPHIC_EPSG } from '../hydrology/dem/crs';
import { DemError } from '../hydrology/dem/dem-error';

const USER_DEFINED = 32767;
const DEGREE_UNIT = 9102;
const PHOTOMETRIC_RGB = 2;
const PHOTOMETRIC_PALETTE = 3;

/** The outcome of reading a GeoTIFF: a raster, or a refusal with a message code. */
export type GeoTiffReadResult = { ok: true; raster: Raster } | { ok: false; error: DemError };

/**
 * Reads a GeoTIFF file's bytes into a Raster; never throws for a bad file, returns `{ ok: false, error }`.
 *
 * @example const result = await readGeoTiffRaster(bytes); if (result.ok) delineate(result.raster, ...)
 */
export async function readGeoTiffRaster(buffer: ArrayBuffer): Promise<GeoTiffReadResult> {
  try {
    return { ok: true, raster: await readOrThrow(buffer) };
  } catch (error) {
    if (error instanceof DemError) return { ok: false, error };
    throw error;
  }
}

function isTiffSignature(buffer: ArrayBuffer): boolean {
  if (buffer.byteLength < 8) return false;
  const bytes = new Uint8Array(buffer, 0, 4);
  const little = bytes[0] === 0x49 && bytes[1] === 0x49;
  const big = bytes[0] === 0x4d && bytes[1] === 0x4d;
  if (!little && !big) return false;
  const version = little ? bytes[2]! | (bytes[3]! << 8) : (bytes[2]! << 8) | bytes[3]!;
  return version === 42 || version === 43;
}

async function readOrThrow(buffer: ArrayBuffer): Promise<Raster> {
  if (!isTiffSignature(buffer)) throw new DemError('dem.notTiff');
  let image;
  try {
    image = await (await fromArrayBuffer(buffer)).getImage();
  } catch {
    throw new DemError('dem.notTiff');
  }
  const bands = image.getSamplesPerPixel();
  if (bands !== 1) throw new DemError('dem.multiBand', { bands });
  const directory = image.fileDirectory as unknown as Record<string, unknown>;
  const photometric = readTag(directory, 'PhotometricInterpretation');
  if (photometric === PHOTOMETRIC_PALETTE || photometric === PHOTOMETRIC_RGB) throw new DemError('dem.notElevation');

  let origin: number[];
  let resolution: number[];
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch {
    throw new DemError('dem.missingGeotransform');
  }
  const transformation = readTag(directory, 'ModelTransformation');
  if (Array.isArray(transformation) && (transformation[1] !== 0 || transformation[4] !== 0)) {
    throw new DemError('dem.rotatedGrid');
  }
  const cellSizeX = resolution[0]!;
  const cellSizeY = -resolution[1]!;
  if (!(cellSizeX > 0) || !(cellSizeY > 0) || !Number.isFinite(origin[0]!) || !Number.isFinite(origin[1]!)) {
    throw new DemError('dem.missingGeotransform');
  }

  const crs = classifyCrs(image.getGeoKeys() as Record<string, unknown> | null);
  const width = image.getWidth();
  const height = image.getHeight();
  const rasters = await image.readRasters({ samples: [0], interleave: false });
  const band = (rasters as unknown as ArrayLike<number>[])[0]!;
  const data = band instanceof Float32Array ? band : Float32Array.from(band);
  const noData = image.getGDALNoData();
  return createRaster(
    width,
    height,
    data,
    { originX: origin[0]!, originY: origin[1]!, cellSizeX, cellSizeY },
    {
      noData: noData ?? null,
      geographic: crs.geographic,
      ...(crs.epsg !== undefined ? { epsg: crs.epsg } : {}),
    },
  );
}

function readTag(directory: Record<string, unknown>, name: string): unknown {
  const getter = (directory as { getValue?: (tag: string) => unknown }).getValue;
  if (typeof getter === 'function') {
    try {
      return getter.call(directory, name);
    } catch {
      return undefined;
    }
  }
  return directory[name];
}

function classifyCrs(keys: Record<string, unknown> | null): {
  geographic: boolean;
  epsg?: number;
} {
  if (keys === null) throw new DemError('dem.missingCrs');
  const projected = keys['ProjectedCSTypeGeoKey'];
  if (typeof projected === 'number' && projected !== USER_DEFINED) {
    if (!isSupportedEpsg(projected) || SUPPORTED_GEOGRAPHIC_EPSG.includes(projected)) {
      throw new DemError('dem.unsupportedCrs', { crs: `EPSG:${projected}` });
    }
    return { geographic: false, epsg: projected };
  }
  if (projected === USER_DEFINED) throw new DemError('dem.unsupportedCrs', { crs: 'user-defined projected' });
  const geographic = keys['GeographicTypeGeoKey'];
  if (typeof geographic === 'number' && geographic !== USER_DEFINED) {
    if (!SUPPORTED_GEOGRAPHIC_EPSG.includes(geographic)) {
      throw new DemError('dem.unsupportedCrs', { crs: `EPSG:${geographic}` });
    }
    return { geographic: true, epsg: geographic };
  }
  if (geographic === USER_DEFINED) {
    const semiMajor = keys['GeogSemiMajorAxisGeoKey'];
    const inverseFlattening = keys['GeogInvFlatteningGeoKey'];
    const units = keys['GeogAngularUnitsGeoKey'];
    const wgs84LikeEllipsoid =
      semiMajor === 6378137 && typeof inverseFlattening === 'number' && Math.abs(inverseFlattening - 298.2572) < 0.001;
    if ((units === undefined || units === DEGREE_UNIT) && wgs84LikeEllipsoid) return { geographic: true };
    throw new DemError('dem.unsupportedCrs', {
      crs: 'user-defined geographic',
    });
  }
  throw new DemError('dem.missingCrs');
}
