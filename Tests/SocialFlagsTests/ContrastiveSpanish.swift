import VigiaCore
@testable import SocialFlags

/// Rioplatense Spanish, written by hand for this suite.
enum ContrastiveSpanish {
    static var all: [ContrastiveCase] {
        [calls, elliptical, demands, orders, intent, weapons, explosives, protest, football, quotes, counterSpeech, hyperbole,
         fiction, criticism, context, spelling, neighbourhood, banter].flatMap(\.cases)
    }

    /// "hay que" / "habría que" / "tenemos que" + violent act + target, against "hay que" + anything else.
    static var calls: Family {
        var f = Family("deontic call", "es")
        f.flag(.incitement,
               "hay que matarlos a todos a estos motochorros",
               "habría que fusilarlos en la plaza del barrio",
               "hay q colgarlos de un poste a esos violadores",
               "tenemos que linchar al que le robó a la jubilada",
               "a esos transas hay que quemarles la casa",
               "lo que hay que hacer es prenderles fuego el rancho con ellos adentro",
               "hay que ir a buscar al juez a su casa y colgarlo",
               "deberíamos cagarlos a tiros uno por uno",
               "a los que entran a robar hay que recibirlos a balazos",
               "a riflazos hay que sacarlos de la toma",
               "hay que sacarlos a los tiros del barrio",
               "tendríamos que ir todos y reventarlos a palos",
               "la única solución es fusilarlos",
               "hay que meterles bala a todos",
               "hay que degollar a esos hijos de puta",
               "hay que tirarles una bomba y listo",
               "hay que apuñalar a ese tipo",
               "hay desaparecerlos a esos chorros",
               "vamos a tener que cagarlos a tiros si vuelven",
               "es hora de fusilar a los que mataron al pibe")
        f.pass("hay que votar bien la próxima vez",
               "hay que sacarlos con el voto en octubre",
               "hay que meterlos presos a todos y que devuelvan lo robado",
               "hay que bajar la inflación antes de las elecciones",
               "habría que quemar las naves y empezar de cero",
               "hay que ser muy caradura para decir eso en televisión",
               "tenemos que llenar la plaza el jueves",
               "hay que eliminar los impuestos al trabajo",
               "hay que matar el tiempo hasta que abra el registro",
               "hay que colgar la ropa antes de que llueva",
               "hay que ejecutar el presupuesto que aprobó la legislatura",
               "hay que dejar de matarnos entre argentinos")
        return f
    }

    /// Violent nouns as the whole reply, against the same nouns inside an opinion or an idiom.
    static var elliptical: Family {
        var f = Family("elliptical call", "es")
        f.flag(.incitement,
               "Bala.",
               "bala y listo",
               "Paredón.",
               "paredón y bala",
               "Guillotina!",
               "Horca para todos",
               "balas para todos esos",
               "Bala a toda la familia",
               "soga y plomo",
               "Fusilamiento ya",
               "a la hoguera",
               "un chorro, una bala",
               "balazo en la nuca al violador y fin",
               "Muerte a los chorros",
               "rifle sanitario",
               "se merecen un tiro en la cabeza",
               "lo que necesitan es plomo")
        f.pass("qué plomo este programa",
               "es un plomo tu primo",
               "ese pibe es una bala, corre como loco",
               "con una sola bala el abuelo resolvió lo que la justicia no pudo",
               "chaleco a prueba de balas para los policías, eso pedimos",
               "tiro libre en el último minuto",
               "alto el fuego en Gaza, por fin",
               "pena de muerte no hay en Argentina",
               "el paredón del fondo se está cayendo",
               "compré balas de salva para la obra de teatro de la escuela")
        return f
    }

    /// Punishment-by-violence demands ("que los maten") against non-violent punishment.
    static var demands: Family {
        var f = Family("punishment demand", "es")
        f.flag(.incitement,
               "que los maten a todos",
               "que lo cuelguen en la plaza",
               "que los fusilen de una vez",
               "que le peguen un tiro a ese violador",
               "que los quemen vivos",
               "pido que los fusilen a todos",
               "queremos que los cuelguen",
               "alguien que lo mate por favor",
               "no hay nadie que lo cague a tiros a este tipo?",
               "ojalá alguien le meta un tiro",
               "a nadie se le ocurrió fusilarlo todavía?",
               "por qué no los matan a todos y listo?",
               "y si los cagamos a tiros a todos?",
               "deberían ser fusilados en público",
               "los violadores tienen que ser colgados",
               "esos hijos de puta tienen que morir")
        f.pass("que los metan presos a todos",
               "que se pudran en la cárcel",
               "que devuelvan la plata que se robaron",
               "que renuncie ya el intendente",
               "que los echen del país",
               "los policías que matan por la espalda tienen que ir presos",
               "que les den perpetua",
               "ojalá que llueva mañana",
               "que se vayan todos")
        return f
    }

