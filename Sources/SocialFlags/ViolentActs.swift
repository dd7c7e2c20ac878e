/// The violent acts the classifier knows, as verbs with what each needs around
/// it to be violence. Folded like the tokenizer folds text (lower case, no
/// accents, "ñ" → "n"). Every inflected form is generated from these lines by
/// `VerbForms`, so a reviewer reads one line per verb.
enum ActKind: Sendable { case harm, fire, shoot, explode }

/// What a verb needs around it before it is violence.
enum ActNeed: Sendable {
    /// Violence whatever follows: "matar", "fusilar", "kill".
    case none
    /// Violence only against a person, or a place for fire, shots and
    /// explosives: "quemar la comisaría", "colgarlo", "shoot them".
    case target
    /// Violence only with one of its complements: "prender fuego", "pegar un tiro".
    case complement
}

struct ViolentVerb: Sendable {
    var lemma: String
    var kind: ActKind
    var need: ActNeed
    /// Heads of the complements that make it violent ("tiro" for "pegar un tiro"),
    /// reached over a few determiners ("pegarle dos tiros").
    var complements: Set<String> = []
    /// Objects that make it an idiom, not an act: "quemar etapas", "colgar los botines".
    var figurative: Set<String> = []
    /// The stressed stem when it changes ("colgar" → "cuelg"), for present and subjunctive.
    var strongStem: String? = nil
    var english = false
    /// English forms: base, -s, -ing, past, participle (irregulars spelled out).
    var englishForms: [String] = []
}

enum ViolentActs {
    /// Things you can burn, hang or blow up without hurting anyone.
    static let fireIdioms: Set<String> = [
        "etapas", "naves", "calorias", "grasa", "cartuchos", "cartucho", "energia", "tiempo", "redes", "red", "twitter", "tl", "timeline",
        "hashtag", "internet", "bandera", "banderas", "gomas", "goma", "cubiertas", "neumaticos", "muneco", "munecos", "efigie", "disco",
        "cd", "dvd", "plata", "guita", "ahorros", "cabeza", "pestanas", "neuronas", "lengua", "asado", "comida", "pan", "pizza", "torta",
        "tostadas", "incienso", "porro", "faso", "pista", "noche", "boliche", "fiesta", "joda", "ficha", "fichas", "bateria", "motor",
        "embrague", "tarjeta", "foto", "fotos", "retrato", "constitucion", "escenario", "baile", "show", "recital", "fogon", "parrilla",
        "chimenea", "vela", "velas", "cigarrillo", "cigarro", "lena", "basura", "hojas", "pastizal", "yuyos",
    ]

