/*
 * Invented names for the fictional sample basin. Any likeness to a real vereda, person or enterprise is
 * unintended; phone numbers use the 000 block so that none of them rings anywhere.
 */

/** Name of the fictional river and its basin. */
export const SAMPLE_RIVER_NAME = 'Río Aguaclara';

/** The twelve communities of the sample basin, from the headwaters to the outlet. */
export const SAMPLE_COMMUNITY_NAMES: readonly string[] = [
  'Vereda Alto de los Frailejones',
  'Vereda El Roble',
  'San Isidro de Altamira',
  'Vereda La Cristalina',
  'Vereda Peñas Blancas',
  'Vereda Las Brisas',
  'El Guamal',
  'Vereda La Palmita',
  'San José de las Quebradas',
  'Vereda Buenavista',
  'Llano Grande de Abajo',
  'Puerto Arenillas',
];

const COMMUNITY_PREFIXES = ['Vereda', 'San', 'Santa', 'El', 'La', 'Alto', 'Bajo', 'Llano'];
const COMMUNITY_STEMS = [
  'Roble', 'Cristalina', 'Guamal', 'Palmita', 'Brisas', 'Esperanza', 'Cedral', 'Naranjal', 'Mirador', 'Porvenir',
  'Laguna', 'Cascada', 'Arrayanes', 'Yarumal', 'Encenillos', 'Guaduas', 'Piedras', 'Chorrera', 'Pradera', 'Aurora',
];

/** A community name for the scale basin, unique for each index. */
export function scaleCommunityName(index: number): string {
  const prefix = COMMUNITY_PREFIXES[index % COMMUNITY_PREFIXES.length] ?? 'Vereda';
  const stem = COMMUNITY_STEMS[Math.floor(index / COMMUNITY_PREFIXES.length) % COMMUNITY_STEMS.length] ?? 'Roble';
  const round = Math.floor(index / (COMMUNITY_PREFIXES.length * COMMUNITY_STEMS.length));
  return round === 0 ? `${prefix} ${stem}` : `${prefix} ${stem} ${round + 1}`;
}

/** Given names used for contacts and reporters (women first, then men, alternating when picked). */
export const GIVEN_NAMES_WOMEN: readonly string[] = [
  'María Fernanda', 'Luz Marina', 'Ana Lucía', 'Rosa Elena', 'Gloria Inés', 'Marta Cecilia', 'Yolanda', 'Leidy Johana',
  'Carmen Rosa', 'Diana Marcela', 'Blanca Nidia', 'Esperanza',
];
/** Given names of men used for contacts and reporters. */
export const GIVEN_NAMES_MEN: readonly string[] = [
  'José Arley', 'Luis Alberto', 'Jhon Jairo', 'Carlos Mario', 'Pedro Pablo', 'Hernán', 'Fabio Nelson', 'Édgar',
  'Wilson', 'Óscar Iván', 'Gildardo', 'Rubén Darío',
];
/** Family names used for contacts and reporters. */
export const FAMILY_NAMES: readonly string[] = [
  'Ospina', 'Cárdenas', 'Restrepo', 'Giraldo', 'Agudelo', 'Montoya', 'Quintero', 'Valencia', 'Zapata', 'Henao',
  'Londoño', 'Castaño', 'Arango', 'Marín', 'Osorio', 'Patiño',
];