    /// Orders in the imperative, against imperatives that hurt no one.
    static var orders: Family {
        var f = Family("imperative", "es")
        f.flag(.incitement,
               "matalos a todos",
               "mátenlos a todos",
               "fusílenlos",
               "quémenlos vivos",
               "dale, colgalo de un árbol a ese violín",
               "bombardeá ese barrio de mierda",
               "cuélguenlos de los pies en la plaza",
               "fusilarlos a todos",
               "quememos la casa de ese transa",
               "a matarlos a todos, vamos")
        f.pass("matate de risa con este video",
               "colgalo en la pared del living que queda lindo",
               "quemá las calorías del asado con una caminata",
               "mandalo a la mierda y listo",
               "echalos de tu vida, amiga")
        return f
    }

    /// The author's own intent: "voy a", "mañana lo mato", future tense.
    static var intent: Family {
        var f = Family("first-person intent", "es")
        f.flag(.threatToPerson,
               "le voy a meter un cuchillo al ministro en el acto del viernes",
               "te voy a matar cuando salgas del laburo",
               "lo voy a reventar a trompadas al del 5C",
               "mañana lo mato a ese gil",
               "si lo agarro lo cago a palos",
               "te voy a romper la cabeza, forro",
               "voy a degollar a mi ex",
               "te voy a pegar un tiro en la cara",
               "te voy a prender fuego",
               "lo encuentro y le corto el cuello",
               "te mataré, lo juro")
        f.flag(.threatToPlace,
               "voy a prender fuego la comisaría esta noche",
               "mañana voy a ir a la escuela a disparar a todos",
               "voy a volar la estación Retiro el lunes",
               "pienso incendiar la municipalidad el viernes")
        f.flag(.incitement,
               "esta noche quemamos la casa del concejal, traigan nafta",
               "vamos a quemar la comisaría con todos adentro")
        f.clear(.negated,
                "no te voy a matar, tranqui",
                "nunca voy a lastimar a nadie",
                "no lo voy a cagar a palos, solo le voy a hablar",
                "ni en pedo voy a matar a alguien por plata")
        f.clear(.selfDirected,
                "me voy a pegar un tiro si repruebo otra vez",
                "me quiero matar, otro lunes")
        f.pass("lo voy a llamar mañana para arreglar",
               "voy a romper el chanchito para pagar el alquiler",
               "voy a quemar el disco de tanto escucharlo")
        return f
    }

    /// Weapons with a person, a place, a time or the victim's routine, against weapons in everyday life.
    static var weapons: Family {
        var f = Family("weapon", "es")
        f.flag(.weaponWithIntent,
               "tengo la 9mm cargada y sé a qué hora sale del colegio tu hija",
               "mañana a la mañana voy con el fierro a la escuela y no queda nadie",
               "conseguí un chumbo para el del kiosco",
               "llevo el cuchillo el viernes al colegio y el que se cruce cobra",
               "ya tengo la escopeta, mañana la uso con el vecino",
               "tengo el bufoso listo para vos, gil")
        f.pass("tengo un cuchillo nuevo para el asado del domingo",
               "me compré una escopeta para cazar en el campo",
               "el fierro del auto se rompió, qué bronca",
               "llevo la navaja suiza a todos lados para abrir el vino",
               "tengo que renovar la licencia del arma en la ANMaC",
               "Tranquilos, el fusil de la foto es de aire comprimido")
        return f
    }

    /// Explosives said to be in place, against news, pastry and pumps.
    static var explosives: Family {
        var f = Family("explosive", "es")
        f.flag(.threatToPlace,
               "dejé una mochila con explosivos en el subte línea C",
               "hay una bomba en el shopping, explota a las 18",
               "pusimos un explosivo en la facultad, tienen una hora",
               "puse una bomba en la terminal de Retiro")
        f.clear(.reported,
                "Detuvieron al hombre que dejó una mochila con explosivos en el subte",
                "URGENTE: evacuaron la estación por una amenaza de bomba")
        f.pass("dejé una bomba de chocolate en la heladera",
               "se rompió la bomba de agua del edificio",
               "esta torta es una bomba de calorías")
        return f
    }

