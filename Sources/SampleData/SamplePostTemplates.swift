/// Phrase banks for synthetic posts. Slots in braces are filled at random.
/// Families match the gold labels: four threat categories, the protected
/// families (criticism, protest, journalism, satire) and the hard negatives
/// a careless classifier flags (negation, quotes, hyperbole, football,
/// games, lyrics).
enum SamplePostTemplates {
    struct Family {
        var name: String
        /// The threat category, or nil when the post is not a threat.
        var category: String?
        var protected: Bool
        var spanish: [String]
        var english: [String]
    }

    static let threatPerson = Family(name: "threat", category: "threat_person", protected: false, spanish: [
        "te voy a matar {insulto}, {hora} te espero",
        "{hora} lo voy a cagar a tiros {persona}, ya fue",
        "sé dónde vivís {insulto}, te voy a apuñalar",
        "voy a matar {persona} {hora}, lo juro por mi vieja",
        "le voy a pegar un tiro en la cabeza {persona}",
        "vas a aparecer en una zanja {insulto}, te la juro",
        "te voy a prender fuego la casa con vos adentro {insulto}",
        "{hora} lo espero a la salida y lo reviento a puñaladas {persona}",
        "a vos te voy a romper la cabeza a fierrazos {insulto}, {hora} nos vemos",
    ], english: [
        "I'm going to kill you {insultEn}, watch your back {horaEn}",
        "I will shoot {personEn} when he leaves work {horaEn}",
        "I know where you live {insultEn}, you're dead {horaEn}",
        "gonna stab {personEn} {horaEn}, I swear",
    ])

    static let threatPlace = Family(name: "threat", category: "threat_place", protected: false, spanish: [
        "hay una bomba en {lugar}, va a volar todo {hora}",
        "{hora} voy a prender fuego {lugar} con todos adentro",
        "pusimos un explosivo en {lugar}, tienen una hora para salir",
        "voy a ir a {lugar} a disparar a todos {hora}",
        "{lugar} vuela por el aire {hora}, después no digan que no avisé",
    ], english: [
        "there's a bomb in {lugarEn}, it goes off {horaEn}",
        "I'm going to burn {lugarEn} down {horaEn} with everyone inside",
        "going to {lugarEn} {horaEn} to shoot everyone there",
    ])

    static let weaponIntent = Family(name: "threat", category: "weapon_intent", protected: false, spanish: [
        "ya conseguí el fierro, {hora} lo uso con {persona}",
        "tengo la 9 cargada para {persona}, {hora} se termina todo",
        "me compré un cuchillo para apuñalar {persona} {hora}",
        "llevo el arma {hora} a {lugar} y el que se cruce cobra",
    ], english: [
        "got the gun now, using it on {personEn} {horaEn}",
        "bringing my rifle to {lugarEn} {horaEn}, whoever is there gets it",
    ])

    static let incitement = Family(name: "threat", category: "incitement", protected: false, spanish: [
        "vamos todos {hora} a {lugar} a cagar a tiros a los {grupo}, quién se prende",
        "hay que ir a quemar {lugar} con los {grupo} adentro, {hora} nos juntamos",
        "junten fierros y {hora} vamos a matar a los {grupo} de {barrio}",
        "{hora} hay que linchar {persona}, pasen la dirección y vamos todos",
    ], english: [
        "everyone meet at {lugarEn} {horaEn}, let's burn it down with the {grupoEn} inside",
        "bring weapons {horaEn}, we're going to kill the {grupoEn} in {barrio}",
    ])

    static let criticism = Family(name: "criticism", category: nil, protected: true, spanish: [
        "{funcionario} es un inútil, que renuncie ya",
        "este gobierno nos está matando de hambre, basta",
        "{funcionario} miente descaradamente, una vergüenza",
        "la policía no sirve para nada, tres robos en la cuadra y nadie vino",
        "{funcionario} es un chorro y un sinvergüenza, que devuelva lo que se robó",
        "andate a la mierda {funcionario}, nos estás fundiendo",
        "{funcionario} sos un sorete, con tu ajuste nos están matando",
        "qué asco de gestión, {funcionario} tiene que dar la cara",
    ], english: [
        "{funcionarioEn} is useless and should resign today",
        "this government is killing us with prices, enough",
        "{funcionarioEn} is a liar and a crook",
    ])

