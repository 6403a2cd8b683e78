/*
 * A minimal Shapefile writer for tests (shpjs only reads, and @mapbox/shp-write is not installed): polylines or
 * polygons with one attribute table of text fields, as .shp, .shx and .dbf bytes. Polygon outer rings must be
 * given clockwise, as the format requires.
 */

/** One shape: its parts (lines, or polygon rings) as [x, y] lists, and its attributes. */
export interface TestShape {
  readonly parts: readonly (readonly (readonly [number, number])[])[];
  readonly attributes: Readonly<Record<string, string>>;
}

const SHAPE_TYPE = { polyline: 3, polygon: 5 } as const;

function bbox(points: readonly (readonly [number, number])[]): [number, number, number, number] {
  const xs = points.map((point) => point[0]);
  const ys = points.map((point) => point[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function header(view: DataView, lengthBytes: number, shapeType: number, box: readonly number[]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, lengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  box.forEach((value, index) => view.setFloat64(36 + index * 8, value, true));
}

/** Writes the .shp and .shx of `shapes`. */
export function writeShp(kind: keyof typeof SHAPE_TYPE, shapes: readonly TestShape[]): { shp: Uint8Array; shx: Uint8Array } {
  const shapeType = SHAPE_TYPE[kind];
  const contents = shapes.map((shape) => {
    const points = shape.parts.flat();
    const length = 44 + 4 * shape.parts.length + 16 * points.length;
    const view = new DataView(new ArrayBuffer(length));
    view.setInt32(0, shapeType, true);
    bbox(points).forEach((value, index) => view.setFloat64(4 + index * 8, value, true));
    view.setInt32(36, shape.parts.length, true);
    view.setInt32(40, points.length, true);
    let start = 0;
    shape.parts.forEach((part, index) => {
      view.setInt32(44 + index * 4, start, true);
      start += part.length;
    });
    const pointsAt = 44 + 4 * shape.parts.length;
    points.forEach(([x, y], index) => {
      view.setFloat64(pointsAt + index * 16, x, true);
      view.setFloat64(pointsAt + index * 16 + 8, y, true);
    });
    return new Uint8Array(view.buffer);
  });
  const box = bbox(shapes.flatMap((shape) => shape.parts.flat()));
  const shpLength = 100 + contents.reduce((sum, content) => sum + 8 + content.length, 0);
  const shp = new Uint8Array(shpLength);
  const shpView = new DataView(shp.buffer);
  header(shpView, shpLength, shapeType, box);
  const shxLength = 100 + 8 * shapes.length;
  const shx = new Uint8Array(shxLength);
  const shxView = new DataView(shx.buffer);
  header(shxView, shxLength, shapeType, box);
  let offset = 100;
  contents.forEach((content, index) => {
    shpView.setInt32(offset, index + 1, false);
    shpView.setInt32(offset + 4, content.length / 2, false);
    shp.set(content, offset + 8);
    shxView.setInt32(100 + index * 8, offset / 2, false);
    shxView.setInt32(100 + index * 8 + 4, content.length / 2, false);
    offset += 8 + content.length;
  });
  return { shp, shx };
}

/** Writes a .dbf of text fields (each 40 bytes wide) from the shapes' attributes, encoding text with `encode`. */
export function writeDbf(shapes: readonly TestShape[], encode: (text: string) => Uint8Array): Uint8Array {
  const names = [...new Set(shapes.flatMap((shape) => Object.keys(shape.attributes)))];
  const width = 40;
  const headerLength = 32 + 32 * names.length + 1;
  const recordLength = 1 + width * names.length;
  const bytes = new Uint8Array(headerLength + recordLength * shapes.length + 1);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 0x03);
  view.setUint8(1, 125);
  view.setUint8(2, 1);
  view.setUint8(3, 1);
  view.setUint32(4, shapes.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  names.forEach((name, index) => {
    const at = 32 + index * 32;
    bytes.set(encode(name).subarray(0, 10), at);
    bytes[at + 11] = 'C'.charCodeAt(0);
    bytes[at + 16] = width;
  });
  bytes[headerLength - 1] = 0x0d;
  shapes.forEach((shape, row) => {
    const at = headerLength + row * recordLength;
    bytes.fill(0x20, at, at + recordLength);
    names.forEach((name, index) => bytes.set(encode(shape.attributes[name] ?? '').subarray(0, width), at + 1 + index * width));
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/** Latin-1 bytes of a text (enough for Spanish and Portuguese accents), as a .dbf written without a .cpg holds it. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
}
