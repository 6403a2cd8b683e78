import { defineMessages } from '../define';

/**
 * Messages of the record store: validation of a form or an import row ({field} is the field path, {row} the row of
 * an import, shown beside the message by the import view), refused edits, and the audit check.
 */
export const store = defineMessages(
  {
    'invalid.required': '“{field}” is required.',
    'invalid.type': '“{field}” has the wrong kind of value.',
    'invalid.tooSmall': '“{field}” must be at least {minimum}.',
    'invalid.tooBig': '“{field}” must be at most {maximum}.',
    'invalid.format': '“{field}” is not written in the expected form ({format}).',
    'invalid.option': '“{field}” must be one of the listed options.',
    'invalid.other': '“{field}” is not valid.',
    moreProblems: '…and {count} more problems not shown.',
    notFound: 'This record does not exist (it may come from another laptop not yet exchanged).',
    deleted: 'This record was deleted; it can be seen in its history but not changed.',
    conflict:
      'Someone else saved this record while you were editing it (you edited version {expectedVersion}, it is now at version {currentVersion}). Look at their change and edit again.',
    forbidden: 'Only the person who registered this record ({author}) or a coordinator may change or delete it.',
    reviewForbidden: 'Only a coordinator may review registrations.',
    locationLocked: 'The location ({field}) is locked so that it is not moved by mistake. Use “Move location” to move it on purpose.',
    aborted: 'The import was cancelled. Nothing was saved.',
    busy: 'The register is busy with other changes. Try again in a moment.',
    'audit.ok': 'The register is intact: {count} versions checked against the audit log (entry {seq}).',
    'audit.hash-mismatch': 'Audit entry {seq} was changed outside the app.',
    'audit.broken-link': 'Audit entry {seq} does not follow the entry before it: the log was rewritten outside the app.',
    'audit.gap': 'Audit entry {seq} is missing or out of order: the log was altered outside the app.',
    'audit.checkpoint-mismatch': 'Audit entry {seq} differs from the one written in the minutes of a meeting: the log was rewritten.',
    'audit.record-mismatch': 'A record ({kind}) was changed outside the app; it no longer matches audit entry {seq}.',
    'audit.record-missing': 'A record ({kind}) registered in audit entry {seq} was removed outside the app.',
    'audit.record-unaudited':
      'The table {kind} holds {found} versions but the audit log wrote {expected}: records were added outside the app.',
    'persist.granted': 'The browser will keep this register even when disk space runs low.',
    'persist.denied': 'The browser may delete this register if disk space runs low. Make backups regularly.',
    'persist.unsupported': 'This browser cannot promise to keep the register. Make backups regularly.',
  },
  {
    'invalid.required': 'Falta llenar «{field}».',
    'invalid.type': '«{field}» tiene un valor de otro tipo.',
    'invalid.tooSmall': '«{field}» debe ser por lo menos {minimum}.',
    'invalid.tooBig': '«{field}» debe ser como máximo {maximum}.',
    'invalid.format': '«{field}» no está escrito en la forma esperada ({format}).',
    'invalid.option': '«{field}» debe ser una de las opciones de la lista.',
    'invalid.other': '«{field}» no es válido.',
    moreProblems: '…y {count} problemas más que no se muestran.',
    notFound: 'Este registro no existe (puede venir de otra computadora que todavía no se intercambió).',
    deleted: 'Este registro fue borrado; se puede ver en su historial pero ya no se puede cambiar.',
    conflict:
      'Otra persona guardó este registro mientras usted lo editaba (usted editó la versión {expectedVersion}, ahora va en la versión {currentVersion}). Revise su cambio y vuelva a editar.',
    forbidden: 'Solo quien registró este dato ({author}) o un coordinador puede cambiarlo o borrarlo.',
    reviewForbidden: 'Solo un coordinador puede revisar los registros.',
    locationLocked:
      'La ubicación ({field}) está bloqueada para que no se mueva por error. Use «Mover ubicación» si de verdad quiere moverla.',
    aborted: 'Se canceló la importación. No se guardó nada.',
    busy: 'El registro está ocupado con otros cambios. Intente de nuevo en un momento.',
    'audit.ok': 'El registro está íntegro: se revisaron {count} versiones contra la bitácora (entrada {seq}).',
    'audit.hash-mismatch': 'La entrada {seq} de la bitácora fue cambiada fuera de la aplicación.',
    'audit.broken-link':
      'La entrada {seq} de la bitácora no sigue a la anterior: la bitácora fue reescrita fuera de la aplicación.',
    'audit.gap': 'Falta la entrada {seq} de la bitácora o está fuera de orden: la bitácora fue alterada fuera de la aplicación.',
    'audit.checkpoint-mismatch':
      'La entrada {seq} de la bitácora no coincide con la anotada en el acta de una reunión: la bitácora fue reescrita.',
    'audit.record-mismatch':
      'Un registro ({kind}) fue cambiado fuera de la aplicación; ya no coincide con la entrada {seq} de la bitácora.',
    'audit.record-missing': 'Un registro ({kind}) anotado en la entrada {seq} de la bitácora fue borrado fuera de la aplicación.',
    'audit.record-unaudited':
      'La tabla {kind} tiene {found} versiones pero la bitácora anotó {expected}: se agregaron registros fuera de la aplicación.',
    'persist.granted': 'El navegador guardará este registro aunque falte espacio en el disco.',
    'persist.denied': 'El navegador podría borrar este registro si falta espacio en el disco. Haga copias de respaldo seguido.',
    'persist.unsupported': 'Este navegador no puede asegurar que guarde el registro. Haga copias de respaldo seguido.',
  },
  {
    'invalid.required': 'Falta preencher “{field}”.',
    'invalid.type': '“{field}” tem um valor de outro tipo.',
    'invalid.tooSmall': '“{field}” deve ser pelo menos {minimum}.',
    'invalid.tooBig': '“{field}” deve ser no máximo {maximum}.',
    'invalid.format': '“{field}” não está escrito da forma esperada ({format}).',
    'invalid.option': '“{field}” deve ser uma das opções da lista.',
    'invalid.other': '“{field}” não é válido.',
    moreProblems: '…e mais {count} problemas que não aparecem aqui.',
    notFound: 'Este registro não existe (pode vir de outro computador que ainda não foi sincronizado).',
    deleted: 'Este registro foi apagado; dá para ver no histórico, mas não dá mais para mudar.',
    conflict:
      'Outra pessoa salvou este registro enquanto você editava (você editou a versão {expectedVersion}, agora está na versão {currentVersion}). Veja a mudança dela e edite de novo.',
    forbidden: 'Só quem cadastrou este registro ({author}) ou um coordenador pode mudar ou apagar.',
    reviewForbidden: 'Só um coordenador pode revisar os registros.',
    locationLocked:
      'A localização ({field}) está travada para não ser mudada por engano. Use “Mover localização” se quiser mesmo mudar.',
    aborted: 'A importação foi cancelada. Nada foi salvo.',
    busy: 'O cadastro está ocupado com outras mudanças. Tente de novo daqui a pouco.',
    'audit.ok': 'O cadastro está íntegro: {count} versões conferidas com o registro de auditoria (entrada {seq}).',
    'audit.hash-mismatch': 'A entrada {seq} do registro de auditoria foi alterada fora do aplicativo.',
    'audit.broken-link':
      'A entrada {seq} do registro de auditoria não segue a anterior: o registro foi reescrito fora do aplicativo.',
    'audit.gap':
      'A entrada {seq} do registro de auditoria está faltando ou fora de ordem: o registro foi alterado fora do aplicativo.',
    'audit.checkpoint-mismatch':
      'A entrada {seq} do registro de auditoria é diferente da anotada na ata de uma reunião: o registro foi reescrito.',
    'audit.record-mismatch':
      'Um registro ({kind}) foi alterado fora do aplicativo; não bate mais com a entrada {seq} do registro de auditoria.',
    'audit.record-missing':
      'Um registro ({kind}) anotado na entrada {seq} do registro de auditoria foi apagado fora do aplicativo.',
    'audit.record-unaudited':
      'A tabela {kind} tem {found} versões, mas o registro de auditoria anotou {expected}: foram incluídos registros fora do aplicativo.',
    'persist.granted': 'O navegador vai guardar este cadastro mesmo se faltar espaço no disco.',
    'persist.denied': 'O navegador pode apagar este cadastro se faltar espaço no disco. Faça cópias de segurança com frequência.',
    'persist.unsupported': 'Este navegador não garante guardar o cadastro. Faça cópias de segurança com frequência.',
  },
);