    static let protest = Family(name: "protest", category: nil, protected: true, spanish: [
        "marcha al Congreso el jueves a las 17, ¡todos a la plaza!",
        "paro y movilización hoy, nos vemos en el Obelisco a las 18",
        "cacerolazo esta noche a las 21 en todas las esquinas de {barrio}",
        "vamos a tomar la facultad hasta que nos escuchen",
        "ruidazo hoy 20hs contra los tarifazos, difundan",
        "todos a Plaza de Mayo, que se escuche fuerte #NiUnaMenos",
        "hoy marchamos por los jubilados, a las 17 en el Congreso",
        "corte en {avenida} por los despidos, sumate",
    ], english: [
        "march to Congress on Thursday at 5pm, bring signs",
        "general strike today, see you at the Obelisco at 6",
    ])

    static let journalism = Family(name: "journalism", category: nil, protected: true, spanish: [
        "URGENTE: balacera en {barrio}, dos heridos. Seguimos informando",
        "Informe: crecieron los robos en {barrio} según el Mapa del Delito",
        "Detuvieron a un hombre que amenazaba con un cuchillo a los pasajeros del subte {linea}",
        "Investigación: cómo operan las bandas que roban autos en {barrio}",
        "Detuvieron al que amenazó con poner una bomba en {lugar}",
        "Juicio por el crimen de {barrio}: el acusado dijo que 'lo iba a matar' antes del hecho",
    ], english: [
        "BREAKING: shooting reported in {barrio}, two injured",
        "Police arrest man who threatened to bomb {lugarEn}",
    ])

    static let satire = Family(name: "satire", category: nil, protected: true, spanish: [
        "ÚLTIMO MOMENTO: el gobierno anunció que los baches ahora son 'espacios de reflexión vial'",
        "Noticia: {funcionario} declaró que la inflación es un estado de ánimo",
        "Confirmado: el subte {linea} llegó a horario y los pasajeros pidieron asistencia psicológica",
        "Exclusivo: {funcionario} promete matar a la inflación 'con un decreto muy fuerte'",
    ], english: [
        "Satire: city announces potholes are now protected heritage sites",
    ])

    static let negation = Family(name: "negation", category: nil, protected: false, spanish: [
        "no lo voy a matar, tranqui, solo le voy a pedir la plata que me debe",
        "nunca le haría daño a nadie, no soy así",
        "ni en pedo le pego a un pibe, que quede claro",
        "no pienso ir a {lugar} a hacer quilombo, voy a comprar y listo",
    ], english: [
        "I'm not going to hurt anyone, relax",
        "I would never bring a gun anywhere, calm down",
    ])

    static let quote = Family(name: "quote", category: nil, protected: false, spanish: [
        "mi vecino me gritó 'te voy a matar' y lo denuncié en la comisaría",
        "el tipo le dijo 'te voy a prender fuego' y se fue, qué miedo",
        "en la serie el malo dice 'voy a volar la ciudad' y yo gritando",
    ], english: [
        "my neighbour yelled 'I'll kill you' so I called the police",
    ])

    static let hyperbole = Family(name: "hyperbole", category: nil, protected: false, spanish: [
        "me muero de risa con este video",
        "te mato si no venís al asado el sábado jaja",
        "este calor me está matando",
        "lo mato a mi hermano, se comió todas las medialunas",
        "mataste con ese outfit amiga",
        "me explota la cabeza con tanta tarea",
        "el jefe me va a matar, llegué tarde otra vez",
    ], english: [
        "this heat is killing me",
        "lol I'll kill you if you skip the party",
        "my boss is going to murder me, late again",
    ])

