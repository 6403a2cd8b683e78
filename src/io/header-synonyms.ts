import type { UnitId } from '../domain/units';

/*
 * Words committees put at the top of their spreadsheet columns, in Spanish, Portuguese and English, so the
 * import can propose a column mapping. Accents and case are ignored when comparing (see normalizeHeader).
 */

/** Header words by concept; a CSV schema field lists the concepts it answers to in its `aliases`. */
export const HEADER_SYNONYMS = {
  date: ['fecha', 'data', 'date', 'dia', 'day', 'fecha de lectura', 'data da leitura'],
  periodStart: ['fecha inicio', 'fecha de inicio', 'desde', 'inicio', 'data inicio', 'data inicial', 'de', 'start', 'from', 'period start'],
  periodEnd: ['fecha fin', 'fecha final', 'fecha de fin', 'hasta', 'fin', 'data fim', 'data final', 'ate', 'fim', 'end', 'to', 'period end'],
  time: ['hora', 'horario', 'fecha y hora', 'data e hora', 'data hora', 'time', 'datetime', 'timestamp', 'date time'],
  volume: ['volumen', 'volume', 'vol', 'consumo', 'lectura', 'leitura', 'reading', 'volumen captado', 'volume captado'],
  rate: ['caudal', 'vazao', 'flow', 'rate', 'gasto', 'caudal captado', 'vazao captada', 'discharge'],
  intake: ['toma', 'bocatoma', 'captacion', 'punto de captacion', 'captacao', 'ponto de captacao', 'fuente', 'fonte', 'intake', 'source'],
  community: ['comunidad', 'comunidade', 'community', 'vereda', 'comuna', 'localidad', 'localidade'],
  method: ['metodo', 'method', 'medicion', 'medicao', 'tipo de medicion', 'tipo de medicao'],
  reporter: ['reportado por', 'responsable', 'responsavel', 'reporter', 'lector', 'leiturista', 'registrado por'],
  parameter: ['parametro', 'parameter', 'analito', 'variable', 'variavel'],
  value: ['valor', 'value', 'resultado', 'result', 'medida', 'concentracion', 'concentracao', 'concentration'],
  unit: ['unidad', 'unidade', 'unit', 'unidades'],
  point: ['punto', 'ponto', 'estacion', 'estacao', 'point', 'station', 'sitio', 'punto de monitoreo', 'ponto de monitoramento'],
  notes: ['observaciones', 'observacoes', 'observacion', 'notas', 'nota', 'comentarios', 'comentario', 'notes', 'comments', 'obs'],
  latitude: ['lat', 'latitud', 'latitude', 'y'],
  longitude: ['lon', 'lng', 'long', 'longitud', 'longitude', 'x'],
  ecoli: ['e coli', 'ecoli', 'escherichia coli', 'coliformes fecales', 'coliformes termotolerantes', 'coliformes termotolerantes'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * Lower-cases, strips accents and units in brackets, and keeps letters and digits separated by single spaces,
 * so 'Captação (m³)' and 'CAPTACAO' compare equal.
 * @example normalizeHeader(' Volumen (m3) ') === 'volumen'
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/([a-z])([0-9])/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Splits a camelCase field name into words, for matching headers that repeat it ('volumeM3' -> 'volume m 3'). */
export function fieldNameWords(name: string): string {
  return normalizeHeader(name.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

// Checked in order: rates before volumes, bacteria before 'mL' could pass for megalitres.
const UNIT_PATTERNS: readonly (readonly [UnitId, RegExp])[] = [
  ['m3/s', /m[3³]\s*\/\s*s\b|m[3³]\s*por\s*s|\bm3s\b/],
  ['m3/h', /m[3³]\s*\/\s*h\b|m[3³]\s*por\s*h|\bm3h\b/],
  ['L/s', /\bl\s*\/\s*s\b|\blps\b|litros?\s*(?:por|\/)\s*s/],
  ['CFU/100mL', /\bufc\b|\bcfu\b/],
  ['MPN/100mL', /\bnmp\b|\bmpn\b/],
  ['ug/L', /[uµμ]g\s*\/\s*l\b|microgramos?|microgramas?/],
  ['mg/L', /mg\s*\/\s*l\b|miligramos?|miligramas?/],
  ['ML', /megalitros?|\bmegaliters?\b|\bmegalitres?\b/],
  ['m3', /\bm[3³]|metros?\s*cubicos?|cubic met/],
  ['L', /\blitros?\b|\bliters?\b|\blitres?\b|\(\s*l\s*\)/],
];

/**
 * The unit a header names, among `allowed`, or null: 'Caudal (L/s)' -> 'L/s', 'Volumen m³' -> 'm3'.
 * @example guessUnitFromHeader('E. coli (NMP/100 mL)', ['CFU/100mL', 'MPN/100mL']) === 'MPN/100mL'
 */
export function guessUnitFromHeader(header: string, allowed: readonly UnitId[]): UnitId | null {
  const text = header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [unit, pattern] of UNIT_PATTERNS) {
    if (allowed.includes(unit) && pattern.test(text)) return unit;
  }
  // Megalitres are written 'ML', which lower-casing would confuse with millilitres.
  if (allowed.includes('ML') && /\bML\b/.test(header)) return 'ML';
  return null;
}
