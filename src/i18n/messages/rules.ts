import { defineMessages } from '../define';

/**
 * Texts of the rules engine: one sentence per finding kind, remedies, condition facts and operators, clause kinds,
 * ladder rungs, severities, and agreement validation errors. `{period}` is a month ('2026-03'), a day, a year, or
 * an ISO interval ('2026-06-01/2026-09-30').
 */
export const rules = defineMessages(
  {
    'sentence.withdrawalQuotaIntake':
      'The community {community} withdrew {volumeM3} m³ in {period} at the intake “{intake}”; its quota is {limitM3} m³ (clause {clause}, version {version}): {excessPct}% over.',
    'sentence.withdrawalQuotaCommunity':
      'The community {community} withdrew {volumeM3} m³ in {period} across its {intakeCount} intakes; its quota is {limitM3} m³ (clause {clause}, version {version}): {excessPct}% over.',
    'sentence.proportionalShare':
      'In the scarcity of {period}, the community {community} withdrew {volumeM3} m³ upstream of {point}; its {sharePct}% share allowed {allocationM3} m³ (clause {clause}, version {version}): {excessPct}% over.',
    'sentence.proportionalShareNone':
      'In the scarcity of {period}, the community {community} withdrew {volumeM3} m³ upstream of {point}, where its {sharePct}% share left it no water to take (clause {clause}, version {version}).',
    'sentence.minimumFlow':
      'In {period} the flow left at {point} was {netFlowM3s} m³/s ({referenceFlowM3s} m³/s in the river minus {withdrawalM3s} m³/s withdrawn upstream), below the minimum flow of {minimumFlowM3s} m³/s (clause {clause}, version {version}).',
    'sentence.rotation':
      'In {period} the intake “{intake}” of the community {community} drew water outside its turn {count} times, {hoursOutside} hours in all (clause {clause}, version {version}).',
    'sentence.seasonalBanWithdrawal':
      'The intake “{intake}” of the community {community} withdrew {volumeM3} m³ during the ban of {period} (clause {clause}, version {version}).',
    'sentence.seasonalBanEvent':
      'An activity banned in the season {season} ({source}) was registered on {period} (clause {clause}, version {version}).',
    'sentence.protectedZoneIntake':
      'The intake “{intake}” of the community {community} is {distanceM} m from {feature}, within the protected {limitM} m (clause {clause}, version {version}).',
    'sentence.protectedZoneEvent':
      'A discharge or activity ({source}) was registered {distanceM} m from {feature}, within the protected {limitM} m, on {period} (clause {clause}, version {version}).',
    'sentence.waterQualityHigh':
      'At {point}, {parameter} reached {value} {unit} in {period}, above the limit of {limit} {unit} ({basis}; clause {clause}, version {version}).',
    'sentence.waterQualityLow':
      'At {point}, {parameter} fell to {value} {unit} in {period}, below the limit of {limit} {unit} ({basis}; clause {clause}, version {version}).',
    'sentence.downstreamWarning':
      'The contamination ({source}) seen on {observedAt} was not reported within {withinHours} hours to {count} communities downstream within {distanceKm} km: {communities} (clause {clause}, version {version}).',
    'sentence.remediationOpen':
      'The contamination ({source}) seen on {observedAt} has been open for {daysOpen} days; it had to be remedied within {days} days (clause {clause}, version {version}).',
    'sentence.remediationLate':
      'The contamination ({source}) seen on {observedAt} was remedied after {daysOpen} days; the deadline was {days} days (clause {clause}, version {version}).',
    'sentence.restorationArea':
      'The community {community} has restored {doneAreaHa} ha in {period}; by now it should have {expectedAreaHa} ha of its {commitmentHa} ha a year (clause {clause}, version {version}).',
    'sentence.restorationPlants':
      'The community {community} has planted {plants} plants in {period}; by now it should have {expectedPlants} of its {commitmentPlants} a year (clause {clause}, version {version}).',
    'sentence.reportingDuty':
      'The intake “{intake}” of the community {community} has no withdrawal reading for {period} (clause {clause}, version {version}).',
    'remedy.reduceWithdrawal': 'Withdraw at least {excessM3} m³ less in the next period, or ask the committee for a temporary increase.',
    'remedy.reduceToAllocation': 'Cut withdrawals by {excessM3} m³ while the scarcity lasts, so others get their share.',
    'remedy.releaseFlow': 'Reduce withdrawals upstream until {deficitM3s} m³/s more stays in the river.',
    'remedy.keepTurns': 'Open the gate only during your turns; arrange any swap with the water judge and log it.',
    'remedy.stopDuringBan': 'Stop this use until the ban ends.',
    'remedy.moveOutOfZone': 'Move the intake or the activity away from {feature}, or ask the committee to review the case.',
    'remedy.investigateQuality': 'Warn the people who drink this water, repeat the {parameter} test and look for the source.',
    'remedy.warnDownstream': 'Warn now: {communities}.',
    'remedy.remediate': 'Finish the clean-up and register the event as remedied.',
    'remedy.restore': 'Plan the missing {missingAreaHa} ha with the community before the year ends.',
    'remedy.report': 'Register the missing meter reading or estimate.',
    'fact.withdrawalM3': 'Volume withdrawn',
    'fact.withdrawalInSeasonM3': 'Volume withdrawn during the ban',
    'fact.referenceFlowM3s': 'River flow at the control point',
    'fact.netFlowM3s': 'Flow left in the river',
    'fact.readingsOutsideTurn': 'Readings outside the turn',
    'fact.eventDate': 'Date of the event',
    'fact.distanceToFeatureM': 'Distance to the protected place',
    'fact.communitiesNotWarned': 'Communities not warned in time',
    'fact.daysOpen': 'Days open',
    'fact.restoredAreaHa': 'Area restored',
    'fact.plantsPlanted': 'Plants planted',
    'fact.readingCount': 'Withdrawal readings',
    'operator.greaterThan': 'more than',
    'operator.greaterThanInclusive': 'at least',
    'operator.lessThan': 'less than',
    'operator.lessThanInclusive': 'at most',
    'operator.equal': 'equal to',
    'operator.notEqual': 'other than',
    'kind.withdrawal-quota': 'Withdrawal quota',
    'kind.proportional-share': 'Proportional share',
    'kind.minimum-flow': 'Minimum (ecological) flow',
    'kind.rotation': 'Irrigation turns',
    'kind.seasonal-ban': 'Seasonal ban',
    'kind.protected-zone': 'Protected zone',
    'kind.water-quality': 'Water quality',
    'kind.downstream-warning': 'Warning downstream',
    'kind.remediation-deadline': 'Remediation deadline',
    'kind.restoration-commitment': 'Restoration commitment',
    'kind.reporting-duty': 'Duty to report',
    'rung.notice': 'Notice',
    'rung.warning': 'Warning',
    'rung.sanction': 'Sanction',
    'severity.low': 'Low',
    'severity.medium': 'Medium',
    'severity.high': 'High',
    'agreement.formatVersion': 'This agreement file is not in a format this version of the app can read (expected format {expected}).',
    'agreement.required': 'A required value is missing.',
    'agreement.invalidType': 'This value has the wrong type.',
    'agreement.invalidValue': 'This value is not valid.',
    'agreement.tooSmall': 'This value is too small (or the list too short).',
    'agreement.tooBig': 'This value is too large (or the list too long).',
    'agreement.unknownKind': 'Unknown clause kind.',
    'agreement.unknownField': 'Unknown field.',
    'agreement.versionOrder': 'Version numbers must increase.',
    'agreement.versionOverlap': 'This version starts before the previous one ends.',
    'agreement.dateOrder': 'The end date is before the start date.',
    'agreement.duplicateClauseId': 'Two clauses have the id {id}.',
    'agreement.duplicateClauseNumber': 'Two clauses have the number {number}.',
    'agreement.seasonRequired': 'A quota per season needs the season.',
    'agreement.sharesOver100': 'The shares add up to {totalPct}%, more than 100%.',
    'agreement.rosterDuration': 'Each holder on the roster needs its area or its fixed hours.',
    'agreement.rosterOverfull': 'The turns need {neededHours} hours, more than the cycle.',
    'agreement.swapUnknownHolder': 'The swap names a community that is not on the roster.',
    'agreement.boundsMissing': 'The limit needs a maximum or a minimum value.',
  },
  {
    'sentence.withdrawalQuotaIntake':
      'La comunidad {community} extrajo {volumeM3} m³ en {period} en la toma «{intake}»; su cuota es {limitM3} m³ (cláusula {clause}, versión {version}): {excessPct} % por encima.',
    'sentence.withdrawalQuotaCommunity':
      'La comunidad {community} extrajo {volumeM3} m³ en {period} entre sus {intakeCount} tomas; su cuota es {limitM3} m³ (cláusula {clause}, versión {version}): {excessPct} % por encima.',
    'sentence.proportionalShare':
      'En la escasez de {period}, la comunidad {community} extrajo {volumeM3} m³ aguas arriba de {point}; su parte del {sharePct} % le permitía {allocationM3} m³ (cláusula {clause}, versión {version}): {excessPct} % por encima.',
    'sentence.proportionalShareNone':
      'En la escasez de {period}, la comunidad {community} extrajo {volumeM3} m³ aguas arriba de {point}, donde su parte del {sharePct} % no le dejaba agua para captar (cláusula {clause}, versión {version}).',
    'sentence.minimumFlow':
      'En {period} quedaron en {point} {netFlowM3s} m³/s ({referenceFlowM3s} m³/s en el río menos {withdrawalM3s} m³/s captados aguas arriba), por debajo del caudal mínimo de {minimumFlowM3s} m³/s (cláusula {clause}, versión {version}).',
    'sentence.rotation':
      'En {period} la toma «{intake}» de la comunidad {community} sacó agua fuera de su turno {count} veces, {hoursOutside} horas en total (cláusula {clause}, versión {version}).',
    'sentence.seasonalBanWithdrawal':
      'La toma «{intake}» de la comunidad {community} extrajo {volumeM3} m³ durante la veda de {period} (cláusula {clause}, versión {version}).',
    'sentence.seasonalBanEvent':
      'Se registró una actividad prohibida en la temporada {season} ({source}) el {period} (cláusula {clause}, versión {version}).',
    'sentence.protectedZoneIntake':
      'La toma «{intake}» de la comunidad {community} está a {distanceM} m de {feature}, dentro de los {limitM} m protegidos (cláusula {clause}, versión {version}).',
    'sentence.protectedZoneEvent':
      'Se registró un vertido o actividad ({source}) a {distanceM} m de {feature}, dentro de los {limitM} m protegidos, el {period} (cláusula {clause}, versión {version}).',
    'sentence.waterQualityHigh':
      'En {point}, {parameter} llegó a {value} {unit} en {period}, por encima del límite de {limit} {unit} ({basis}; cláusula {clause}, versión {version}).',
    'sentence.waterQualityLow':
      'En {point}, {parameter} bajó a {value} {unit} en {period}, por debajo del límite de {limit} {unit} ({basis}; cláusula {clause}, versión {version}).',
    'sentence.downstreamWarning':
      'La contaminación ({source}) vista el {observedAt} no se avisó en {withinHours} horas a {count} comunidades aguas abajo, a menos de {distanceKm} km: {communities} (cláusula {clause}, versión {version}).',
    'sentence.remediationOpen':
      'La contaminación ({source}) vista el {observedAt} lleva {daysOpen} días abierta; debía remediarse en {days} días (cláusula {clause}, versión {version}).',
    'sentence.remediationLate':
      'La contaminación ({source}) vista el {observedAt} se remedió a los {daysOpen} días; el plazo era de {days} días (cláusula {clause}, versión {version}).',
    'sentence.restorationArea':
      'La comunidad {community} lleva {doneAreaHa} ha restauradas en {period}; a esta fecha debería tener {expectedAreaHa} ha de sus {commitmentHa} ha al año (cláusula {clause}, versión {version}).',
    'sentence.restorationPlants':
      'La comunidad {community} lleva {plants} plantas sembradas en {period}; a esta fecha debería tener {expectedPlants} de sus {commitmentPlants} al año (cláusula {clause}, versión {version}).',
    'sentence.reportingDuty':
      'La toma «{intake}» de la comunidad {community} no tiene lectura de extracción de {period} (cláusula {clause}, versión {version}).',
    'remedy.reduceWithdrawal': 'Extraer al menos {excessM3} m³ menos en el próximo periodo, o pedir al comité un aumento temporal.',
    'remedy.reduceToAllocation': 'Reducir la extracción en {excessM3} m³ mientras dure la escasez, para que los demás reciban su parte.',
    'remedy.releaseFlow': 'Reducir las captaciones aguas arriba hasta que queden {deficitM3s} m³/s más en el río.',
    'remedy.keepTurns': 'Abrir la compuerta solo en sus turnos; acordar cualquier cambio de turno con el juez de aguas y anotarlo.',
    'remedy.stopDuringBan': 'Suspender este uso hasta que termine la veda.',
    'remedy.moveOutOfZone': 'Alejar la toma o la actividad de {feature}, o pedir al comité que revise el caso.',
    'remedy.investigateQuality': 'Avisar a quienes beben esta agua, repetir el análisis de {parameter} y buscar la fuente.',
    'remedy.warnDownstream': 'Avisar ya a: {communities}.',
    'remedy.remediate': 'Terminar la limpieza y registrar el evento como remediado.',
    'remedy.restore': 'Planificar con la comunidad las {missingAreaHa} ha que faltan antes de que termine el año.',
    'remedy.report': 'Registrar la lectura del medidor o la estimación que falta.',
    'fact.withdrawalM3': 'Volumen extraído',
    'fact.withdrawalInSeasonM3': 'Volumen extraído durante la veda',
    'fact.referenceFlowM3s': 'Caudal del río en el punto de control',
    'fact.netFlowM3s': 'Caudal que queda en el río',
    'fact.readingsOutsideTurn': 'Lecturas fuera del turno',
    'fact.eventDate': 'Fecha del evento',
    'fact.distanceToFeatureM': 'Distancia al lugar protegido',
    'fact.communitiesNotWarned': 'Comunidades no avisadas a tiempo',
    'fact.daysOpen': 'Días abierto',
    'fact.restoredAreaHa': 'Superficie restaurada',
    'fact.plantsPlanted': 'Plantas sembradas',
    'fact.readingCount': 'Lecturas de extracción',
    'operator.greaterThan': 'más de',
    'operator.greaterThanInclusive': 'al menos',
    'operator.lessThan': 'menos de',
    'operator.lessThanInclusive': 'como mucho',
    'operator.equal': 'igual a',
    'operator.notEqual': 'distinto de',
    'kind.withdrawal-quota': 'Cuota de extracción',
    'kind.proportional-share': 'Reparto proporcional',
    'kind.minimum-flow': 'Caudal mínimo (ecológico)',
    'kind.rotation': 'Turnos de riego',
    'kind.seasonal-ban': 'Veda por temporada',
    'kind.protected-zone': 'Zona protegida',
    'kind.water-quality': 'Calidad del agua',
    'kind.downstream-warning': 'Aviso aguas abajo',
    'kind.remediation-deadline': 'Plazo de remediación',
    'kind.restoration-commitment': 'Compromiso de restauración',
    'kind.reporting-duty': 'Obligación de reportar',
    'rung.notice': 'Llamado de atención',
    'rung.warning': 'Amonestación',
    'rung.sanction': 'Sanción',
    'severity.low': 'Baja',
    'severity.medium': 'Media',
    'severity.high': 'Alta',
    'agreement.formatVersion': 'Este archivo de acuerdo tiene un formato que esta versión de la aplicación no puede leer (se esperaba el formato {expected}).',
    'agreement.required': 'Falta un dato obligatorio.',
    'agreement.invalidType': 'Este dato es de un tipo equivocado.',
    'agreement.invalidValue': 'Este dato no es válido.',
    'agreement.tooSmall': 'Este valor es demasiado pequeño (o la lista demasiado corta).',
    'agreement.tooBig': 'Este valor es demasiado grande (o la lista demasiado larga).',
    'agreement.unknownKind': 'Tipo de cláusula desconocido.',
    'agreement.unknownField': 'Campo desconocido.',
    'agreement.versionOrder': 'Los números de versión deben ir en aumento.',
    'agreement.versionOverlap': 'Esta versión empieza antes de que termine la anterior.',
    'agreement.dateOrder': 'La fecha final es anterior a la fecha de inicio.',
    'agreement.duplicateClauseId': 'Dos cláusulas tienen el identificador {id}.',
    'agreement.duplicateClauseNumber': 'Dos cláusulas tienen el número {number}.',
    'agreement.seasonRequired': 'Una cuota por temporada necesita la temporada.',
    'agreement.sharesOver100': 'Las partes suman {totalPct} %, más del 100 %.',
    'agreement.rosterDuration': 'Cada turno del rol necesita su superficie o sus horas fijas.',
    'agreement.rosterOverfull': 'Los turnos necesitan {neededHours} horas, más que el ciclo.',
    'agreement.swapUnknownHolder': 'El cambio de turno nombra una comunidad que no está en el rol.',
    'agreement.boundsMissing': 'El límite necesita un valor máximo o mínimo.',
  },
  {
    'sentence.withdrawalQuotaIntake':
      'A comunidade {community} captou {volumeM3} m³ em {period} na captação “{intake}”; sua cota é {limitM3} m³ (cláusula {clause}, versão {version}): {excessPct}% acima.',
    'sentence.withdrawalQuotaCommunity':
      'A comunidade {community} captou {volumeM3} m³ em {period} em suas {intakeCount} captações; sua cota é {limitM3} m³ (cláusula {clause}, versão {version}): {excessPct}% acima.',
    'sentence.proportionalShare':
      'Na escassez de {period}, a comunidade {community} captou {volumeM3} m³ a montante de {point}; sua parte de {sharePct}% permitia {allocationM3} m³ (cláusula {clause}, versão {version}): {excessPct}% acima.',
    'sentence.proportionalShareNone':
      'Na escassez de {period}, a comunidade {community} captou {volumeM3} m³ a montante de {point}, onde sua parte de {sharePct}% não lhe deixava água para captar (cláusula {clause}, versão {version}).',
    'sentence.minimumFlow':
      'Em {period} ficaram em {point} {netFlowM3s} m³/s ({referenceFlowM3s} m³/s no rio menos {withdrawalM3s} m³/s captados a montante), abaixo da vazão mínima de {minimumFlowM3s} m³/s (cláusula {clause}, versão {version}).',
    'sentence.rotation':
      'Em {period} a captação “{intake}” da comunidade {community} tirou água fora do seu turno {count} vezes, {hoursOutside} horas no total (cláusula {clause}, versão {version}).',
    'sentence.seasonalBanWithdrawal':
      'A captação “{intake}” da comunidade {community} captou {volumeM3} m³ durante a proibição de {period} (cláusula {clause}, versão {version}).',
    'sentence.seasonalBanEvent':
      'Foi registrada uma atividade proibida na temporada {season} ({source}) em {period} (cláusula {clause}, versão {version}).',
    'sentence.protectedZoneIntake':
      'A captação “{intake}” da comunidade {community} fica a {distanceM} m de {feature}, dentro dos {limitM} m protegidos (cláusula {clause}, versão {version}).',
    'sentence.protectedZoneEvent':
      'Foi registrado um despejo ou atividade ({source}) a {distanceM} m de {feature}, dentro dos {limitM} m protegidos, em {period} (cláusula {clause}, versão {version}).',
    'sentence.waterQualityHigh':
      'Em {point}, {parameter} chegou a {value} {unit} em {period}, acima do limite de {limit} {unit} ({basis}; cláusula {clause}, versão {version}).',
    'sentence.waterQualityLow':
      'Em {point}, {parameter} caiu para {value} {unit} em {period}, abaixo do limite de {limit} {unit} ({basis}; cláusula {clause}, versão {version}).',
    'sentence.downstreamWarning':
      'A contaminação ({source}) vista em {observedAt} não foi avisada em {withinHours} horas a {count} comunidades a jusante, a menos de {distanceKm} km: {communities} (cláusula {clause}, versão {version}).',
    'sentence.remediationOpen':
      'A contaminação ({source}) vista em {observedAt} está aberta há {daysOpen} dias; devia ser remediada em {days} dias (cláusula {clause}, versão {version}).',
    'sentence.remediationLate':
      'A contaminação ({source}) vista em {observedAt} foi remediada após {daysOpen} dias; o prazo era de {days} dias (cláusula {clause}, versão {version}).',
    'sentence.restorationArea':
      'A comunidade {community} restaurou {doneAreaHa} ha em {period}; até agora deveria ter {expectedAreaHa} ha dos seus {commitmentHa} ha por ano (cláusula {clause}, versão {version}).',
    'sentence.restorationPlants':
      'A comunidade {community} plantou {plants} mudas em {period}; até agora deveria ter {expectedPlants} das suas {commitmentPlants} por ano (cláusula {clause}, versão {version}).',
    'sentence.reportingDuty':
      'A captação “{intake}” da comunidade {community} não tem leitura de captação de {period} (cláusula {clause}, versão {version}).',
    'remedy.reduceWithdrawal': 'Captar pelo menos {excessM3} m³ a menos no próximo período, ou pedir ao comitê um aumento temporário.',
    'remedy.reduceToAllocation': 'Reduzir a captação em {excessM3} m³ enquanto durar a escassez, para que os outros recebam sua parte.',
    'remedy.releaseFlow': 'Reduzir as captações a montante até ficarem {deficitM3s} m³/s a mais no rio.',
    'remedy.keepTurns': 'Abrir a comporta só nos seus turnos; combinar qualquer troca de turno com o responsável e registrá-la.',
    'remedy.stopDuringBan': 'Suspender este uso até o fim da proibição.',
    'remedy.moveOutOfZone': 'Afastar a captação ou a atividade de {feature}, ou pedir ao comitê que reveja o caso.',
    'remedy.investigateQuality': 'Avisar quem bebe desta água, repetir a análise de {parameter} e procurar a fonte.',
    'remedy.warnDownstream': 'Avisar agora: {communities}.',
    'remedy.remediate': 'Terminar a limpeza e registrar o evento como remediado.',
    'remedy.restore': 'Planejar com a comunidade os {missingAreaHa} ha que faltam antes do fim do ano.',
    'remedy.report': 'Registrar a leitura do medidor ou a estimativa que falta.',
    'fact.withdrawalM3': 'Volume captado',
    'fact.withdrawalInSeasonM3': 'Volume captado durante a proibição',
    'fact.referenceFlowM3s': 'Vazão do rio no ponto de controle',
    'fact.netFlowM3s': 'Vazão que fica no rio',
    'fact.readingsOutsideTurn': 'Leituras fora do turno',
    'fact.eventDate': 'Data do evento',
    'fact.distanceToFeatureM': 'Distância ao local protegido',
    'fact.communitiesNotWarned': 'Comunidades não avisadas a tempo',
    'fact.daysOpen': 'Dias em aberto',
    'fact.restoredAreaHa': 'Área restaurada',
    'fact.plantsPlanted': 'Mudas plantadas',
    'fact.readingCount': 'Leituras de captação',
    'operator.greaterThan': 'mais de',
    'operator.greaterThanInclusive': 'pelo menos',
    'operator.lessThan': 'menos de',
    'operator.lessThanInclusive': 'no máximo',
    'operator.equal': 'igual a',
    'operator.notEqual': 'diferente de',
    'kind.withdrawal-quota': 'Cota de captação',
    'kind.proportional-share': 'Partilha proporcional',
    'kind.minimum-flow': 'Vazão mínima (ecológica)',
    'kind.rotation': 'Turnos de irrigação',
    'kind.seasonal-ban': 'Proibição por temporada',
    'kind.protected-zone': 'Zona protegida',
    'kind.water-quality': 'Qualidade da água',
    'kind.downstream-warning': 'Aviso a jusante',
    'kind.remediation-deadline': 'Prazo de remediação',
    'kind.restoration-commitment': 'Compromisso de restauração',
    'kind.reporting-duty': 'Dever de informar',
    'rung.notice': 'Notificação',
    'rung.warning': 'Advertência',
    'rung.sanction': 'Sanção',
    'severity.low': 'Baixa',
    'severity.medium': 'Média',
    'severity.high': 'Alta',
    'agreement.formatVersion': 'Este arquivo de acordo está num formato que esta versão do aplicativo não consegue ler (esperado o formato {expected}).',
    'agreement.required': 'Falta um dado obrigatório.',
    'agreement.invalidType': 'Este dado é do tipo errado.',
    'agreement.invalidValue': 'Este dado não é válido.',
    'agreement.tooSmall': 'Este valor é pequeno demais (ou a lista curta demais).',
    'agreement.tooBig': 'Este valor é grande demais (ou a lista longa demais).',
    'agreement.unknownKind': 'Tipo de cláusula desconhecido.',
    'agreement.unknownField': 'Campo desconhecido.',
    'agreement.versionOrder': 'Os números de versão devem aumentar.',
    'agreement.versionOverlap': 'Esta versão começa antes de a anterior terminar.',
    'agreement.dateOrder': 'A data final é anterior à data de início.',
    'agreement.duplicateClauseId': 'Duas cláusulas têm o identificador {id}.',
    'agreement.duplicateClauseNumber': 'Duas cláusulas têm o número {number}.',
    'agreement.seasonRequired': 'Uma cota por temporada precisa da temporada.',
    'agreement.sharesOver100': 'As partes somam {totalPct}%, mais de 100%.',
    'agreement.rosterDuration': 'Cada turno da escala precisa da sua área ou das suas horas fixas.',
    'agreement.rosterOverfull': 'Os turnos precisam de {neededHours} horas, mais que o ciclo.',
    'agreement.swapUnknownHolder': 'A troca de turno cita uma comunidade que não está na escala.',
    'agreement.boundsMissing': 'O limite precisa de um valor máximo ou mínimo.',
  },
);
