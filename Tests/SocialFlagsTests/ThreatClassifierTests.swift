import Testing
import VigiaCore
@testable import SocialFlags

/// Posts written by hand for these tests, not drawn from the sample
/// generator's phrase banks: threats phrased differently, and the hard
/// negatives a careless classifier flags.
@Suite("Threat classifier")
struct ThreatClassifierTests {
    let classifier = ThreatClassifier()

    @Test("threats in Rioplatense Spanish and English, by category", arguments: [
        ("mañana te voy a matar hdp, cuidate", ThreatCategory.threatToPerson),
        ("voy a matarte cuando salgas del colegio", .threatToPerson),
        ("lo voy a cagar a trompadas al forro del tercero esta noche", .threatToPerson),
        ("te voy a m4t4r gil", .threatToPerson),
        ("sos boleta, sé dónde vivís", .threatToPerson),
        ("I will kill my roommate tonight", .threatToPerson),
        ("i'm going to stab him tomorrow", .threatToPerson),
        ("hay una bomba en la estación Once, explota a las 18", .threatToPlace),
        ("voy a prender fuego la escuela el lunes", .threatToPlace),
        ("there is a bomb in the mall", .threatToPlace),
        ("tengo la pistola cargada para el del kiosco", .weaponWithIntent),
        ("compré un rifle y mañana lo uso en la facultad", .weaponWithIntent),
        ("hay que quemar la comisaría con los canas adentro", .incitement),
        ("let's kill the dealers on the corner tonight", .incitement),
    ])
    func threats(text: String, category: ThreatCategory) {
        let a = classifier.assess(text)
        #expect(a.flagged, "\(text)")
        #expect(a.category == category, "\(text): \(String(describing: a.category))")
        #expect(!a.phrases.isEmpty)
    }

    @Test("hard negatives and protected speech are not flagged", arguments: [
        "no te voy a matar, boludo, era un chiste",
        "nunca voy a lastimar a nadie",
        "I'm not going to kill anyone, relax",
        "me dijo \"te voy a matar\" y me fui corriendo",
        "el acusado había dicho que lo iba a matar",
        "Detuvieron a dos hombres que planeaban poner una bomba en la terminal",
        "me muero de hambre, alguien pide pizza?",
        "este calor me mata",
        "mi vieja me va a matar cuando vea las notas",
        "los vamos a matar el domingo en el superclásico, vamos River",
        "le pegué un headshot al último del server, ganamos la partida",
        "🎶 te voy a matar de amor 🎶",
        "te mato si no me traés facturas jajaja",
        "el ministro es un inútil y un mentiroso, que renuncie",
        "marcha a Plaza de Mayo mañana a las 17, vamos todos",
        "vamos a tomar la facultad hasta que reabran el comedor",
        "el gobierno nos está matando con los tarifazos",
        "Satira: el intendente promete matar la inflación con un tuit",
        "killing it at work today",
        "this exam is going to kill me",
        "que linda noche para salir a correr por Palermo",
    ])
    func notFlagged(text: String) {
        let a = classifier.assess(text)
        #expect(!a.flagged, "\(text): \(String(describing: a.category)) \(a.phrases)")
    }

    @Test("every flag says which phrases caused it")
    func phrases() {
        let a = classifier.assess("Te voy a MATAAAR esta noche")
        #expect(a.category == .threatToPerson)
        #expect(a.phrases.contains("matar"))
        #expect(a.phrases.contains("voy a"))
    }

    @Test("cleared violent words say why", arguments: [
        ("me dijo \"te voy a matar\"", "quoted"),
        ("no lo voy a matar", "negated"),
    ])
    func clearedReason(text: String, reason: String) {
        #expect(classifier.assess(text).cleared.contains(reason))
    }
}