    static let spanish: [ViolentVerb] = [
        ViolentVerb(lemma: "matar", kind: .harm, need: .none),
        ViolentVerb(lemma: "asesinar", kind: .harm, need: .none),
        ViolentVerb(lemma: "fusilar", kind: .shoot, need: .none),
        ViolentVerb(lemma: "linchar", kind: .harm, need: .none),
        ViolentVerb(lemma: "degollar", kind: .harm, need: .none, strongStem: "deguell"),
        ViolentVerb(lemma: "decapitar", kind: .harm, need: .none),
        ViolentVerb(lemma: "descuartizar", kind: .harm, need: .none),
        ViolentVerb(lemma: "acribillar", kind: .shoot, need: .none),
        ViolentVerb(lemma: "balear", kind: .shoot, need: .none),
        ViolentVerb(lemma: "apunalar", kind: .harm, need: .none),
        ViolentVerb(lemma: "acuchillar", kind: .harm, need: .none),
        ViolentVerb(lemma: "achurar", kind: .harm, need: .none),
        ViolentVerb(lemma: "masacrar", kind: .harm, need: .none),
        ViolentVerb(lemma: "exterminar", kind: .harm, need: .none),
        ViolentVerb(lemma: "aniquilar", kind: .harm, need: .none),
        ViolentVerb(lemma: "ahorcar", kind: .harm, need: .none),
        ViolentVerb(lemma: "torturar", kind: .harm, need: .none),
        ViolentVerb(lemma: "empalar", kind: .harm, need: .none),
        ViolentVerb(lemma: "lapidar", kind: .harm, need: .none),
        ViolentVerb(lemma: "boletear", kind: .harm, need: .none),
        ViolentVerb(lemma: "tirotear", kind: .shoot, need: .none),
        ViolentVerb(lemma: "ejecutar", kind: .harm, need: .target,
                    figurative: ["plan", "planes", "programa", "codigo", "orden", "ordenes", "proyecto", "obra", "obras", "presupuesto", "tarea",
                                 "sentencia", "deuda", "hipoteca", "garantia", "embargo", "jugada", "penal", "tiro", "corner", "partida", "fondos"]),
        ViolentVerb(lemma: "colgar", kind: .harm, need: .target,
                    figurative: ["botines", "guantes", "telefono", "tubo", "ropa", "cuadro", "cuadros", "foto", "fotos", "video", "videos",
                                 "camiseta", "cartel", "carteles", "bandera", "banderas", "pasacalles", "pancarta", "pancartas", "pared",
                                 "cortinas", "hamaca", "llamada", "tapado", "campera", "sistema", "pagina", "server", "celu", "celular", "salon",
                                 "fama", "museo", "galeria", "vidriera"],
                    strongStem: "cuelg"),
        ViolentVerb(lemma: "violar", kind: .harm, need: .target,
                    figurative: ["ley", "leyes", "constitucion", "cuarentena", "derechos", "normas", "reglas", "acuerdo", "secreto", "veda",
                                 "protocolo", "privacidad", "intimidad", "contrato", "tregua", "soberania", "reglamento", "codigo"]),
        ViolentVerb(lemma: "castrar", kind: .harm, need: .target, figurative: ["gato", "gata", "perro", "perra", "mascota", "mascotas", "toro"]),
        ViolentVerb(lemma: "carnear", kind: .harm, need: .target, figurative: ["vaca", "chancho", "cordero", "ternero", "animal", "cabrito", "lechon"]),
        ViolentVerb(lemma: "lastimar", kind: .harm, need: .target),
        ViolentVerb(lemma: "reventar", kind: .harm, need: .target, complements: ["cabeza", "cara", "craneo", "jeta", "sesos"],
                    strongStem: "revient"),
        ViolentVerb(lemma: "eliminar", kind: .harm, need: .target),
        ViolentVerb(lemma: "desaparecer", kind: .harm, need: .target, strongStem: "desaparezc"),
        ViolentVerb(lemma: "liquidar", kind: .harm, need: .target),
        ViolentVerb(lemma: "fumigar", kind: .harm, need: .target),
        ViolentVerb(lemma: "apedrear", kind: .shoot, need: .target),
        ViolentVerb(lemma: "disparar", kind: .shoot, need: .target),
        ViolentVerb(lemma: "quemar", kind: .fire, need: .target, figurative: fireIdioms),
        ViolentVerb(lemma: "incendiar", kind: .fire, need: .target, figurative: fireIdioms),
        ViolentVerb(lemma: "dinamitar", kind: .explode, need: .target,
                    figurative: ["acuerdo", "dialogo", "puentes", "negociacion", "negociaciones", "relacion", "alianza", "coalicion", "sistema",
                                 "mesa", "proceso", "partido", "oposicion", "interna", "confianza"]),
        ViolentVerb(lemma: "bombardear", kind: .explode, need: .target,
                    figurative: ["mensajes", "preguntas", "publicidad", "noticias", "mails", "llamadas", "propaganda", "informacion", "memes"]),
        ViolentVerb(lemma: "borrar", kind: .harm, need: .complement, complements: ["mapa"]),
        ViolentVerb(lemma: "prender", kind: .fire, need: .complement, complements: ["fuego", "<fire>"], figurative: fireIdioms),
        ViolentVerb(lemma: "meter", kind: .shoot, need: .complement,
                    complements: ["bala", "balas", "plomo", "tiro", "tiros", "balazo", "balazos", "cuchillo", "punal", "punalada", "punaladas",
                                  "cuchillazo", "cuchillazos", "fuego", "corchazo", "cuetazo", "cuetazos", "fierrazo", "faca", "<knife>", "<gun>"]),
        ViolentVerb(lemma: "pegar", kind: .shoot, need: .complement,
                    complements: ["tiro", "tiros", "balazo", "balazos", "corchazo", "cuetazo", "cuetazos", "punalada", "punaladas", "fierrazo",
                                  "escopetazo", "plomazo", "<gun>"]),
        ViolentVerb(lemma: "tirar", kind: .explode, need: .complement,
                    complements: ["bomba", "bombas", "bombita", "bombitas", "molotov", "molotovs", "misil", "misiles", "napalm", "granada",
                                  "granadas", "<bomb>", "tiros", "balazos"]),
        ViolentVerb(lemma: "poner", kind: .explode, need: .complement,
                    complements: ["bomba", "bombas", "explosivo", "explosivos", "dinamita", "<bomb>", "bombita", "artefacto"]),
        ViolentVerb(lemma: "dar", kind: .shoot, need: .complement,
                    complements: ["bala", "balas", "plomo", "tiro", "tiros", "balazo", "balazos", "matarile", "punalada", "punaladas", "<gun>"]),
        ViolentVerb(lemma: "romper", kind: .harm, need: .complement,
                    complements: ["cabeza", "cara", "craneo", "piernas", "cuello", "jeta", "espalda", "columna", "dientes", "costillas"]),
        ViolentVerb(lemma: "cortar", kind: .harm, need: .complement,
                    complements: ["cuello", "garganta", "cabeza", "pelotas", "bolas", "huevos", "manos", "dedos", "lengua", "pito", "yugular"]),
        ViolentVerb(lemma: "volar", kind: .explode, need: .complement,
                    complements: ["todo", "cabeza", "sesos", "aire", "pedazos", "edificio", "escuela", "colegio", "estacion", "subte", "shopping",
                                  "comisaria", "embajada", "casa", "tren", "hospital", "banco", "iglesia", "templo", "sinagoga", "mezquita"],
                    strongStem: "vuel"),
        ViolentVerb(lemma: "hacer", kind: .harm, need: .complement, complements: ["boleta", "pure", "picadillo"]),
        ViolentVerb(lemma: "llenar", kind: .shoot, need: .complement, complements: ["plomo", "balas", "agujeros", "balazos"]),
    ]

