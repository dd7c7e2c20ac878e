import VigiaCore
@testable import SocialFlags

/// Posts written after the rules were, to check them rather than fit them,
/// the policy decisions the suite pins, and the calls the rules still miss.
enum ContrastiveChecks {
    static var all: [ContrastiveCase] { [replies, moreComments, policy].flatMap(\.cases) }

    /// Replies to news written after the rules, as a check on them, against the same words in opinion, news, sport and idiom.
    static var replies: Family {
        var f = Family("replies", "es")
        f.flag(.incitement,
               "Hay que agarrarlos y colgarlos de los huevos",
               "A estos hay que cortarles la cabeza",
               "Que los cuelguen en la 9 de julio",
               "Chumbo y a la bolsa",
               "hay q fumigarlos a todos esos okupas",
               "Tendrían que meterles un tiro en la frente",
               "Fusilamiento público ya",
               "Que les vuelen la cabeza",
               "Y por qué no le pegan un tiro?",
               "matenlos a todos a estos hdp",
               "La solución es bala",
               "Ni juicio ni nada, paredón",
               "Que los prendan fuego vivos",
               "Hay que reventarlos a palazos",
               "Bala bala bala",
               "Alguien que le ponga una bomba a ese lugar",
               "Que los maten como a perros",
               "Justicia por mano propia hay que hacer",
               "Hay que matar a todos los chinos",
               "Todos los chinos al paredón",
               "Que vuelvan los fusilamientos",
               "Pegarle un tiro y listo",
               "ojala los maten a todos en la cárcel",
               "Los vecinos deberían lincharlo",
               "Hay que desaparecerlos a todos como en el 76")
        f.flag(.threatToPerson,
               "Si yo lo agarro lo mato")
        f.flag(.weaponWithIntent,
               "Hay que ir con fierros y sacarlos a todos")
        f.pass("Hay que matar la burocracia del estado",
               "Este gobierno hay que voltearlo en las urnas",
               "Los vamos a reventar en las elecciones",
               "Que se mueran de envidia los kukas",
               "Hay que quemar todo lo que dijo este ministro, no sirve nada",
               "Bala de goma dispararon ayer en la marcha, vergüenza",
               "La policía reprimió con balas de goma a los jubilados",
               "Con este gobierno nos quieren matar de hambre",
               "Hay que colgar carteles en todas las esquinas",
               "Lo mataron por un celular, qué tristeza",
               "Me quiero pegar un tiro cada vez que lo escucho hablar",
               "Fusilaron a 30 en la dictadura, nunca más",
               "Ese tipo es un asesino serial de la lengua",
               "Hay que liquidar el stock antes de fin de mes",
               "Que lo cuelguen en el salón de la fama",
               "Vamos a prenderle fuego a la noche en el boliche",
               "El ministro nos está fusilando con impuestos",
               "Hay que eliminar las PASO",
               "Esto es una bomba de tiempo económica",
               "Qué bala ese pibe, corre como loco",
               "Balacera en Rosario, dos muertos",
               "Hay que sacarlos del gobierno con votos",
               "Vamos a matarnos estudiando para el final",
               "Hay que bombardear las redes con el reclamo",
               "Paredón del cementerio se cayó",
               "Tremendo tiro libre de Messi",
               "La película termina cuando el asesino mata a todos",
               "Hay que romper el molde de la política tradicional",
               "Me voy a matar de risa con este programa",
               "No hay que matar a nadie, hay que educar")
        return f
    }

    /// Comments written after the rules, as a check on them, against everyday and hateful-but-not-violent ones.
    static var moreComments: Family {
        var f = Family("moreComments", "en")
        f.flag(.incitement,
               "Kill all of them, every single one",
               "These savages should be wiped off the face of the earth",
               "Someone please put this animal down",
               "Hang the traitors",
               "They need to be gassed",
               "Muslims should be killed",
               "I hope someone stabs him in the neck",
               "Put them all in front of a firing squad",
               "We should round them up and burn them",
               "Beat him until he can't walk",
               "Drown them all in the river",
               "Shoot them on sight",
               "Death to all of them",
               "Execute them publicly",
               "They must all die",
               "Women like her deserve to be beaten",
               "Bomb their country back to the stone age",
               "Just shoot the bastards",
               "Somebody should lynch that guy",
               "Slaughter them like pigs")
        f.flag(.threatToPerson,
               "I would shoot every one of them if I could",
               "If I ever see him I will kill him",
               "I'll beat you to death")
        f.pass("These people are disgusting and should go back",
               "I can't stand feminists, they are ridiculous",
               "Muslims are taking over Europe",
               "This is the dumbest video I've ever seen",
               "You're a moron and your channel sucks",
               "Women belong in the kitchen",
               "I hate this song so much it kills me",
               "Gays shouldn't be allowed to adopt",
               "Send them all back to their country",
               "What a bunch of losers",
               "The referee killed the game",
               "Shoot, I forgot my keys",
               "He got shot down by the girl lol",
               "That guy is a killer on the guitar",
               "We need to execute this plan tomorrow",
               "Let's burn through the backlog this week",
               "This bill needs to die in the senate",
               "I'm going to hang this poster in my room",
               "Nuke the leftovers for two minutes",
               "Blow up the balloons before the party",
               "I'd kill to have her voice",
               "She murdered that song, amazing",
               "Beat the eggs and add sugar",
               "Stab the potatoes with a fork before baking",
               "You should shoot the video in daylight")
        return f
    }

    /// Asking for a lawful punishment, the death penalty included, is an
    /// opinion about the law (safeguard 6); asking for a killing is not.
    static var policy: Family {
        var f = Family("policy opinion", "es")
        f.pass("Pena de muerte para los violadores",
               "pena de muerte ya, basta de impunidad",
               "que vuelva la pena de muerte para los asesinos",
               "cadena perpetua y que no salgan nunca más")
        f.flag(.incitement, "pena de muerte no, directamente hay que fusilarlos")
        return f
    }

    /// Calls the rules do not catch yet, kept here so the day they do, the test says so.
    static let knownMisses: [ContrastiveCase] = [
        ContrastiveCase(family: "known miss", language: "es", text: "Plomo, nada más", context: nil, expect: .flag(.incitement)),
        ContrastiveCase(family: "known miss", language: "es", text: "Habría que tirarles con todo", context: nil, expect: .flag(.incitement)),
        ContrastiveCase(family: "known miss", language: "es", text: "Destruir China ya", context: nil, expect: .flag(.incitement)),
        ContrastiveCase(family: "known miss", language: "en", text: "Go kill yourself you worthless pig", context: nil, expect: .flag(.incitement)),
        ContrastiveCase(family: "known miss", language: "en", text: "The only good one is a dead one", context: nil, expect: .flag(.incitement))
    ]
}
