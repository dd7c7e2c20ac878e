import Foundation

/// The language of the sentences a report writes (its tables stay in English).
public enum ReportLanguage: String, Sendable, CaseIterable {
    case spanish = "es", english = "en"
}

extension ShiftSummary {
    /// How the shift went, in three to five sentences made from the same
    /// numbers as the tables: alerts and P1 response against the target and
    /// what stayed unhandled; cameras down and for how long; candidates and
    /// flags decided and pending, and surges; the forecast's hit rate with its
    /// interval and any district flagged beyond its share; the patrol boxes
    /// issued. A broken audit chain comes first.
    public func headline(_ language: ReportLanguage) -> [String] {
        let es = language == .spanish
        var s: [String] = []
        if !audit.chainIntact {
            let bad = audit.firstBadRecord.map(String.init) ?? "?"
            s.append(es ? "La cadena de auditoría NO verifica: primer registro dañado \(bad)." : "The audit chain does NOT verify: first bad record \(bad).")
        }
        s.append(alertSentence(es))
        s.append(cameraSentence(es))
        s.append(reviewSentence(es))
        s.append(forecastSentence(es))
        if let p = patrols { s.append(patrolSentence(p, es)) }
        return s
    }

    private func alertSentence(_ es: Bool) -> String {
        let a = alerts, n = HeadlineFormat.self
        let hours = n.decimal(shift.hours, places: shift.hours.rounded() == shift.hours ? 0 : 1, es)
        var text = es ? "\(n.count(a.created, es)) \(a.created == 1 ? "alerta" : "alertas") en el turno de \(hours) h; "
            : "\(n.count(a.created, es)) \(a.created == 1 ? "alert" : "alerts") in the \(hours) h shift; "
        if let p1 = a.response.first(where: { $0.priority == 1 }) {
            let k = p1.acknowledged
            let median = k.medianSeconds.map { n.spoken($0) } ?? "—"
            text += es ? "\(k.alerts == 1 ? "la alerta P1 se tomó" : "las \(k.alerts) alertas P1 se tomaron") en una mediana de \(median), "
                + "\(k.metTarget) de \(k.alerts) dentro de la meta de \(n.spoken(k.targetSeconds)); "
                : "\(k.alerts == 1 ? "the P1 alert was" : "the \(k.alerts) P1 alerts were") acknowledged in a median of \(median), "
                + "\(k.metTarget) of \(k.alerts) within the \(n.spoken(k.targetSeconds)) target; "
        } else {
            text += es ? "no hubo alertas P1; " : "there were no P1 alerts; "
        }
        switch a.unhandledAtEnd {
        case 0: text += es ? "ninguna quedó sin atender." : "none was left unhandled."
        case 1: text += es ? "1 seguía sin atender al final." : "1 was still unhandled at the end."
        case let u: text += es ? "\(n.count(u, es)) seguían sin atender al final." : "\(n.count(u, es)) were still unhandled at the end."
        }
        return text
    }

    private func cameraSentence(_ es: Bool) -> String {
        guard !cameras.isEmpty else { return es ? "Ninguna cámara se cayó ni fue manipulada." : "No camera went offline or was tampered with." }
        let n = HeadlineFormat.self
        let offline = cameras.filter { $0.kind == "offline" }.count, tamper = cameras.count - offline
        let open = cameras.filter { $0.to == nil }.count
        let total = n.spoken(cameras.reduce(0) { $0 + $1.minutes } * 60)
        let what = (es ? [offline > 0 ? "\(offline) sin señal" : nil, tamper > 0 ? "\(tamper) \(tamper == 1 ? "manipulada" : "manipuladas")" : nil]
                    : [offline > 0 ? "\(offline) offline" : nil, tamper > 0 ? "\(tamper) tampered with" : nil]).compactMap { $0 }.joined(separator: ", ")
        if es {
            return "\(cameras.count) \(cameras.count == 1 ? "caída" : "caídas") de cámara (\(what)), \(total) en total en el turno; "
                + (open == 0 ? "todas resueltas al final." : "\(open) \(open == 1 ? "seguía abierta" : "seguían abiertas") al final.")
        }
        return "\(cameras.count) camera \(cameras.count == 1 ? "outage" : "outages") (\(what)), \(total) in all within the shift; "
            + (open == 0 ? "all resolved by the end." : "\(open) still open at the end.")
    }