    static let english: [ViolentVerb] = [
        ViolentVerb(lemma: "kill", kind: .harm, need: .none, english: true, englishForms: ["kill", "kills", "killing", "killed"]),
        ViolentVerb(lemma: "murder", kind: .harm, need: .none, english: true, englishForms: ["murder", "murders", "murdering", "murdered"]),
        ViolentVerb(lemma: "slaughter", kind: .harm, need: .none, english: true, englishForms: ["slaughter", "slaughters", "slaughtering", "slaughtered"]),
        ViolentVerb(lemma: "massacre", kind: .harm, need: .none, english: true, englishForms: ["massacre", "massacres", "massacring", "massacred"]),
        ViolentVerb(lemma: "stab", kind: .harm, need: .none, english: true, englishForms: ["stab", "stabs", "stabbing", "stabbed"]),
        ViolentVerb(lemma: "strangle", kind: .harm, need: .none, english: true, englishForms: ["strangle", "strangles", "strangling", "strangled"]),
        ViolentVerb(lemma: "behead", kind: .harm, need: .none, english: true, englishForms: ["behead", "beheads", "beheading", "beheaded"]),
        ViolentVerb(lemma: "lynch", kind: .harm, need: .none, english: true, englishForms: ["lynch", "lynches", "lynching", "lynched"]),
        ViolentVerb(lemma: "exterminate", kind: .harm, need: .none, english: true,
                    englishForms: ["exterminate", "exterminates", "exterminating", "exterminated"]),
        ViolentVerb(lemma: "torture", kind: .harm, need: .none, english: true, englishForms: ["torture", "tortures", "torturing", "tortured"]),
        ViolentVerb(lemma: "drown", kind: .harm, need: .none, english: true, englishForms: ["drown", "drowns", "drowning", "drowned"]),
        ViolentVerb(lemma: "eradicate", kind: .harm, need: .none, english: true,
                    englishForms: ["eradicate", "eradicates", "eradicating", "eradicated"]),
        ViolentVerb(lemma: "rape", kind: .harm, need: .none, english: true, englishForms: ["rape", "rapes", "raping", "raped"]),
        ViolentVerb(lemma: "execute", kind: .harm, need: .target, english: true,
                    englishForms: ["execute", "executes", "executing", "executed"]),
        ViolentVerb(lemma: "shoot", kind: .shoot, need: .target, english: true, englishForms: ["shoot", "shoots", "shooting", "shot"]),
        ViolentVerb(lemma: "hang", kind: .harm, need: .target, english: true, englishForms: ["hang", "hangs", "hanging", "hanged", "hung"]),
        ViolentVerb(lemma: "burn", kind: .fire, need: .target, english: true, englishForms: ["burn", "burns", "burning", "burned", "burnt"]),
        ViolentVerb(lemma: "torch", kind: .fire, need: .target, english: true, englishForms: ["torch", "torches", "torching", "torched"]),
        ViolentVerb(lemma: "bomb", kind: .explode, need: .target, english: true, englishForms: ["bomb", "bombs", "bombing", "bombed"]),
        ViolentVerb(lemma: "nuke", kind: .explode, need: .target, english: true, englishForms: ["nuke", "nukes", "nuking", "nuked"]),
        ViolentVerb(lemma: "gas", kind: .harm, need: .target, english: true, englishForms: ["gas", "gassing", "gassed"]),
        ViolentVerb(lemma: "hurt", kind: .harm, need: .target, english: true, englishForms: ["hurt", "hurts", "hurting", "hurt"]),
        ViolentVerb(lemma: "castrate", kind: .harm, need: .target, english: true, englishForms: ["castrate", "castrates", "castrating", "castrated"]),
        ViolentVerb(lemma: "stone", kind: .harm, need: .target, english: true, englishForms: ["stone", "stones", "stoning", "stoned"]),
        ViolentVerb(lemma: "beat", kind: .harm, need: .complement, complements: ["up", "death", "shit", "crap", "hell", "senseless", "until", "bloody"], english: true,
                    englishForms: ["beat", "beats", "beating", "beaten"]),
        ViolentVerb(lemma: "blow", kind: .explode, need: .complement, complements: ["up"], english: true,
                    englishForms: ["blow", "blows", "blowing", "blew", "blown"]),
        ViolentVerb(lemma: "gun", kind: .shoot, need: .complement, complements: ["down"], english: true,
                    englishForms: ["gun", "guns", "gunning", "gunned"]),
        ViolentVerb(lemma: "mow", kind: .shoot, need: .complement, complements: ["down"], english: true,
                    englishForms: ["mow", "mows", "mowing", "mowed", "mown"]),
        ViolentVerb(lemma: "string", kind: .harm, need: .complement, complements: ["up"], english: true,
                    englishForms: ["string", "strings", "stringing", "strung"]),
        ViolentVerb(lemma: "throw", kind: .harm, need: .complement, complements: ["acid", "off", "overboard"], english: true,
                    englishForms: ["throw", "throws", "throwing", "threw", "thrown"]),
        ViolentVerb(lemma: "wipe", kind: .harm, need: .complement, complements: ["out", "off"], english: true,
                    englishForms: ["wipe", "wipes", "wiping", "wiped"]),
        ViolentVerb(lemma: "put", kind: .harm, need: .complement, complements: ["bullet", "bullets", "down"], english: true,
                    englishForms: ["put", "puts", "putting", "put"]),
        ViolentVerb(lemma: "slit", kind: .harm, need: .complement, complements: ["throat", "throats"], english: true,
                    englishForms: ["slit", "slits", "slitting", "slit"]),
        ViolentVerb(lemma: "cut", kind: .harm, need: .complement, complements: ["throat", "throats", "head", "heads"], english: true,
                    englishForms: ["cut", "cuts", "cutting", "cut"]),
    ]

    static let all: [ViolentVerb] = spanish + english
}
