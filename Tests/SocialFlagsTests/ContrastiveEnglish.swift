import VigiaCore
@testable import SocialFlags

/// English, written by hand in the manner of online comments: incitement
/// against harsh but non-violent ones, and everyday violent words.
enum ContrastiveEnglish {
    static var all: [ContrastiveCase] {
        [calls, passive, orders, intent, weapons, explosives, harsh, everyday, quotes, counterSpeech, sports, fiction, protest, comments]
            .flatMap(\.cases)
    }

    static var calls: Family {
        var f = Family("call", "en")
        f.flag(.incitement,
               "we need to kill every last one of them",
               "someone should shoot that judge",
               "somebody needs to put a bullet in his head",
               "we should burn their houses down",
               "let's hang them all from the bridge",
               "time to slaughter these animals, they are not human",
               "the only solution is to exterminate them",
               "someone has to stab that pedo before he does it again",
               "we gotta lynch those rapists",
               "why don't we just shoot them at the border",
               "they should kill all the immigrants",
               "I hope someone murders him",
               "we must wipe them out",
               "death to the traitors",
               "someone needs to beat him to death",
               "we should line them up against the wall and shoot them")
        f.pass("we need to vote them out in November",
               "someone should fire that judge",
               "we should deport criminals faster",
               "let's hang out after work",
               "time to kill some time before the flight",
               "the only solution is better schools",
               "someone has to stop this madness at the ballot box",
               "we must win the next election")
        return f
    }

    static var passive: Family {
        var f = Family("passive demand", "en")
        f.flag(.incitement,
               "they should all be shot",
               "those people deserve to be hanged",
               "pedophiles need to be executed publicly",
               "every rapist should be castrated",
               "these terrorists must be exterminated",
               "he deserves to be stoned to death",
               "they deserve to die",
               "those animals should die",
               "all of them should be burned alive",
               "I hope they get shot")
        f.pass("the bill should be killed in committee",
               "this movie should be shot in Patagonia",
               "the painting should be hung in the hall",
               "the old rules must die",
               "the law should be executed fairly",
               "they should be arrested and tried",
               "he deserves to be fired",
               "those politicians should be voted out")
        return f
    }

    static var orders: Family {
        var f = Family("order", "en")
        f.flag(.incitement,
               "kill them all",
               "shoot them",
               "hang them",
               "burn them",
               "kill all the pedophiles",
               "nuke them",
               "gas them")
        f.clear(.selfDirected, "kill me now, this meeting never ends", "shoot me a text when you land")
        f.clear(.abstractObject, "kill the lights when you leave", "kill the process and restart the server")
        f.pass("burn the midnight oil", "hang in there, buddy")
        return f
    }

    static var intent: Family {
        var f = Family("intent", "en")
        f.flag(.threatToPerson,
               "I'm gonna stab the judge when he leaves court on Friday",
               "I will kill you if I see you again",
               "I'm going to shoot my boss tomorrow",
               "I'm going to beat the shit out of him",
               "i will find you and i will kill you",
               "imma stab that snitch",
               "I'll kill her tonight",
               "I want to murder my neighbor")
        f.flag(.threatToPlace,
               "I'm going to burn the school down tomorrow",
               "I'm going to blow up the courthouse on Monday",
               "going to the mall tonight to shoot everyone there")
        f.clear(.negated,
                "I'm not going to hurt anyone",
                "I would never kill anybody",
                "I won't hurt you, I promise")
        f.clear(.hyperbole, "I'm going to kill him with kindness")
        f.clear(.banter, "lol I'll kill you if you spoil the ending")
        f.pass("I'm going to kill it at the interview", "I'm gonna shoot my shot with her", "I'll burn a CD for the road trip")
        return f
    }

    static var weapons: Family {
        var f = Family("weapon", "en")
        f.flag(.weaponWithIntent,
               "got the gun loaded, I know where you live",
               "bringing my rifle to school tomorrow, whoever is there gets it",
               "I bought a knife for my ex",
               "carrying my glock to the office on Monday, nobody survives")
        f.pass("I bought a knife for the kitchen",
               "got a new rifle for deer hunting season",
               "bringing my gun to the range this weekend",
               "the knife is dull, need a new one for cooking")
        return f
    }

