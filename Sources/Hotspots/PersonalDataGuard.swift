import VigiaCore

/// Refuses incident files with columns about people (safeguard 7): the
/// hotspot engine forecasts places and must never hold who was involved.
public enum PersonalDataGuard {
    /// Words that, in a column name, mean the column is about a person.
    static let personalWords: Set<String> = [
        "name", "nombre", "nombres", "apellido", "apellidos", "surname", "firstname", "lastname", "fullname",
        "dni", "documento", "document", "doc", "pasaporte", "passport", "cuit", "cuil", "ssn", "nif",
        "telefono", "phone", "celular", "mobile", "movil", "email", "mail", "correo",
        "domicilio", "home", "residencia",
        "sospechoso", "suspect", "imputado", "acusado", "offender", "agresor", "autor", "perpetrator",
        "detenido", "arrestado", "arrested", "victima", "victim", "denunciante", "complainant",
        "nacimiento", "birth", "birthdate", "dob", "edad", "age", "sexo", "sex", "genero", "gender",
        "etnia", "ethnicity", "race", "raza", "nacionalidad", "nationality", "person", "persona",
    ]
    /// Words that make a column about a place even with a personal word in it (`nombre_barrio`).
    static let placeWords: Set<String> = [
        "barrio", "calle", "street", "lugar", "place", "comuna", "district", "estacion", "station",
        "tipo", "type", "delito", "crime", "zona", "zone", "localidad", "partido", "city", "ciudad",
    ]

    /// The columns of `header` that identify or describe people.
    public static func personalColumns(in header: [String]) -> [String] {
        header.filter { column in
            let words = NameFolding.tokens(column)
            let personal = words.contains { personalWords.contains($0) }
                || words.joined().contains("apellido") || words.joined().hasPrefix("nrodoc")
            return personal && !words.contains { placeWords.contains($0) }
        }
    }
}
