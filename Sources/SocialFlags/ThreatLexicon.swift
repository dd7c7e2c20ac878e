/// The classifier's word lists besides the verbs (`ViolentActs`), folded like
/// the tokenizer folds text. Rioplatense Spanish first, then English.
/// Nothing here names a party, an official, a protest or a political idea:
/// people appear only as the possible *targets* of a violent act, never as a
/// reason to flag (safeguard 6).
enum ThreatLexicon {
    // MARK: Weapons and explosives

    static let weapons: Set<String> = [
        "fierro", "fierros", "arma", "armas", "pistola", "pistolas", "revolver", "escopeta", "recortada", "rifle", "rifles", "chumbo", "bufoso",
        "cuchillo", "cuchilla", "faca", "navaja", "machete", "molotov", "granada", "itaka", "tumbera", "9mm", "38", "fal", "ametralladora",
        "metralleta", "<gun>", "<knife>", "gun", "guns", "pistol", "knife", "weapon", "weapons", "glock", "ak", "ak47", "ar15", "shotgun",
        "machete", "revolver", "handgun", "blade",
    ]
    /// "la 9", "la 38": a handgun by its calibre.
    static let calibres: Set<String> = ["9", "38", "22", "45", "nueve"]
    /// Having, getting, carrying or going with a weapon.
    static let weaponIntent: Set<String> = [
        "consegui", "compre", "tengo", "tenemos", "llevo", "llevamos", "traigo", "traigan", "cargada", "cargado", "cargue", "uso", "usar",
        "saco", "voy", "vamos", "vengo", "caigo", "salgo", "got", "bought", "bringing", "using", "loaded", "carrying", "have", "bring",
        "coming", "taking", "packing", "ir", "vayan", "vengan", "vamo",
    ]
    static let explosives: Set<String> = [
        "bomba", "bombas", "explosivo", "explosivos", "dinamita", "detonador", "<bomb>", "bomb", "bombs", "explosive", "explosives", "ied",
    ]
    /// Words that say an explosive is in place or about to go off.
    static let explosiveAssertions: Phrases = [
        ["hay", "una"], ["hay", "un"], ["hay", "explosivos"], ["pusimos"], ["puse"], ["plantamos"], ["plante"], ["deje"], ["dejamos"],
        ["escondi"], ["escondimos"], ["instale"], ["va", "a", "volar"], ["vuela"], ["va", "a", "explotar"], ["explota"], ["vuelan"],
        ["there's", "a"], ["theres", "a"], ["there", "is", "a"], ["goes", "off"], ["planted"], ["i", "left"], ["we", "left"], ["i", "hid"],
        ["tienen", "una", "hora"], ["will", "go", "off"], ["is", "going", "to", "explode"],
    ]
    /// Fuel and a flame: arson without the verb ("nafta y un fósforo").
    static let accelerants: Set<String> = ["nafta", "bidon", "kerosene", "gasoline", "petrol"]
    static let ignition: Set<String> = ["fosforo", "fosforos", "encendedor", "fuego", "<fire>", "match", "matches", "lighter", "prender", "prendan"]

    // MARK: Targets