    static var explosives: Family {
        var f = Family("explosive", "en")
        f.flag(.threatToPlace,
               "there's a bomb in the mall, it goes off at noon",
               "I planted a bomb at the station",
               "we left explosives in the stadium tonight")
        f.clear(.reported,
                "Police arrested a man who planted a bomb at the station",
                "BREAKING: bomb threat at the airport, terminal evacuated")
        f.pass("this song is the bomb", "the movie bombed at the box office", "that party was a bomb")
        return f
    }

    /// Harsh, insulting, hateful even, but no violence asked for.
    static var harsh: Family {
        var f = Family("harsh non-violent", "en")
        f.pass("these politicians are scum and liars",
               "the mayor is a useless crook",
               "this government is killing small businesses",
               "what a pathetic excuse for a president",
               "lock them all up and throw away the key",
               "deport every single one of them",
               "they are parasites living off our taxes",
               "the senator is a disgrace, resign now",
               "I hate these people so much",
               "go to hell, all of you",
               "you are an idiot and a clown",
               "the cops are corrupt thugs",
               "ban them from the country",
               "shut the border now",
               "fire the whole police department")
        return f
    }

    static var everyday: Family {
        var f = Family("everyday", "en")
        f.pass("this heat is killing me",
               "I'm dying of laughter",
               "my boss is going to murder me, late again",
               "I could kill for a burger right now",
               "you killed it on stage last night",
               "she slayed that performance",
               "that exam destroyed me",
               "the traffic is murder today",
               "my phone is blowing up",
               "we shot the video in one take",
               "they executed the plan perfectly",
               "burn the old files before you leave",
               "hang the picture next to the window",
               "I'm dead 💀 that meme")
        return f
    }

    static var quotes: Family {
        var f = Family("quote or report", "en")
        f.clear(.quoted,
                "he yelled \"I'll kill you\" and I called the cops",
                "my neighbour said 'we should burn their houses down' and I left")
        f.clear(.reported,
                "the suspect told police he wanted to kill his boss",
                "according to the prosecutor, he said someone should shoot the judge")
        f.pass("a man was shot dead downtown last night", "they burned three cars during the riot")
        return f
    }

    static var counterSpeech: Family {
        var f = Family("counter-speech", "en")
        f.clear(.counterSpeech,
                "people who say we should kill them are the real problem",
                "violence is not the answer, killing them is not the answer",
                "I condemn anyone calling for them to be shot")
        f.clear(.negated, "no one should be killed for their beliefs", "nobody deserves to be shot")
        return f
    }

    static var sports: Family {
        var f = Family("sports", "en")
        f.clear(.sports,
                "we're going to kill them in the final on Sunday",
                "let's kill them tonight, team, the final is ours")
        f.pass("we destroyed them last night in the league", "we're gonna destroy them, the match is ours")
        return f
    }

    static var fiction: Family {
        var f = Family("fiction and games", "en")
        f.clear(.fiction, "in the movie the villain says he'll blow up the city")
        f.clear(.song, "🎶 we will, we will kill you 🎶")
        f.clear(.game, "let's kill the boss in the next level")
        f.pass("killed 15 in Warzone last night")
        return f
    }

    static var protest: Family {
        var f = Family("protest", "en")
        f.pass("march to City Hall on Thursday, bring signs",
               "general strike today, see you at the square",
               "let's flood the streets on Saturday",
               "we will vote them out, no more silence",
               "let's blow up the hashtag tonight")
        f.flag(.incitement, "let's go to the march with guns and kill the cops")
        return f
    }

    /// Comment-section incitement against comment-section contempt.
    static var comments: Family {
        var f = Family("comments", "en")
        f.flag(.incitement,
               "round them up and shoot them",
               "string them up from the nearest tree",
               "throw them off a roof",
               "they all need to be put down like dogs",
               "every single one of them should be hanged",
               "we should just nuke the whole country",
               "someone go stab him already",
               "burn them alive, all of them",
               "they deserve a bullet",
               "I want them all dead")
        f.flag(.threatToPerson,
               "I know where you live and I'm going to kill you",
               "you're dead, watch your back, I know where you live")
        f.pass("they should all be ashamed of themselves",
               "I wish these people would just leave",
               "send them all back where they came from",
               "this comment section is a dumpster fire",
               "those people are a disease on society",
               "vote every one of them out",
               "they deserve to lose everything in court",
               "you deserve a medal for this",
               "she killed it with that answer",
               "the crowd went wild, we slaughtered them 5-0 in the match")
        return f
    }
}