    /// Protest language, never flagged; real attacks at a protest still are.
    static var protest: Family {
        var f = Family("protest", "es")
        f.clear(.protestIdiom,
                "vamos todos al Congreso a reventar la plaza de gente",
                "hay que prenderle fuego a las redes con el hashtag #MarchaFederal",
                "vamos a reventar las calles el 24 de marzo",
                "hay que incendiar las redes con el reclamo de los jubilados",
                "vamos a quemar gomas en el puente hasta que nos paguen")
        f.pass("hay que voltear a este gobierno en las urnas",
               "marcha al Congreso el jueves a las 17, todos a la plaza",
               "mañana paro y movilización, nos vemos en el Obelisco",
               "cacerolazo esta noche en todas las esquinas",
               "vamos a tomar la facultad hasta que nos escuchen",
               "a las urnas a sacarlos con el voto",
               "ruidazo a las 20 contra el tarifazo, difundan",
               "los vamos a echar con el voto, ya van a ver")
        f.flag(.incitement,
               "vamos todos a la marcha con fierros a matar canas",
               "en la plaza hay que cagar a tiros a los policías")
        return f
    }

    /// Football rivalry, against violence about football that names weapons.
    static var football: Family {
        var f = Family("football", "es")
        f.clear(.sports,
                "el domingo los vamos a matar, bosteros, preparen los pañuelos",
                "hoy los reventamos en el clásico",
                "a las gallinas las vamos a matar el domingo",
                "los vamos a matar en la cancha, vamos Racing",
                "los matamos el domingo en el superclásico")
        f.flag(.incitement,
               "el domingo vamos a la cancha a cagar a tiros a los bosteros")
        f.flag(.weaponWithIntent,
               "llevo el fierro a la cancha el domingo para los de la barra")
        return f
    }

    /// Own threats against quotes and reports of someone else's.
    static var quotes: Family {
        var f = Family("quote or report", "es")
        f.clear(.quoted,
                "mi vecino me gritó \"te voy a matar\" y llamé al 911",
                "el tipo me dijo 'hay que matarlos a todos' y me fui")
        f.clear(.reported,
                "el acusado dijo que hay que matarlos a todos",
                "según el fiscal, el detenido quería fusilar a los vecinos",
                "Detuvieron a un hombre que pedía colgar a la jueza")
        f.pass("lo mataron a balazos en la puerta de su casa",
               "le pegaron un tiro al remisero anoche en Lanús",
               "ayer quemaron un colectivo en la autopista",
               "la policía lo baleó cuando escapaba")
        f.flag(.incitement, "hay que matarlos a todos, lo digo en serio")
        return f
    }

    /// Counter-speech: posts that name a call to reject it.
    static var counterSpeech: Family {
        var f = Family("counter-speech", "es")
        f.clear(.counterSpeech,
                "los que piden bala no entienden nada, la violencia no es la solución",
                "decir que hay que matarlos no es la solución",
                "repudio a los que dicen que hay que fusilar a los presos",
                "pedir que los maten es apología del delito")
        f.clear(.negated,
                "no hay que matar a nadie, hay que juzgarlos",
                "nadie tiene que fusilar a nadie")
        f.pass("la violencia nunca es el camino, que actúe la justicia")
        return f
    }

    /// Hyperbole and self-directed words.
    static var hyperbole: Family {
        var f = Family("hyperbole", "es")
        f.clear(.hyperbole,
                "te voy a matar a besos cuando vuelvas",
                "lo voy a matar de risa con este meme")
        f.clear(.banter, "te mato si no venís al asado jaja")
        f.clear(.abstractObject,
                "vamos a matar la inflación con este plan",
                "hay que matar el aburrimiento con un buen libro")
        f.pass("me muero de risa con este video",
               "este calor me está matando",
               "me mata que no contestes los mensajes",
               "mi vieja me va a matar cuando vea las notas",
               "me explota la cabeza con tanta tarea",
               "mataste con ese vestido amiga",
               "la rompiste en el examen")
        return f
    }

