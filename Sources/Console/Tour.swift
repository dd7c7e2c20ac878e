/// The presenter's guided tour: each step moves the focus and says what to look at.
public enum Tour {
    public struct Step: Sendable {
        public var focus: Pane
        public var spanish: String
        public var english: String
    }

    public static let steps: [Step] = [
        Step(focus: .map, spanish: "El mapa: barrios de CABA y el riesgo pronosticado para las próximas 8 h, celda por celda. Arriba, qué tan bien acertó este modelo la última semana. Flechas o h/j/k/l mueven el cursor; + y - hacen zoom; t cambia el horizonte y m el modelo.",
             english: "The map: Buenos Aires' barrios and the forecast risk for the next 8 h, cell by cell. Above it, how well this model did last week. Arrows or h/j/k/l move the cursor; + and - zoom; t changes the horizon and m the model."),
        Step(focus: .map, spanish: "Salvaguarda 8: la línea de concentración (Gini) muestra cuánto se concentra el pronóstico. Los hechos que descubre la propia policía no alimentan el modelo, para no perseguir patrullas.",
             english: "Safeguard 8: the concentration line (Gini) shows how concentrated the forecast is. Records the police discover themselves do not feed the model, so it does not chase its own patrols."),
        Step(focus: .alerts, spanish: "Alertas de cámaras por prioridad y antigüedad, con estado en palabra y símbolo. a toma, d despacha, c cierra (pide el cierre), h en espera, s pospone, f deriva. Enter muestra procedimiento, evidencia e historial.",
             english: "Camera alerts by priority and age, each state as a word and a glyph. a acknowledges, d dispatches, c closes (asks the disposition), h holds, s snoozes, f forwards. Enter shows procedure, evidence and history."),
        Step(focus: .hits, spanish: "Candidatos de reconocimiento facial: solo contra la lista de órdenes judiciales vigentes, bajo una autorización, con umbral calibrado. Un candidato no es una identificación: hacen falta dos personas distintas que confirmen (y) con motivo antes de despachar (d). Probá :login diego para ser la segunda persona.",
             english: "Face-match candidates: only against the list of court orders in force, under an authorisation, with a calibrated threshold. A candidate is not an identification: two different people must confirm (y) with a reason before dispatch (d). Try :login diego to be the second person."),
        Step(focus: .flags, spanish: "Señales de redes: solo amenazas de violencia, con las frases que las causaron. Las críticas, protestas y el periodismo nunca se marcan, y lo no marcado no se guarda. y: creíble (crea alerta); n: no creíble (se borra).",
             english: "Social flags: threats of violence only, with the phrases that caused them. Criticism, protest and journalism are never flagged, and nothing unflagged is kept. y: credible (raises an alert); n: not credible (deleted)."),
        Step(focus: .alerts, spanish: "A las 19:05 aparece una alerta de área: varias amenazas de bomba en Constitución superan su línea de base (prueba de Poisson). La marcha en el Congreso, en cambio, nunca dispara nada. ? muestra todas las teclas.",
             english: "Around 19:05 an area alert appears: several bomb threats at Constitución exceed their baseline (a Poisson test). The march at Congreso never triggers anything. ? shows every key."),
    ]

    static func apply(_ step: Int, to state: inout UIState) {
        state.focus = steps[step].focus
        state.overlay = nil
    }
}
