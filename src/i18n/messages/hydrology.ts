import { defineMessages } from '../define';

/** Messages of the river network (building it from a file, snapping points to it); codes are 'hydrology.<key>'. */
export const hydrology = defineMessages(
  {
    'network.notALine_one': '{count} feature is not a line (feature {features}) and was left out of the river network.',
    'network.notALine_other':
      '{count} features are not lines (features {features}) and were left out of the river network.',
    'network.empty': 'The file has no river lines, so there is no river network to build.',
    'network.duplicateId_one': '{count} river reach has the same id as another one; only the first was kept.',
    'network.duplicateId_other': '{count} river reaches have the same id as others; only the first of each was kept.',
    'network.downstreamMissing_one':
      '{count} reach flows into a reach that is not in the file; it is treated as the end of the river (an outlet).',
    'network.downstreamMissing_other':
      '{count} reaches flow into reaches that are not in the file; they are treated as ends of the river (outlets).',
    'network.linesSplit_one':
      '{count} line was cut where another stream joins it, so the junction is part of the network.',
    'network.linesSplit_other':
      'Lines were cut at {count} points where another stream joins them ({lineCount} lines), so each junction is part of the network.',
    'network.split_one':
      '{count} reach leaves the river at a fork: a side channel or canal intake, or a stream drawn against the flow. Water is counted along the main channel.',
    'network.split_other':
      '{count} reaches leave the river at forks: side channels or canal intakes, or streams drawn against the flow. Water is counted along the main channel.',
    'network.directionConflict_one':
      'At {count} point, lines are drawn flowing into each other (or out of each other). One of them is probably drawn against the flow: check its direction.',
    'network.directionConflict_other':
      'At {count} points, lines are drawn flowing into each other (or out of each other). One of them is probably drawn against the flow: check their direction.',
    'network.loop_one':
      '{count} loop was found in the rivers: water would go round in a circle. It was cut so the network can be used; check it on the map.',
    'network.loop_other':
      '{count} loops were found in the rivers: water would go round in a circle. They were cut so the network can be used; check them on the map.',
    'network.reversed_one': '{count} reach was drawn against the flow and was turned around.',
    'network.reversed_other': '{count} reaches were drawn against the flow and were turned around.',
    'network.outletDetected_one':
      'The outlet (where the river leaves the basin) was guessed for {count} part of the network. Check it, or mark the outlet yourself.',
    'network.outletDetected_other':
      'The outlet (where the river leaves the basin) was guessed for {count} parts of the network. Check them, or mark the outlets yourself.',
    'network.canalsExcluded_one': '{count} canal is shown on the map but is not part of the river network.',
    'network.canalsExcluded_other': '{count} canals are shown on the map but are not part of the river network.',
    'network.disconnected_one': 'The rivers form {count} piece with {outletCount} outlets.',
    'network.disconnected_other':
      'The rivers form {count} separate pieces that do not touch, with {outletCount} outlets in all. Points on different pieces are never upstream of each other.',
    'network.areaMissing_one': '{count} reach has no catchment area; drainage areas below it are too small.',
    'network.areaMissing_other': '{count} reaches have no catchment area; drainage areas below them are too small.',
    'network.catchmentUnmatched_one': '{count} catchment polygon does not match any reach and was not used.',
    'network.catchmentUnmatched_other': '{count} catchment polygons do not match any reach and were not used.',
    'snap.tooFar':
      'The point is {distanceM} m from the nearest river, farther than the {toleranceM} m allowed. Move the point closer, or raise the distance allowed.',
  },
  {
    'network.notALine_one': '{count} elemento no es una línea (elemento {features}) y quedó fuera de la red de ríos.',
    'network.notALine_other':
      '{count} elementos no son líneas (elementos {features}) y quedaron fuera de la red de ríos.',
    'network.empty': 'El archivo no tiene líneas de ríos, así que no hay red de ríos que armar.',
    'network.duplicateId_one': '{count} tramo de río tiene el mismo código que otro; solo se guardó el primero.',
    'network.duplicateId_other':
      '{count} tramos de río tienen el mismo código que otros; solo se guardó el primero de cada uno.',
    'network.downstreamMissing_one':
      '{count} tramo desemboca en un tramo que no está en el archivo; se toma como el final del río (una salida).',
    'network.downstreamMissing_other':
      '{count} tramos desembocan en tramos que no están en el archivo; se toman como finales del río (salidas).',
    'network.linesSplit_one':
      'Se cortó {count} línea donde le llega otra quebrada, para que la unión forme parte de la red.',
    'network.linesSplit_other':
      'Se cortaron líneas en {count} puntos donde les llega otra quebrada ({lineCount} líneas), para que cada unión forme parte de la red.',
    'network.split_one':
      '{count} tramo sale del río en una bifurcación: un brazo, una toma de canal, o una quebrada dibujada al revés. El agua se cuenta por el cauce principal.',
    'network.split_other':
      '{count} tramos salen del río en bifurcaciones: brazos, tomas de canal, o quebradas dibujadas al revés. El agua se cuenta por el cauce principal.',
    'network.directionConflict_one':
      'En {count} punto hay líneas dibujadas corriendo una contra otra. Probablemente una está dibujada al revés de la corriente: revise su dirección.',
    'network.directionConflict_other':
      'En {count} puntos hay líneas dibujadas corriendo una contra otra. Probablemente alguna está dibujada al revés de la corriente: revise su dirección.',
    'network.loop_one':
      'Se encontró {count} vuelta cerrada en los ríos: el agua daría vueltas en círculo. Se cortó para poder usar la red; revísela en el mapa.',
    'network.loop_other':
      'Se encontraron {count} vueltas cerradas en los ríos: el agua daría vueltas en círculo. Se cortaron para poder usar la red; revíselas en el mapa.',
    'network.reversed_one': '{count} tramo estaba dibujado al revés de la corriente y se le dio la vuelta.',
    'network.reversed_other': '{count} tramos estaban dibujados al revés de la corriente y se les dio la vuelta.',
    'network.outletDetected_one':
      'La salida (donde el río deja la cuenca) se adivinó en {count} parte de la red. Revísela, o marque usted la salida.',
    'network.outletDetected_other':
      'La salida (donde el río deja la cuenca) se adivinó en {count} partes de la red. Revíselas, o marque usted las salidas.',
    'network.canalsExcluded_one': '{count} canal se muestra en el mapa pero no forma parte de la red de ríos.',
    'network.canalsExcluded_other': '{count} canales se muestran en el mapa pero no forman parte de la red de ríos.',
    'network.disconnected_one': 'Los ríos forman {count} pieza con {outletCount} salidas.',
    'network.disconnected_other':
      'Los ríos forman {count} piezas separadas que no se tocan, con {outletCount} salidas en total. Dos puntos en piezas distintas nunca están uno aguas arriba del otro.',
    'network.areaMissing_one':
      '{count} tramo no tiene área de cuenca; las áreas de drenaje aguas abajo salen menores de lo real.',
    'network.areaMissing_other':
      '{count} tramos no tienen área de cuenca; las áreas de drenaje aguas abajo salen menores de lo real.',
    'network.catchmentUnmatched_one': '{count} polígono de cuenca no corresponde a ningún tramo y no se usó.',
    'network.catchmentUnmatched_other': '{count} polígonos de cuenca no corresponden a ningún tramo y no se usaron.',
    'snap.tooFar':
      'El punto está a {distanceM} m del río más cercano, más lejos de los {toleranceM} m permitidos. Acerque el punto al río, o aumente la distancia permitida.',
  },
  {
    'network.notALine_one': '{count} elemento não é uma linha (elemento {features}) e ficou fora da rede de rios.',
    'network.notALine_other': '{count} elementos não são linhas (elementos {features}) e ficaram fora da rede de rios.',
    'network.empty': 'O arquivo não tem linhas de rios, então não há rede de rios para montar.',
    'network.duplicateId_one': '{count} trecho de rio tem o mesmo código que outro; só o primeiro foi mantido.',
    'network.duplicateId_other':
      '{count} trechos de rio têm o mesmo código que outros; só o primeiro de cada um foi mantido.',
    'network.downstreamMissing_one':
      '{count} trecho deságua num trecho que não está no arquivo; ele é tratado como o fim do rio (uma saída).',
    'network.downstreamMissing_other':
      '{count} trechos deságuam em trechos que não estão no arquivo; eles são tratados como fins do rio (saídas).',
    'network.linesSplit_one':
      '{count} linha foi cortada onde outro córrego chega nela, para que o encontro faça parte da rede.',
    'network.linesSplit_other':
      'Linhas foram cortadas em {count} pontos onde outro córrego chega nelas ({lineCount} linhas), para que cada encontro faça parte da rede.',
    'network.split_one':
      '{count} trecho sai do rio numa bifurcação: um braço, uma tomada de canal, ou um córrego desenhado ao contrário. A água é contada pelo leito principal.',
    'network.split_other':
      '{count} trechos saem do rio em bifurcações: braços, tomadas de canal, ou córregos desenhados ao contrário. A água é contada pelo leito principal.',
    'network.directionConflict_one':
      'Em {count} ponto há linhas desenhadas correndo uma contra a outra. Provavelmente uma está desenhada contra a correnteza: confira a direção.',
    'network.directionConflict_other':
      'Em {count} pontos há linhas desenhadas correndo uma contra a outra. Provavelmente alguma está desenhada contra a correnteza: confira a direção.',
    'network.loop_one':
      'Foi encontrada {count} volta fechada nos rios: a água andaria em círculo. Ela foi cortada para a rede poder ser usada; confira no mapa.',
    'network.loop_other':
      'Foram encontradas {count} voltas fechadas nos rios: a água andaria em círculo. Elas foram cortadas para a rede poder ser usada; confira no mapa.',
    'network.reversed_one': '{count} trecho estava desenhado contra a correnteza e foi virado.',
    'network.reversed_other': '{count} trechos estavam desenhados contra a correnteza e foram virados.',
    'network.outletDetected_one':
      'A saída (onde o rio deixa a bacia) foi adivinhada em {count} parte da rede. Confira, ou marque você mesmo a saída.',
    'network.outletDetected_other':
      'A saída (onde o rio deixa a bacia) foi adivinhada em {count} partes da rede. Confira, ou marque você mesmo as saídas.',
    'network.canalsExcluded_one': '{count} canal aparece no mapa mas não faz parte da rede de rios.',
    'network.canalsExcluded_other': '{count} canais aparecem no mapa mas não fazem parte da rede de rios.',
    'network.disconnected_one': 'Os rios formam {count} peça com {outletCount} saídas.',
    'network.disconnected_other':
      'Os rios formam {count} peças separadas que não se tocam, com {outletCount} saídas ao todo. Pontos em peças diferentes nunca estão um rio acima do outro.',
    'network.areaMissing_one':
      '{count} trecho não tem área de bacia; as áreas de drenagem rio abaixo ficam menores do que são.',
    'network.areaMissing_other':
      '{count} trechos não têm área de bacia; as áreas de drenagem rio abaixo ficam menores do que são.',
    'network.catchmentUnmatched_one': '{count} polígono de bacia não corresponde a nenhum trecho e não foi usado.',
    'network.catchmentUnmatched_other':
      '{count} polígonos de bacia não correspondem a nenhum trecho e não foram usados.',
    'snap.tooFar':
      'O ponto está a {distanceM} m do rio mais próximo, mais longe que os {toleranceM} m permitidos. Aproxime o ponto do rio, ou aumente a distância permitida.',
  },
);
