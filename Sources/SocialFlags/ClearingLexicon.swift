/// Words that make violent words something else: a game, a song, a story, a
/// report, a rejection of violence, a protest, a joke. They can only clear a
/// post, never flag one.
enum ClearingLexicon {
    /// Football: clubs, their fans' nicknames and the match.
    static let sports: Set<String> = [
        "river", "boca", "racing", "independiente", "lorenzo", "huracan", "velez", "gimnasia", "lanus", "banfield", "newells", "talleres", "belgrano",
        "platense", "chacarita", "clasico", "superclasico", "gol", "goles", "hinchada", "descenso", "campeon", "penales", "match", "game",
        "team", "cup", "copa", "libertadores", "bosteros",
        "bostero", "gallinas", "gallina", "millonario", "millonarios", "xeneizes", "xeneize", "cuervos", "quemeros", "pinchas", "triperos",
        "leprosos", "canallas", "granates", "taladros", "fortineros", "academia", "pañuelos", "panuelos", "fixture", "torneo", "liga",
        "hinchas", "arbitro", "cancha", "pelota", "camiseta", "playoffs", "league", "season", "finals", "pitch", "score", "jugadores",
        "ascenso", "seleccion", "mundial", "fulbo", "futbol", "football", "soccer", "basket", "rugby", "pumas", "final", "finale",
    ]
    static let gaming: Set<String> = [
        "fortnite", "counter", "warzone", "cod", "gta", "valorant", "minecraft", "sniper", "headshot", "partida", "server", "servidor", "ps5",
        "ps4", "xbox", "gamer", "noob", "manco", "lag", "respawn", "stream", "twitch", "roblox", "freefire", "apex", "juego", "jueguito",
        "level", "nivel", "ranked", "lobby", "duo", "skin", "pvp", "mmo", "dota", "overwatch",
    ]
    static let music: Set<String> = [
        "cantando", "cancion", "temazo", "song", "lyrics", "singing", "estribillo", "recital", "canta", "cantaba", "cantar", "disco", "album",
        "rap", "trap", "cumbia", "rock", "chorus", "playlist", "concierto",
    ]
    /// Fiction: the words are a character's, in a story.
    static let fiction: Set<String> = [
        "novela", "libro", "cuento", "personaje", "capitulo", "serie", "pelicula", "peli", "guion", "escena", "trama", "villano", "movie",
        "book", "novel", "character", "episode", "scene", "plot", "villain", "script", "fanfic", "story", "chapter", "film", "netflix",
        "temporada", "actor", "actriz", "obra", "teatro", "show",
    ]
    /// Reporting: someone else did or said it.
    static let reporting: Set<String> = [
        "dijo", "dice", "decia", "dicen", "dijeron", "grito", "gritaba", "amenazo", "amenazaba", "amenazan", "escribio", "twitteo",
        "tuiteo", "posteo", "segun", "denuncio", "denuncian", "declaro", "conto", "relato", "afirmo", "aseguro", "confeso", "acusado",
        "detuvieron", "detenido", "detenida", "imputado", "condenado", "urgente", "breaking", "informe", "investigacion",
        "seguimos", "informando", "arrest", "arrested", "reported", "reportedly", "according", "allegedly", "charged", "said", "says", "told",
        "wrote", "posted", "tweeted", "threatened", "amenaza", "amenazas", "noticia", "confirmado", "exclusivo", "satire", "satira",
        "denuncie", "denuncia", "piden", "pedia", "pedian", "gritaban", "cantaban", "incitan", "incita", "arengas", "claims", "claimed",
        "claiming", "aconseja", "propone", "propuso", "sugiere",
    ]
    /// Counter-speech: the post rejects the violence it names.
    static let counterSpeech: Phrases = [
        ["no", "es", "la", "solucion"], ["no", "es", "el", "camino"], ["no", "a", "la", "violencia"], ["basta", "de", "violencia"],
        ["repudio"], ["repudiamos"], ["repudiable"], ["condeno"], ["condenamos"], ["apologia"], ["incitacion"], ["los", "que", "piden"],
        ["los", "que", "dicen"], ["gente", "que", "pide"], ["gente", "que", "dice"], ["pedir", "bala"], ["piden", "bala"], ["decir", "que"],
        ["no", "se", "soluciona"], ["no", "se", "arregla"], ["nadie", "merece"], ["no", "justifica"], ["is", "not", "the", "answer"],
        ["isn't", "the", "answer"], ["is", "never", "the", "answer"], ["people", "who", "say"], ["those", "who", "say"], ["calling", "for"],
        ["calls", "for", "violence"], ["condemn"], ["i", "condemn"], ["no", "one", "deserves"], ["nobody", "deserves"], ["stop", "saying"],
        ["de", "pedir"], ["de", "decir"], ["that's", "not", "okay"], ["no", "esta", "bien"], ["es", "un", "delito"], ["is", "a", "crime"],
    ]
    /// Protest shape: a march, a square, a strike, a vote, a hashtag campaign.
    static let protestWords: Set<String> = [
        "marcha", "marchar", "marchamos", "marchemos", "movilizacion", "movilizar", "movilizamos", "convocatoria", "convocamos", "concentracion",
        "manifestacion", "manifestarse", "protesta", "protestar", "paro", "piquete", "cacerolazo", "ruidazo", "banderazo", "tractorazo",
        "asamblea", "vigilia", "plaza", "congreso", "obelisco", "urnas", "urna", "votos", "votar", "votando", "elecciones", "difundan", "sumate",
        "rally", "protest", "march", "strike", "picket", "vigil", "ballot", "vote", "polls", "streets", "calles", "calle", "redes", "hashtag",
        "tendencia", "trending", "pancarta", "pancartas", "consigna", "olla", "multitud", "columnas", "manifa", "huelga",
    ]
    /// What a protest fills, floods or sets on fire: "reventar la plaza", "prenderle fuego a las redes".
    static let protestObjects: Set<String> = [
        "plaza", "plazas", "calle", "calles", "avenida", "congreso", "obelisco", "redes", "red", "twitter", "tl", "timeline", "hashtag",
        "internet", "web", "tendencia", "urnas", "urna", "streets", "polls", "internet", "feed", "gente", "pista", "boliche", "noche", "fiesta",
    ]
    /// Non-violent manners of a violent verb: "matar a besos", "morir de risa".
    static let gentleManners: Phrases = [
        ["de", "risa"], ["a", "besos"], ["de", "amor"], ["a", "cosquillas"], ["a", "abrazos"], ["de", "un", "susto"], ["de", "un", "disgusto"],
        ["de", "aburrimiento"], ["de", "hambre"], ["de", "calor"], ["de", "envidia"], ["a", "preguntas"], ["con", "la", "mirada"],
        ["de", "ternura"], ["with", "kindness"], ["with", "love"], ["of", "laughter"], ["with", "laughter"], ["de", "verguenza"],
        ["a", "mensajes"], ["con", "mensajes"], ["a", "goles"], ["a", "golazos"], ["with", "questions"], ["with", "compliments"],
    ]
    /// Things one "kills" or "destroys" that are not alive.
    static let abstractObjects: Set<String> = [
        "inflacion", "hambre", "pobreza", "tiempo", "aburrimiento", "dieta", "rutina", "it", "time", "this", "exam", "examen", "parcial", "sed",
        "risa", "amor", "tristeza", "ansiedad", "rato", "horas", "vibe", "mood", "lights", "light", "process", "engine", "music", "bill",
        "deal", "idea", "pain", "buzz", "competition", "corrupcion", "impunidad", "burocracia", "grieta", "mufa", "bichos", "cucarachas",
        "mosquitos", "plagas", "plaga", "hormigas", "ratas", "termitas", "moscas", "virus", "bacterias", "germenes", "covid", "miedo",
        "game", "track", "set", "stage", "interview", "test", "audition", "gig", "presentation", "essay", "speech", "calories", "fat",
        "bridges", "money", "cash", "rubber", "midnight", "oil", "candle", "toast", "dinner", "food", "leftovers", "popcorn", "video",
        "photo", "photos", "picture", "painting", "poster", "flag", "banner", "decorations", "coat", "clothes", "laundry", "plan", "code",
        "order", "command", "program", "script", "strategy", "play", "trade", "task", "contract", "shot", "hoops", "pool", "breeze", "scene",
        "film", "episode", "record", "traffic", "heat", "odds", "phone", "inbox", "balloon", "car", "tank", "pizza", "coffee", "thread",
        "account", "chat", "server", "whatsapp", "impuestos", "impuesto", "planes", "subsidios", "ley", "leyes", "sistema", "deficit",
        "gasto", "curro", "cepo", "ganancias", "retenciones", "iva", "afip", "feriados", "feriado", "vacaciones", "clase", "clases",
        "bugs", "roaches", "flies", "ants", "mosquitoes", "weeds", "germs", "cd", "cds", "dvd", "files", "papers", "witch", "fire",
    ]
    /// Crime in what a reply answers: an elliptical "plomo" or "la soga" then points at its author.
    static let crimeContext: Set<String> = [
        "delincuente", "delincuentes", "ladron", "ladrones", "chorro", "chorros", "motochorro", "motochorros", "violador", "violadores",
        "violacion", "violo", "abuso", "abusador", "asesino", "asesinos", "asesinato", "homicidio", "femicidio", "femicida", "narco", "narcos",
        "robo", "robaba", "robo", "asalto", "asaltante", "asaltantes", "entradera", "usurpacion", "usurpadores", "okupas", "reincidente",
        "secuestro", "secuestro", "agresor", "agresores", "mato", "baleo", "apunalo", "crimen", "criminal", "criminales", "preso", "presos",
        "domiciliaria", "excarcelado", "liberado", "liberaron", "banda", "pedofilo", "rapist", "murderer", "killer", "thief", "robbery",
        "pedophile", "terrorist", "terrorists",
    ]
    /// Hyperbole aimed at oneself: "me muero", "me quiero matar", "kill me".
    static let selfPronouns: Set<String> = ["me", "myself", "mi", "nos"]
}