    private func reviewSentence(_ es: Bool) -> String {
        let f = faces, so = social, n = HeadlineFormat.self
        let surges = so.surgeAlerts
        if es {
            let faces = f.candidates == 0 ? "Ningún candidato de reconocimiento facial"
                : "\(n.count(f.candidates, es)) \(f.candidates == 1 ? "candidato" : "candidatos") de reconocimiento facial: \(f.confirmed) "
                    + "\(f.confirmed == 1 ? "confirmado" : "confirmados") por dos personas, \(f.rejected) \(f.rejected == 1 ? "rechazado" : "rechazados"), "
                    + "\(f.pending) \(f.pending == 1 ? "pendiente" : "pendientes")"
            let flags = so.flags == 0 && so.pendingAtEnd == 0 ? "ninguna señal social"
                : "\(n.count(so.flags, es)) \(so.flags == 1 ? "señal social" : "señales sociales") (\(so.credible) creíbles, "
                    + "\(so.notCredible) no creíbles, \(so.pendingAtEnd) pendientes al final)"
            return "\(faces); \(flags) y \(surges) \(surges == 1 ? "alerta" : "alertas") de oleada."
        }
        let faces = f.candidates == 0 ? "No face-match candidates"
            : "\(n.count(f.candidates, es)) face-match \(f.candidates == 1 ? "candidate" : "candidates"): \(f.confirmed) confirmed by two people, "
                + "\(f.rejected) rejected, \(f.pending) pending"
        let flags = so.flags == 0 && so.pendingAtEnd == 0 ? "no social flags"
            : "\(n.count(so.flags, es)) social \(so.flags == 1 ? "flag" : "flags") (\(so.credible) credible, "
                + "\(so.notCredible) not credible, \(so.pendingAtEnd) pending at the end)"
        return "\(faces); \(flags) and \(surges) surge \(surges == 1 ? "alert" : "alerts")."
    }

    private func forecastSentence(_ es: Bool) -> String {
        guard let f = forecast, let c = f.coverage.first(where: { $0.percentOfArea == 5 }) ?? f.coverage.first else {
            return es ? "Sin pronóstico: no había hechos cargados de antes del turno." : "No forecast: no incidents were stored from before the shift."
        }
        let n = HeadlineFormat.self
        let at = String(shift.start.dropFirst(11).prefix(5))
        let area = n.decimal(c.percentOfArea, places: 0, es)
        let interval = c.hitRateInterval.map { "\(n.decimal($0.lower * 100, places: 1, es))–\(n.decimal($0.upper * 100, places: 1, es)) %" } ?? "—"
        let pei = c.pei.map { n.decimal($0, places: 2, es) } ?? "—"
        var text = es
            ? "El pronóstico hecho a las \(at) ubicó el \(n.decimal(c.hitRate * 100, places: 1, es)) % de los \(n.count(f.incidents, es)) hechos del turno "
                + "en el \(area) % del área (intervalo del 95 %: \(interval); PAI \(n.decimal(c.pai, places: 2, es)), PEI \(pei))"
            : "The forecast made at \(at) put \(n.decimal(c.hitRate * 100, places: 1, es)) % of the shift's \(n.count(f.incidents, es)) incidents "
                + "in \(area) % of the area (95 % interval \(interval); PAI \(n.decimal(c.pai, places: 2, es)), PEI \(pei))"
        let over = f.spread.filter(\.exceeds).map(\.district)
        if !over.isEmpty {
            let factor = n.decimal(f.spreadFactor, places: 1, es)
            // "comunas 1, 2 and 5" when the districts are numbered and the layer names them; else the names.
            var named = n.list(over, es)
            if let label = f.districtLabel, over.allSatisfy({ Int($0) != nil }) {
                named = (over.count == 1 ? label : label + "s") + " " + named
                if es { named = (over.count == 1 ? "la " : "las ") + named }
            }
            text += es ? "; marca \(named) por encima de \(factor) veces su parte de los delitos denunciados"
                : "; it flags \(named) beyond \(factor) times \(over.count == 1 ? "its" : "their") share of reported crime"
        }
        return text + "."
    }

    private func patrolSentence(_ p: DosageSection, _ es: Bool) -> String {
        let n = HeadlineFormat.self
        let perBox = p.policeInitiatedPerBox.map { n.decimal($0, places: 1, es) } ?? "—"
        if es {
            return "Se asignaron \(p.boxes.count) \(p.boxes.count == 1 ? "cuadrante" : "cuadrantes") de patrulla: se registraron \(p.incidentsInBoxes) "
                + "hechos en ellos contra \(n.decimal(p.expectedInBoxes, places: 1, es)) esperados, \(p.policeInitiatedInBoxes) de iniciativa policial "
                + "(\(perBox) por cuadrante)."
        }
        return "\(p.boxes.count) patrol \(p.boxes.count == 1 ? "box was" : "boxes were") issued: \(p.incidentsInBoxes) incidents were recorded in them "
            + "against \(n.decimal(p.expectedInBoxes, places: 1, es)) expected, \(p.policeInitiatedInBoxes) police-initiated (\(perBox) per box)."
    }
}

/// Numbers and durations as the headline writes them: `1,600` and `21.3` in
/// English, `1.600` and `21,3` in Spanish; durations in words.
enum HeadlineFormat {
    static func count(_ v: Int, _ es: Bool) -> String {
        let digits = String(abs(v))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(es ? "." : ",") }
            out.append(ch)
        }
        return (v < 0 ? "-" : "") + out
    }

    static func decimal(_ v: Double, places: Int, _ es: Bool) -> String {
        guard v.isFinite else { return "—" }
        let text = String(format: "%.\(places)f", v)
        return es ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// 51 s, 4 min 27 s, 3 h 12 min.
    static func spoken(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "—" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return s % 60 == 0 ? "\(s / 60) min" : "\(s / 60) min \(s % 60) s" }
        return s % 3600 / 60 == 0 ? "\(s / 3600) h" : "\(s / 3600) h \(s % 3600 / 60) min"
    }

    static func list(_ items: [String], _ es: Bool) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (es ? " y " : " and ") + (items.last ?? "")
    }
}