    static let football = Family(name: "football", category: nil, protected: false, spanish: [
        "los matamos el domingo, {equipo2} no existe",
        "hoy los vamos a reventar en el clásico, vamos {equipo}!!",
        "esta noche matamos o morimos, vamos {equipo}",
        "{equipo} los mató en el segundo tiempo, qué baile",
        "a {equipo2} lo vamos a hacer bolsa, el domingo fiesta",
    ], english: [
        "we destroyed them last night, {equipo} forever",
    ])

    static let gaming = Family(name: "gaming", category: nil, protected: false, spanish: [
        "anoche maté a 20 en el Fortnite jaja",
        "le volé la cabeza con la sniper, headshot",
        "me mataron mil veces en el Counter, estoy manco",
    ], english: [
        "killed 15 in Warzone last night",
        "headshot from across the map, I'm a god",
    ])

    static let lyrics = Family(name: "lyrics", category: nil, protected: false, spanish: [
        "cantando 'te voy a matar de amor' a los gritos en el bondi",
        "🎶 y va a explotar, va a explotar 🎶 temazo",
    ], english: [
        "🎶 we will, we will rock you 🎶 on repeat all day",
    ])

    static let ordinary = Family(name: "ordinary", category: nil, protected: false, spanish: [
        "qué lindo día para una birra en {barrio}",
        "alguien sabe si anda el subte {linea}?",
        "se cortó la luz en {barrio} otra vez",
        "el 60 no pasa nunca, llevo 40 minutos esperando",
        "recomienden pizzería en {barrio}",
        "hoy es el cumple de mi vieja, la amo",
        "qué quilombo el tránsito en {avenida}",
        "mañana hay paro de colectivos?",
        "che vendo bici rodado 26, casi nueva, zona {barrio}",
        "alguien vio un perro perdido en {barrio}? es marrón y se llama Toto",
        "tremendo el choripán de la costanera",
    ], english: [
        "anyone know a good parrilla in {barrio}?",
        "loving Buenos Aires in spring",
        "is the subway line {linea} running today?",
    ])

    static let slots: [String: [String]] = [
        "insulto": ["gil", "forro", "pelotudo", "rata", "hijo de puta", "mugriento", "boludo"],
        "hora": ["esta noche", "mañana a la salida", "el viernes", "cuando salgas del laburo", "hoy a las 20", "en un rato"],
        "persona": ["al vecino del 4B", "a mi ex", "al chorro ese", "al encargado", "al profe de mate", "al del kiosco", "al cuñado"],
        "lugar": ["la estación Constitución", "el shopping Abasto", "la escuela de la vuelta", "la comisaría", "el hospital Argerich",
                  "la facultad de Derecho", "la cancha", "el subte", "la terminal de Retiro", "el supermercado chino de la esquina"],
        "grupo": ["transas", "chorros", "pibes de la esquina", "trapitos", "de la barra"],
        "funcionario": ["el ministro de seguridad", "el jefe de gobierno", "la ministra", "el intendente", "el presidente",
                        "los diputados", "el comisario", "la vicejefa de gobierno"],
        "equipo": ["River", "Boca", "Racing", "Independiente", "San Lorenzo", "Huracán", "Vélez"],
        "equipo2": ["River", "Boca", "Racing", "Independiente", "San Lorenzo", "Huracán", "Vélez"],
        "linea": ["A", "B", "C", "D", "E", "H"],
        "avenida": ["Av. Corrientes", "Av. 9 de Julio", "Av. Rivadavia", "Av. Santa Fe", "Av. Cabildo", "Av. Libertador"],
        "insultEn": ["idiot", "scumbag", "loser"],
        "horaEn": ["tonight", "tomorrow", "on Friday", "after work", "at 8"],
        "personEn": ["my neighbour", "my ex", "that guy from the shop", "my manager"],
        "lugarEn": ["Constitución station", "the Abasto mall", "the school on the corner", "the police station", "Retiro bus terminal"],
        "grupoEn": ["dealers", "gang members", "squatters"],
        "funcionarioEn": ["the security minister", "the mayor", "the president"],
    ]

    static let threats = [threatPerson, threatPlace, weaponIntent, incitement]
    static let protectedFamilies = [criticism, protest, journalism, satire]
    static let hardNegatives = [negation, quote, hyperbole, football, gaming, lyrics]
}