    static let places: Set<String> = [
        "estacion", "shopping", "escuela", "colegio", "comisaria", "hospital", "facultad", "universidad", "cancha", "subte", "terminal",
        "supermercado", "super", "iglesia", "sinagoga", "templo", "mezquita", "embajada", "municipalidad", "banco", "oficina", "edificio",
        "club", "boliche", "tren", "estadio", "jardin", "casa", "casas", "negocio", "local", "kiosco", "barrio", "villa", "aula", "juzgado",
        "tribunal", "tribunales", "hotel", "aeropuerto", "colectivo", "bondi", "station", "mall", "school", "church", "synagogue", "mosque",
        "office", "building", "stadium", "university", "campus", "subway", "concert", "embassy", "court", "courthouse", "house", "store",
        "clinic", "amia", "predio", "predios", "territorio", "pais", "ciudad", "edificios", "escuelas", "comisarias", "town", "country",
        "city", "village", "neighborhood", "neighbourhood", "place", "mosques", "churches", "synagogues", "temples", "stations", "houses",
        "homes", "home", "schools", "offices", "precinct", "station's",
    ]
    /// People (and groups of people) as the object or subject of an act.
    static let humanNouns: Set<String> = [
        "chorro", "chorros", "chorra", "delincuente", "delincuentes", "ladron", "ladrones", "violador", "violadores", "asesino", "asesinos",
        "narco", "narcos", "transa", "transas", "abusador", "abusadores", "pedofilo", "pedofilos", "motochorro", "motochorros", "okupa",
        "okupas", "ocupas", "usurpador", "usurpadores", "tipo", "tipos", "tipa", "chabon", "chabona", "pibe", "pibes", "piba", "pibas", "mina",
        "minas", "vieja", "viejo", "viejos", "hijo", "hija", "hijos", "hijas", "familia", "flia", "vecino", "vecinos", "vecina", "gente",
        "personas", "persona", "hombres", "mujeres", "hombre", "mujer", "amigos", "amigo", "hdp", "forro", "forros", "lacra", "lacras",
        "basura", "basuras", "mierdas", "sorete", "soretes", "escoria", "parasitos", "villeros", "negros", "chinos", "bolivianos", "bolitas",
        "paraguayos", "paraguas", "peruanos", "venezolanos", "judios", "musulmanes", "gitanos", "gays", "putos", "travas", "trolos",
        "inmigrantes", "extranjeros", "profe", "profesor", "profesora", "maestra", "jefe", "jefa", "ex", "novio", "novia", "cuñado", "cunado",
        "esposa", "marido", "hermano", "hermana", "primo", "encargado", "todos", "todas", "todes", "todxs", "bastardos", "sinverguenzas",
        "people", "guy", "guys", "man", "men", "woman", "women", "kid", "kids", "folks", "bastards", "scum", "thieves", "rapists", "pedos",
        "pedophiles", "immigrants", "jews", "muslims", "gays", "blacks", "whites", "mexicans", "judge", "cop", "cops", "neighbor",
        "neighbour", "neighbors", "boss", "wife", "husband", "roommate", "teacher", "teachers", "classmates", "students", "family",
        "everyone", "everybody", "dealers", "dealer", "them", "him", "her", "bitch", "bitches", "traitors", "traidores", "pigs",
        "rapist", "pedophile", "pedo", "terrorist", "terrorists", "criminal", "criminals", "murderer", "murderers", "thief", "traitor",
        "immigrant", "illegals", "snitch", "snitches", "looters", "rioters", "thugs", "okupas", "politicians", "politician", "protesters",
        "protestors", "officials", "senators", "senator", "journalists", "journalist", "reporters", "mayor", "governor",
    ]
    /// Object pronouns and determiners that point at people.
    static let englishPersonal: Set<String> = ["him", "her", "them", "you", "u", "ya", "yall", "y'all", "everyone", "everybody", "em", "'em"]
    static let spanishPersonalPronouns: Set<String> = ["vos", "ti", "ustedes", "ellos", "ellas", "el", "ella"]
    static let determiners: Set<String> = [
        "un", "una", "unos", "unas", "el", "la", "los", "las", "lo", "le", "les", "del", "de", "al", "a", "por", "en", "dos", "tres", "2", "3",
        "par", "buen", "buena", "lindo", "linda", "bien", "mas", "cuantos", "cuantas", "poco", "su", "sus", "tu", "tus", "the", "an", "some",
        "his", "their", "your", "my", "to", "of", "out", "this", "that", "these", "those", "esos", "esas", "estos", "estas", "ese", "esa",
        "este", "esta", "mil", "cien", "100", "10", "varios", "varias", "all", "nos", "te", "mi", "mis", "nuestro", "nuestra", "nuestros",
        "nuestras", "our", "whole", "entire", "entera", "entero", "every", "each", "one", "single", "last",
    ]

    // MARK: Manner, nominal calls, doom