    /// Songs, films, books and games.
    static var fiction: Family {
        var f = Family("fiction, song, game", "es")
        f.clear(.song,
                "🎶 te voy a matar de amor 🎶",
                "cantando a los gritos vamos a matar en el recital")
        f.clear(.fiction, "en la serie el malo dice que va a volar la ciudad y yo gritando")
        f.clear(.game, "anoche en el Counter los vamos a matar a todos jaja")
        f.pass("me mataron mil veces en el Fortnite, estoy manco",
               "le volé la cabeza con la sniper, headshot")
        return f
    }

    /// Criticism of officials and governments, however harsh: never flagged.
    static var criticism: Family {
        var f = Family("criticism", "es")
        f.pass("el ministro es un inútil y un chorro, que renuncie",
               "este gobierno nos está matando con los impuestos",
               "la vicepresidenta es una delincuente y tiene que ir presa",
               "el intendente es un sorete, no hizo nada por el barrio",
               "estos políticos nos están matando de hambre",
               "basta de ajuste, el presidente nos está fundiendo",
               "la oposición es una banda de mentirosos",
               "hay que sacar a patadas a estos corruptos en las próximas elecciones",
               "andate a la mierda con tu reforma",
               "que se vayan todos, chorros",
               "la ministra miente descaradamente",
               "los diputados votaron contra los jubilados, traidores")
        return f
    }

    /// Posts read with what they answer.
    static var context: Family {
        var f = Family("context", "es")
        f.flag(.incitement, "Plomo.", context: "Un motochorro asesinó a un jubilado para robarle la jubilación")
        f.pass("Plomo.", context: "Cinco horas de discurso en la apertura de sesiones")
        f.clear(.sports, "los vamos a matar", context: "Se viene el superclásico: River y Boca el domingo en el Monumental")
        f.flag(.incitement, "Bala.", context: "Liberaron al violador de Palermo por un error judicial")
        f.clear(.sports, "Bala!", context: "Mirá el gol de Messi corriendo desde mitad de cancha")
        f.flag(.incitement, "hay que colgarlos", context: "Detuvieron a dos violadores que atacaban en Palermo")
        return f
    }

    /// Lunfardo, typos, elongations and emoji.
    static var spelling: Family {
        var f = Family("spelling", "es")
        f.flag(.incitement,
               "hay q cagarlos a tiroooos",
               "BALAAAA",
               "hay que m4t4rl0s a todos",
               "hay que matarlosss a todos",
               "a cuetazos hay que sacarlos a esos",
               "🔫🔫 hay que darles bala")
        f.flag(.threatToPerson,
               "te voy a apuñaalr",
               "te voy a matarrr hdp")
        f.pass("qué lindo día para un mate en la costanera",
               "la bala de la fiesta era de cotillón jaja")
        return f
    }

    /// Neighbourhood feuds and crime news replies: threats and calls in everyday words, against complaints.
    static var neighbourhood: Family {
        var f = Family("neighbourhood", "es")
        f.flag(.incitement,
               "al próximo motochorro que agarren hay que lincharlo",
               "a ese transa de la esquina hay que prenderle fuego el búnker",
               "vecinos, si vuelve el chorro lo cagamos a palos entre todos, quién se prende",
               "que alguien le pegue un tiro a ese violador",
               "tendrían que haberlo fusilado ahí mismo")
        f.flag(.threatToPerson,
               "sé dónde vivís, cuidate",
               "sos boleta, ya sabemos a qué hora salís",
               "vas a aparecer en una zanja, gil")
        f.pass("el vecino del 3B pone la música a full, no se aguanta más",
               "otra vez me robaron la bici, basta de inseguridad",
               "que la policía haga algo con los motochorros",
               "ojalá lo agarren y lo metan preso",
               "el chorro que mató al kiosquero tiene que pudrirse en la cárcel",
               "lástima que lo soltaron, la justicia no sirve")
        return f
    }

    /// Laughter, affection and exaggeration among friends, against the same words with a plan.
    static var banter: Family {
        var f = Family("banter", "es")
        f.clear(.banter,
                "te mato si te comés la última empanada jajaja",
                "lo mato si llega tarde otra vez jaja")
        f.pass("jajaja sos un asesino con esos chistes",
               "me mataste con ese audio 😂",
               "estoy muerta de cansancio",
               "te re mato amiga, te quiero")
        f.flag(.threatToPerson, "mañana te voy a pegar un tiro jaja vas a ver")
        return f
    }
}
