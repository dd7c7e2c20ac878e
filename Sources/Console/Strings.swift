/// Every string the console shows, in Spanish (es-AR) and English, from one
/// catalogue. A missing key shows itself, so a test can find it.
public enum Strings {
    static let table: [String: (es: String, en: String)] = [
        "pane.map": ("Mapa", "Map"), "pane.alerts": ("Alertas", "Alerts"), "pane.hits": ("Candidatos", "Face hits"),
        "pane.flags": ("Señales", "Social flags"),
        "title.app": ("Vigía", "Vigía"), "title.live": ("en vivo", "live"), "title.replay": ("repetición", "replay"),
        "title.shift": ("turno", "shift"), "title.unhandled": ("sin atender", "unhandled"), "title.audit.ok": ("auditoría íntegra", "audit intact"),
        "title.audit.bad": ("¡AUDITORÍA ALTERADA!", "AUDIT TAMPERED!"), "title.paused": ("en pausa", "paused"),
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
        "map.horizon": ("horizonte", "horizon"), "map.model": ("modelo", "model"), "map.hitrate": ("acierto al 5 %", "hit rate at 5 %"),
        "map.gini": ("concentración (Gini)", "concentration (Gini)"), "map.risk": ("riesgo", "risk"), "map.expected": ("esperados", "expected"),
        "map.peak": ("horas pico", "peak hours"), "map.recent": ("hechos 30 d", "incidents 30 d"), "map.outside": ("fuera de la ciudad", "outside the city"),
        "legend.camera": ("cámara", "camera"), "legend.offline": ("cámara caída", "camera down"), "legend.alert": ("alerta", "alert"),
        "legend.hit": ("candidato", "hit"), "legend.flag": ("señal", "flag"), "legend.patrol": ("patrulla", "patrol"),
        "legend.trail": ("recorrido", "trail"), "legend.cursor": ("cursor", "cursor"),
        "help.title": ("Teclas (Esc para cerrar)", "Keys (Esc to close)"), "help.dangerous": ("pide confirmación", "asks first"),
        "details.procedure": ("Procedimiento", "Procedure"), "details.evidence": ("Evidencia", "Evidence"), "details.history": ("Historial", "History"),
        "prompt.reason": ("Motivo", "Reason"), "prompt.minutes": ("Minutos", "Minutes"), "prompt.forward": ("Derivar a (operador)", "Forward to (operator)"),
        "prompt.disposition": ("Cierre: 1 atendida · 2 falsa alarma · 3 duplicada · 4 sin acción", "Close as: 1 attended · 2 false alarm · 3 duplicate · 4 no action"),
        "prompt.quit": ("Hay ítems sin atender. ¿Salir? (s/n)", "Items are unhandled. Quit? (y/n)"),
        "prompt.command": ("Comando", "Command"), "prompt.filter": ("Filtro", "Filter"), "prompt.passphrase": ("Frase de acceso", "Passphrase"),
        "msg.done": ("Hecho", "Done"), "msg.refused": ("Rechazado", "Refused"), "msg.needtwo": ("hacen falta dos confirmaciones de personas distintas",
                                                                                               "two confirmations by different people are needed"),
        "msg.unknown": ("Comando desconocido", "Unknown command"), "msg.signedin": ("Sesión iniciada", "Signed in"),
        "tabs.hint": ("1-4 cambia de panel", "1-4 switch pane"),
        "tour.title": ("Recorrido guiado", "Guided tour"), "tour.next": ("Enter: siguiente · Esc: salir del recorrido", "Enter: next · Esc: leave the tour"),
    ]

    public static func text(_ key: String, _ language: Language) -> String {
        guard let e = table[key] else { return key }
        return language == .spanish ? e.es : e.en
    }
}