    /// A violent manner turns any action into violence: "sacarlos a los tiros", "recibirlos a balazos".
    static let violentManners: Phrases = [
        ["a", "tiros"], ["a", "los", "tiros"], ["a", "balazos"], ["a", "los", "balazos"], ["a", "riflazos"], ["a", "escopetazos"],
        ["a", "cuetazos"], ["a", "chumbazos"], ["a", "fierrazos"], ["a", "palos"], ["a", "los", "palos"], ["a", "palazos"],
        ["a", "trompadas"], ["a", "las", "trompadas"], ["a", "pinas"], ["a", "las", "pinas"], ["a", "punaladas"], ["a", "cuchillazos"],
        ["a", "machetazos"], ["a", "cadenazos"], ["a", "culatazos"], ["a", "plomazos"], ["a", "plomo"], ["a", "bala"], ["a", "balas"],
        ["con", "plomo"], ["con", "bala"], ["con", "balas"], ["a", "tiro", "limpio"], ["a", "sangre", "y", "fuego"], ["de", "un", "balazo"],
        ["a", "la", "horca"], ["al", "paredon"], ["a", "la", "hoguera"], ["con", "dinamita"], ["con", "napalm"], ["con", "nafta"],
        ["a", "cuchillo"], ["with", "a", "gun"], ["with", "a", "knife"], ["with", "a", "machete"], ["to", "death"], ["on", "sight"],
        ["por", "mano", "propia"], ["contra", "el", "paredon"], ["a", "la", "camara", "de", "gas"], ["a", "los", "hornos"], ["al", "horno"],
        ["en", "la", "hoguera"], ["to", "the", "gas", "chambers"], ["to", "the", "gas", "chamber"], ["into", "the", "ovens"],
        ["in", "the", "ovens"], ["against", "the", "wall"], ["off", "a", "cliff"], ["off", "a", "roof"], ["off", "a", "building"],
        ["off", "the", "roof"], ["with", "bullets"], ["in", "the", "head"], ["a", "bullet", "in"], ["a", "bullet", "through"],
        ["in", "his", "head"], ["in", "her", "head"], ["in", "their", "heads"], ["desde", "un", "avion"], ["desde", "el", "avion"],
        ["desde", "un", "helicoptero"], ["a", "sangre", "fria"], ["en", "bolsa"], ["en", "cajon"],
        ["con", "los", "pies", "para", "adelante"], ["en", "una", "bolsa"], ["in", "a", "body", "bag"],
        ["firing", "squad"], ["pelotón", "de", "fusilamiento"], ["peloton", "de", "fusilamiento"],
    ]
    /// Nouns that are a call to kill when they stand alone: "Bala.", "Paredón y bala", "Guillotina!".
    static let nominalCalls: Set<String> = [
        "bala", "balas", "paredon", "horca", "horcas", "guillotina", "fusilamiento", "fusilamientos", "hoguera", "napalm", "linchamiento",
        "balazo", "balazos", "tiros", "plomazo", "picana", "bullet", "bullets", "guillotine", "noose", "gallows", "corchazo", "corchazos",
        "cuetazo", "cuetazos", "chumbazo", "chumbazos", "plomazos",
    ]
    /// Nouns that are a call only together with another, a target or a crime in the context: "plomo" is also "a bore".
    static let ambiguousNominalCalls: Set<String> = ["plomo", "fosa", "soga", "tiro", "fuego", "rope", "lead", "chumbo", "fierro", "<gun>", "<bomb>", "<knife>"]
    /// Emoji that stand for a weapon: alone they are a call only with a target or answering a crime, never by repetition.
    static let weaponEmoji: Set<String> = ["<gun>", "<bomb>", "<knife>"]
    /// Where a shot or a blow lands: "un tiro en la nuca", "balazo entre los ojos".
    static let bodyParts: Set<String> = [
        "nuca", "cabeza", "frente", "cejas", "ojos", "pecho", "boca", "rodillas", "piernas", "cara", "head", "face", "chest", "knees", "eyes",
    ]
    /// Words an elliptical call may carry besides its nouns and its targets.
    static let ellipticalFillers: Set<String> = [
        "y", "e", "o", "a", "al", "para", "de", "del", "la", "las", "el", "los", "un", "una", "unos", "unas", "mas", "muchas", "mucha",
        "mucho", "muchos", "todos", "todas", "todo", "toda", "todes", "todxs", "ya", "nomas", "directamente", "solo", "urgente", "listo",
        "chau", "fin", "hay", "es", "eso", "esos", "estos", "esas", "estas", "ese", "esa", "este", "esta", "<user>", "<url>", "que", "q",
        "carajo", "mierda", "joder", "ahi", "aca", "ahora", "entre", "dos", "cejas", "nuca", "cabeza", "frente", "en", "pecho", "medio",
        "se", "termina", "termino", "acabo", "solucion", "unica", "sanitario", "rifle", "otra", "cosa", "no", "queda", "otra", "con", "sin",
        "juicio", "cada", "uno", "and", "for", "all", "them", "the", "to", "now", "just", "squad", "firing", "death", "<gun>", "<knife>",
        "<bomb>", "<fire>", "please", "pls", "ok", "si", "dale", "vamos", "pero", "ya", "mismo", "hoy", "por", "favor", "buena", "bien",
        "limpia", "limpio", "lluvia", "lluvias", "buen", "carcel", "prision", "perpetua", "directo", "derecho", "publico", "publica",
        "masivo", "masiva", "inmediato", "inmediata", "sumario", "bolsa", "asco", "piedad", "anestesia", "contemplaciones", "miramientos",
        "compasion", "palo", "palos", "these", "those", "esos", "estos", "esas", "estas", "of", "every", "single", "one", "last", "each", "y", "nada", "mas",
    ]
    /// Second-person doom: a death threat without a violent verb.
    static let doomPhrases: Phrases = [
        ["vas", "a", "aparecer"], ["sos", "boleta"], ["estas", "muerto"], ["estas", "muerta"], ["te", "vas", "a", "morir"], ["you're", "dead"],
        ["youre", "dead"], ["you", "are", "dead"], ["ur", "dead"], ["you're", "going", "to", "die"], ["watch", "your", "back"],
        ["tenes", "los", "dias", "contados"], ["your", "days", "are", "numbered"], ["sos", "hombre", "muerto"], ["you're", "a", "dead", "man"],
        ["te", "vamos", "a", "encontrar"], ["i'm", "coming", "for", "you"], ["im", "coming", "for", "you"], ["we're", "coming", "for", "you"], ["vas", "a", "terminar", "en", "una", "zanja"], ["you", "won't", "see", "it", "coming"],
    ]
    /// Knowing the victim's routine, said to them.
    static let routineKnowledge: Phrases = [
        ["se", "donde", "vivis"], ["se", "donde", "vive"], ["se", "donde", "vivas"], ["se", "donde", "trabajas"], ["se", "donde", "trabaja"],
        ["se", "a", "que", "hora"], ["sabemos", "donde"], ["sabemos", "a", "que", "hora"], ["conozco", "tu", "rutina"], ["se", "que", "colectivo"],
        ["se", "por", "donde"], ["se", "donde", "estudia"], ["se", "donde", "estudias"], ["i", "know", "where", "you"], ["we", "know", "where", "you"],
        ["i", "know", "what", "time"], ["i", "know", "your", "routine"], ["i", "know", "where", "your"], ["i", "know", "where", "he"],
        ["i", "know", "where", "she"], ["te", "tengo", "vigilado"], ["te", "tengo", "vigilada"],
    ]
    /// Everyone dies: the mass-violence coda of a threat to a place.
    static let massPhrases: Phrases = [
        ["no", "queda", "nadie"], ["no", "queda", "ni", "uno"], ["no", "sale", "nadie"], ["el", "que", "se", "cruce"], ["cobra"],
        ["whoever"], ["nobody", "survives"], ["no", "one", "survives"], ["everyone", "dies"], ["con", "todos", "adentro"], ["everyone", "inside"],
        ["a", "todos"], ["to", "everyone"], ["everyone", "there"],
    ]
    static let timeWords: Set<String> = [
        "hoy", "manana", "noche", "viernes", "sabado", "domingo", "lunes", "martes", "miercoles", "jueves", "rato", "salida", "salgas", "sale",
        "acto", "tonight", "tomorrow", "friday", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "after", "20hs", "hs",
        "leaves", "morning", "recreo", "entrada",
    ]
    static let negators: Set<String> = [
        "no", "nunca", "jamas", "ni", "not", "never", "won't", "wont", "wouldn't", "dont", "don't", "cannot", "can't", "nadie", "shouldn't",
        "nobody", "no-one", "tampoco", "evitar", "impedir", "dejen", "dejar", "stop", "prevent",
    ]

    /// Lower-case proper nouns are not told apart from common ones, so a
    /// plural ending that only people carry marks a group ("-istas", "-ists").
    static func looksLikeGroup(_ w: String) -> Bool {
        guard w.count > 5 else { return false }
        return w.hasSuffix("istas") || w.hasSuffix("ists") || w.hasSuffix("ians") || w.hasSuffix("anos") && w.count > 7
    }

    static func isPerson(_ w: String) -> Bool {
        humanNouns.contains(w) || englishPersonal.contains(w) || looksLikeGroup(w)
    }
}
