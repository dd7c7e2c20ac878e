import Foundation

/// Where the database lives when `--db` is not given:
/// `$XDG_DATA_HOME/vigia/vigia.sqlite`, else `~/.local/share/vigia/vigia.sqlite`.
public enum DefaultLocation {
    public static func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base as NSString).appendingPathComponent("vigia") as NSString).appendingPathComponent("vigia.sqlite")
    }
}
