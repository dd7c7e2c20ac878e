import VigiaCore

/// Word lists for fictional people, handles and places. Every watchlist name
/// is a random combination and is marked fictional in the file.
enum SampleNames {
    static let firstNames = [
        "Juan", "Carlos", "Jorge", "Luis", "Miguel", "José", "Diego", "Martín", "Pablo", "Sebastián", "Alejandro",
        "Matías", "Nicolás", "Facundo", "Gonzalo", "Lucas", "Federico", "Ramiro", "Hernán", "Marcelo", "Claudio",
        "Gustavo", "Sergio", "Rodrigo", "Maximiliano", "Ezequiel", "Leandro", "Damián", "Cristian", "Walter",
        "María", "Ana", "Laura", "Silvia", "Gabriela", "Valeria", "Carolina", "Florencia", "Paula", "Romina",
        "Natalia", "Lorena", "Verónica", "Mariana", "Sofía", "Camila", "Micaela", "Agustina", "Julieta", "Daiana",
    ]
    static let surnames = [
        "González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez", "Pérez", "García", "Sánchez",
        "Romero", "Sosa", "Álvarez", "Torres", "Ruiz", "Ramírez", "Flores", "Acosta", "Benítez", "Medina",
        "Suárez", "Herrera", "Aguirre", "Pereyra", "Gutiérrez", "Giménez", "Molina", "Silva", "Castro", "Rojas",
        "Ortiz", "Núñez", "Luna", "Juárez", "Cabrera", "Ríos", "Ferreyra", "Godoy", "Morales", "Domínguez",
        "Moreno", "Peralta", "Vega", "Carrizo", "Quiroga", "Castillo", "Ledesma", "Muñoz", "Ojeda", "Ponce",
        "Vera", "Vázquez", "Villalba", "Cardozo", "Navarro", "Ramos", "Arias", "Coronel", "Córdoba", "Figueroa",
    ]
    static let offences = [
        "robo agravado por uso de arma", "homicidio", "homicidio en grado de tentativa", "abuso sexual con acceso carnal",
        "secuestro extorsivo", "tráfico de estupefacientes", "evasión", "lesiones graves", "robo en poblado y en banda",
        "privación ilegítima de la libertad", "trata de personas", "asociación ilícita",
    ]

    static func court(_ random: inout SeededRandom) -> String {
        random.chance(0.75)
            ? "Juzgado Nacional en lo Criminal y Correccional N.º \(random.int(in: 1...63))"
            : "Juzgado Nacional en lo Criminal y Correccional Federal N.º \(random.int(in: 1...12))"
    }

    /// Streets and avenues per comuna, for plausible camera names.
    static let streetsByComuna: [String: [String]] = [
        "1": ["Av. Corrientes", "Florida", "Av. de Mayo", "Lavalle", "Tucumán", "Bolívar", "Defensa", "Av. Independencia", "Av. Belgrano", "Av. Alicia Moreau de Justo", "Av. Brasil", "Av. Santa Fe"],
        "2": ["Av. Santa Fe", "Av. Callao", "Av. Pueyrredón", "Av. Las Heras", "Junín", "Ayacucho", "Av. Coronel Díaz", "Av. Córdoba"],
        "3": ["Av. Rivadavia", "Av. Corrientes", "Av. Pueyrredón", "Av. Jujuy", "Av. Entre Ríos", "Av. San Juan", "Av. Independencia", "Av. Belgrano"],
        "4": ["Av. Almirante Brown", "Av. Caseros", "Av. Montes de Oca", "Av. Sáenz", "Av. Amancio Alcorta", "Av. Iriarte", "Av. Regimiento de Patricios", "Av. Vélez Sarsfield"],
        "5": ["Av. Corrientes", "Av. Rivadavia", "Av. Boedo", "Av. Medrano", "Av. Díaz Vélez", "Av. La Plata", "Av. San Juan", "Av. Independencia"],
        "6": ["Av. Rivadavia", "Av. Acoyte", "Av. Pedro Goyena", "Av. José María Moreno", "Av. Díaz Vélez", "Av. La Plata", "Av. Avellaneda"],
        "7": ["Av. Rivadavia", "Av. Carabobo", "Av. Directorio", "Av. Eva Perón", "Av. Nazca", "Av. Avellaneda", "Av. Varela"],
        "8": ["Av. Roca", "Av. Castañares", "Av. Cruz", "Av. Escalada", "Av. Riestra", "Av. General Paz", "Av. Larrazábal"],
        "9": ["Av. Rivadavia", "Av. Juan B. Alberdi", "Av. Lisandro de la Torre", "Av. Directorio", "Av. Emilio Castro", "Av. Eva Perón"],
        "10": ["Av. Rivadavia", "Av. Avellaneda", "Av. Álvarez Jonte", "Av. Juan B. Justo", "Av. Segurola", "Av. Gaona", "Av. Lope de Vega"],
        "11": ["Av. Francisco Beiró", "Av. San Martín", "Av. Nazca", "Av. Lope de Vega", "Av. Gaona", "Av. Segurola", "Av. Salvador María del Carril"],
        "12": ["Av. Triunvirato", "Av. Congreso", "Av. Monroe", "Av. Ricardo Balbín", "Av. Crisólogo Larralde", "Av. de los Constituyentes", "Av. Olazábal"],
        "13": ["Av. Cabildo", "Av. Juramento", "Av. Congreso", "Av. del Libertador", "Av. Monroe", "Av. Elcano", "Av. Federico Lacroze"],
        "14": ["Av. Santa Fe", "Av. Córdoba", "Av. Scalabrini Ortiz", "Av. Juan B. Justo", "Av. Coronel Díaz", "Thames", "Gurruchaga", "Av. del Libertador"],
        "15": ["Av. Corrientes", "Av. Dorrego", "Av. Federico Lacroze", "Av. Warnes", "Av. Triunvirato", "Av. San Martín", "Av. Álvarez Thomas"],
    ]

    /// Stations and squares: busy places with crowd counts and face analytics.
    static let places: [(name: String, lat: Double, lon: Double, zones: [String])] = [
        ("Estación Constitución", -34.6276, -58.3811, ["entrance", "hall", "platform"]),
        ("Plaza Miserere (Once)", -34.6090, -58.4060, ["plaza", "entrance", "sidewalk"]),
        ("Estación Retiro", -34.5910, -58.3740, ["entrance", "hall", "platform"]),
        ("Plaza de Mayo", -34.6083, -58.3712, ["plaza", "sidewalk"]),
        ("Obelisco", -34.6037, -58.3816, ["plaza", "crossing"]),
        ("Plaza Flores", -34.6283, -58.4634, ["plaza", "sidewalk"]),
        ("Estación Belgrano C", -34.5627, -58.4560, ["entrance", "platform"]),
        ("Plaza Italia", -34.5810, -58.4210, ["plaza", "crossing"]),
        ("Parque Centenario", -34.6065, -58.4357, ["plaza", "sidewalk"]),
        ("Estación Federico Lacroze", -34.5870, -58.4550, ["entrance", "platform"]),
        ("Estación Liniers", -34.6417, -58.5248, ["entrance", "platform"]),
        ("Plaza del Congreso", -34.6096, -58.3925, ["plaza", "sidewalk"]),
    ]
}
