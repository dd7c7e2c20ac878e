/// Every string the console shows, in Spanish (es-AR) and English, from one
/// catalogue. A missing key shows itself, so a test can find it.
public enum Strings {
    static let table: [String: (es: String, en: String)] = [
        "pane.map": ("Mapa", "Map"), "pane.alerts": ("Alertas", "Alerts"), "pane.hits": ("Candidatos", "Face hits"),
        "pane.flags": ("Señales", "Social flags"), "pane.cameras": ("Cámaras", "Cameras"),
        "camera.online": ("en línea", "online"), "camera.offline": ("CAÍDA", "DOWN"), "camera.tampered": ("MANIPULADA", "TAMPERED"),
        "camera.last": ("último evento", "last event"), "camera.open": ("abiertas", "open"),
        "empty.cameras": ("Sin cámaras registradas (vigia ingest --cameras)", "No cameras registered (vigia ingest --cameras)"),
        "msg.noplace": ("Lo elegido no tiene lugar en el mapa", "The selection has no place on the map"),
        "msg.nocamera": ("Esta alerta no viene de una cámara registrada", "This alert is not from a registered camera"),
        "title.app": ("Vigía", "Vigía"), "title.live": ("en vivo", "live"), "title.replay": ("repetición", "replay"),
        "title.shift": ("turno", "shift"), "title.unhandled": ("sin atender", "unhandled"), "title.audit.ok": ("auditoría íntegra", "audit intact"), "title.audit.short": ("auditoría ✔", "audit ✔"),
        "title.readonly": ("CONSULTA, solo lectura", "VIEW, read-only"), "title.readonly.short": ("CONSULTA", "VIEW"),
        "hit.threshold": ("umbral", "threshold"),
        "map.below": ("fuera del 20 % más alto", "below the top 20 %"),
        "map.classes": ("= 20/10/5/1 % más alto de la ciudad", "= city's top 20/10/5/1 %"), "hit.rank": ("puesto", "rank"),
        "msg.readonly": ("Consulta de un momento pasado: no se cambia nada", "A view of a past moment: nothing is changed"),
        "title.audit.bad": ("¡AUDITORÍA ALTERADA!", "AUDIT TAMPERED!"), "title.paused": ("en pausa", "paused"), "title.ended": ("repetición terminada", "replay ended"),
        "shift.mañana": ("mañana", "morning"), "shift.tarde": ("tarde", "afternoon"), "shift.noche": ("noche", "night"),
        "role.dispatcher": ("despachante", "dispatcher"), "role.supervisor": ("supervisor", "supervisor"),
        "role.auditor": ("auditor", "auditor"), "role.admin": ("admin", "admin"), "role.system": ("sistema", "system"),
        "alert.new": ("NUEVA", "NEW"), "alert.acknowledged": ("vista", "acked"), "alert.dispatched": ("despachada", "dispatched"),
        "alert.closed": ("cerrada", "closed"), "alert.on_hold": ("en espera", "on hold"), "alert.snoozed": ("pospuesta", "snoozed"),
        "alert.forwarded": ("derivada", "forwarded"), "alert.escalated": ("escalada", "escalated"),
        "hit.pending": ("pendiente", "pending"), "hit.confirmedOnce": ("1 confirmación", "1 confirmation"),
        "hit.confirmed": ("confirmado", "confirmed"), "hit.rejected": ("rechazado", "rejected"), "hit.dispatched": ("despachado", "dispatched"),
        "hit.candidate": ("candidato, no identificación", "a candidate, not an identification"),
        "flag.threat_person": ("amenaza a persona", "threat to person"), "flag.threat_place": ("amenaza a lugar", "threat to place"),
        "flag.weapon_intent": ("arma con intención", "weapon with intent"), "flag.incitement": ("incitación", "incitement"),
        "empty.alerts": ("Sin alertas abiertas", "No open alerts"), "empty.hits": ("Sin candidatos pendientes", "No pending candidates"),
        "empty.flags": ("Sin señales por revisar", "No flags to review"),
        "hits.forbidden": ("Tu rol no revisa candidatos", "Your role does not review candidates"),
        "map.none": ("Sin límites cargados (vigia ingest --boundaries)", "No boundaries loaded (vigia ingest --boundaries)"),
        "map.horizon": ("horizonte", "horizon"), "map.model": ("modelo", "model"), "map.hitrate": ("acierto al 5 %", "hit rate at 5 %"), "map.interval": ("IC 95 %", "95 % CI"),
        "map.gini": ("concentración (Gini)", "concentration (Gini)"), "map.risk": ("riesgo", "risk"), "map.expected": ("esperados", "expected"),
        "map.peak": ("horas pico", "peak hours"), "map.recent": ("hechos 30 d", "incidents 30 d"), "map.outside": ("fuera de la ciudad", "outside the city"),
        "legend.camera": ("cámara", "camera"), "legend.offline": ("cámara caída", "camera down"), "legend.alert": ("alerta", "alert"),
        "legend.hit": ("candidato", "hit"), "legend.flag": ("señal", "flag"), "legend.patrol": ("patrulla", "patrol"),
        "legend.trail": ("recorrido", "trail"), "legend.count": ("= cuántos ({n}: 10 o más)", "= how many ({n}: 10 or more)"), "legend.old": ("tenue: > 1 h", "dim: > 1 h old"),
        "map.alerts": ("alertas", "alerts"), "map.hits": ("candidatos", "face hits"), "map.flags": ("señales", "flags"), "map.here": ("aquí", "here"), "legend.cursor": ("cursor", "cursor"),
        "help.title": ("Teclas (Esc para cerrar)", "Keys (Esc to close)"), "help.dangerous": ("pide confirmación", "asks first"),
        "details.procedure": ("Procedimiento", "Procedure"), "details.evidence": ("Evidencia", "Evidence"), "details.history": ("Historial", "History"),
        "prompt.reason": ("Motivo", "Reason"), "prompt.minutes": ("Minutos", "Minutes"), "prompt.forward": ("Derivar a (operador)", "Forward to (operator)"), "prompt.message": ("Mensaje", "Message"),
        "prompt.needmessage": ("Derivar necesita un mensaje: no se derivó", "Forwarding needs a message: not forwarded"),
        "prompt.disposition": ("Cierre: 1 atendida · 2 falsa alarma · 3 duplicada · 4 sin acción", "Close as: 1 attended · 2 false alarm · 3 duplicate · 4 no action"),
        "prompt.quit": ("Hay ítems sin atender. ¿Salir? (s/n)", "Items are unhandled. Quit? (y/n)"),
        "prompt.dispatch": ("¿Despachar una unidad a la alerta", "Dispatch a unit to alert"),
        "prompt.dispatchhit": ("¿Despachar una unidad por el candidato", "Dispatch a unit for candidate"),
        "prompt.yesno": ("(s/n)", "(y/n)"),
        "prompt.command": ("Comando", "Command"), "prompt.filter": ("Filtro", "Filter"), "prompt.passphrase": ("Frase de acceso", "Passphrase"),
        "msg.done": ("Hecho", "Done"), "msg.noseek": ("[ y ] mueven solo la repetición de un turno guardado (vigia console --replay)", "[ and ] move only the replay of a stored shift (vigia console --replay)"), "help.scroll": ("↑↓ RePág AvPág desplazan", "↑↓ PgUp PgDn scroll"), "msg.undohint": ("Hecho (u deshace por 10 s)", "Done (u undoes for 10 s)"), "msg.undone": ("Deshecho", "Undone"), "msg.nothingtoundo": ("Nada que deshacer", "Nothing to undo"), "steps.ticked": ("paso hecho", "step done"), "msg.bulkclosed": ("Cerradas", "Closed"), "prompt.bulkall": ("alertas de la cola, SIN filtro? 1 atendida 2 falsa alarma 3 duplicada 4 sin acción, Esc no", "alerts in the queue, NO filter? 1 attended 2 false alarm 3 duplicate 4 no action, Esc cancels"), "prompt.bulk": ("¿Cerrar las", "Close the"), "prompt.bulkalerts": ("alertas mostradas? 1 atendida 2 falsa alarma 3 duplicada 4 sin acción, Esc no", "alerts shown? 1 attended 2 false alarm 3 duplicate 4 no action, Esc cancels"), "prompt.bulkreason": ("motivo, uno para todas", "reason, one for all"), "msg.noted": ("nota guardada", "note saved"), "msg.handedover": ("Nota de relevo guardada: la verá el próximo turno al entrar", "Handover note saved: the next shift sees it at sign-in"), "handover.title": ("Relevo: notas del turno anterior (Esc cierra)", "Handover: notes from the last shift (Esc closes)"), "handover.usage": ("uso: handover TEXTO (la nota para el próximo turno)", "usage: handover TEXT (the note for the next shift)"), "prompt.note": ("nota (Enter guarda, Esc cancela)", "note (Enter saves, Esc cancels)"), "details.notes": ("Notas", "Notes"), "banner.hint": ("2 la muestra, Esc la descarta", "2 shows it, Esc dismisses"), "steps.none": ("Sin pasos pendientes", "No steps left to tick"), "details.ended": ("Terminó en el borde", "Ended at the edge"), "msg.feedstopped": ("Un feed se detuvo", "A feed stopped"), "msg.refused": ("Rechazado", "Refused"), "pane.of": ("de", "of"), "pane.new": ("sin ver", "new"),
        "msg.filterpane": ("El filtro es de una lista: Tab hasta alertas, candidatos, señales o cámaras", "Filters work on a list: Tab to alerts, face hits, flags or cameras"), "msg.needtwo": ("hacen falta dos confirmaciones de personas distintas",
                                                                                               "two confirmations by different people are needed"),
        "msg.unknown": ("Comando desconocido", "Unknown command"), "msg.signedin": ("Sesión iniciada", "Signed in"),
        "tabs.hint": ("1-5 cambia de panel", "1-5 switch pane"),
        "review.shift": ("Resumen del turno hasta ahora", "Shift summary so far"), "review.audit": ("Registro de auditoría (solo lectura)", "Audit trail (read-only)"),
        "review.alerts": ("Alertas", "Alerts"), "review.created": ("creadas", "created"), "review.unhandled": ("sin atender", "unhandled"),
        "review.snoozed": ("pospuestas", "snoozed"), "review.forwarded": ("derivadas", "forwarded"),
        "review.response": ("prio|alertas|tomar: mediana|p90|meta|cumplió", "prio|alerts|ack: median|p90|target|met"),
        "review.operators": ("Carga por operador (tomadas/despachadas/cerradas/otras)", "Workload by operator (acked/dispatched/closed/other)"),
        "review.forecast": ("Pronóstico vs. realidad", "Forecast vs. reality"), "review.headline": ("Cómo va el turno", "How the shift is going"), "review.expected": ("esperados", "expected"),
        "review.recorded": ("registrados", "recorded"), "review.area": ("del área", "of the area"), "review.hitrate": ("acierto", "hit rate"),
        "review.faces": ("Rostros (solo conteos)", "Faces (counts only)"), "review.probes": ("sondas", "probes"),
        "review.belowthreshold": ("bajo el umbral", "below threshold"), "review.candidates": ("candidatos", "candidates"),
        "review.confirmed": ("confirmados", "confirmed"), "review.rejected": ("rechazados", "rejected"), "review.pending": ("pendientes", "pending"),
        "review.social": ("Señales sociales", "Social flags"), "review.posts": ("publicaciones", "posts"), "review.flags": ("señales", "flags"),
        "review.credible": ("creíbles", "credible"), "review.notcredible": ("no creíbles (borradas)", "not credible (deleted)"),
        "review.surges": ("oleadas", "surges"), "review.cameras": ("Cámaras", "Cameras"), "review.camerasok": ("ninguna caída ni manipulada", "none down or tampered"),
        "review.auditsection": ("Auditoría", "Audit"), "review.chainok": ("cadena íntegra", "chain intact"), "review.chainbad": ("CADENA ROTA en el registro", "CHAIN BROKEN at record"),
        "review.records": ("registros", "records"), "review.notable": ("acciones notables", "notable actions"),
        "review.noforecast": ("sin pronóstico: no hay hechos cargados", "no forecast: no incidents stored"),
        "review.keys": ("↑↓ PgUp PgDn desplaza · / filtra (operador, acción, hora) · Esc vuelve", "↑↓ PgUp PgDn scroll · / filter (operator, action, time) · Esc back"),
        "review.shown": ("mostrados", "shown"), "review.of": ("de", "of"),
        "map.topshare": ("{n} % más alto", "top {n} %"), "help.everywhere": ("En todas partes", "Everywhere"),
        "small.title": ("terminal demasiado chica", "terminal too small"), "small.need": ("se necesita {n}", "need {n}"), "small.have": ("hay {n}", "have {n}"),
        "tour.title": ("Recorrido guiado", "Guided tour"), "tour.next": ("Enter: siguiente · Esc: salir del recorrido", "Enter: next · Esc: leave the tour"),
    ]

    public static func text(_ key: String, _ language: Language) -> String {
        guard let e = table[key] ?? keys[key] ?? plain[key] else { return key }
        return language == .spanish ? e.es : e.en
    }

    /// The text with its `{n}` filled in.
    static func text(_ key: String, _ language: Language, n: String) -> String {
        text(key, language).replacingOccurrences(of: "{n}", with: n)
    }

    /// Every key of the catalogue, each once (the key registry's and the rest).
    static var allKeys: [String] { Array(table.keys) + Array(keys.keys) + Array(plain.keys) }
}
