import { defineMessages } from '../define';

/** Strings about the embedded sample basin: the fictional label shown while it is open, and its actions. */
export const sample = defineMessages(
  {
    fictionalBadge: 'Fictional sample',
    fictionalNotice:
      'This is {basin}, a made-up basin for learning the app. Its river, communities, people and figures are invented; no record refers to a real place.',
    startOwnBasin: 'Start my own basin',
    keepExploring: 'Keep exploring the sample',
    referenceDate: 'The sample records run up to {date}.',
    removeSampleConfirm: 'Remove the sample basin and all its records from this computer? Your own basins are not touched.',
  },
  {
    fictionalBadge: 'Ejemplo ficticio',
    fictionalNotice:
      'Esta es la {basin}, una cuenca inventada para aprender a usar la aplicación. El río, las veredas, las personas y las cifras son inventados; ningún registro corresponde a un lugar real.',
    startOwnBasin: 'Empezar con mi propia cuenca',
    keepExploring: 'Seguir mirando el ejemplo',
    referenceDate: 'Los registros del ejemplo llegan hasta el {date}.',
    removeSampleConfirm: '¿Quitar la cuenca de ejemplo y todos sus registros de este computador? Sus propias cuencas no se tocan.',
  },
  {
    fictionalBadge: 'Exemplo fictício',
    fictionalNotice:
      'Esta é a {basin}, uma bacia inventada para aprender a usar o aplicativo. O rio, as comunidades, as pessoas e os números são inventados; nenhum registro corresponde a um lugar real.',
    startOwnBasin: 'Começar com minha própria bacia',
    keepExploring: 'Continuar vendo o exemplo',
    referenceDate: 'Os registros do exemplo vão até {date}.',
    removeSampleConfirm: 'Remover a bacia de exemplo e todos os seus registros deste computador? Suas próprias bacias não serão alteradas.',
  },
);
