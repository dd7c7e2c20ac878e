import ArgumentParser
import Engine
import Foundation
import SampleData

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample", abstract: "Rebuild or check the synthetic sample data.",
        subcommands: [Generate.self, Check.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every synthetic sample file from a seed, byte for byte the same each time.",
            discussion: "The shipped files come from --seed 2018 with the default sizes. Larger sizes serve the benchmarks.")
        @Option(help: "The random seed.") var seed: UInt64 = 2018
        @Option(help: "Where to write the files.", completion: .directory) var out: String
        @Option(name: .customLong("watchlist-size"), help: "Watchlist entries (1–3 templates each).") var watchlistSize: Int = 2_000
        @Option(help: "Face probes during the shift.") var probes: Int = 1_600
        @Option(name: .customLong("calibration-size"), help: "Non-mated searches in the calibration set.") var calibrationSize: Int = 20_000
        @Option(name: .customLong("sample-data"), help: "Where the real Buenos Aires files are (found automatically).", completion: .directory)
        var sampleData: String?

        func validate() throws {
            guard (1...1_000_000).contains(watchlistSize) else { throw ValidationError("--watchlist-size must be 1 to 1,000,000") }
            guard (20...10_000_000).contains(probes) else { throw ValidationError("--probes must be 20 to 10,000,000") }
            guard (0...10_000_000).contains(calibrationSize) else { throw ValidationError("--calibration-size must be 0 to 10,000,000") }
        }

        func run() throws {
            var options = SampleGenerator.Options()
            options.seed = seed
            options.watchlistSize = watchlistSize
            options.shiftProbes = probes
            options.calibrationNonMated = calibrationSize
            options.calibrationMated = calibrationSize / 10
            let generator = try SampleGenerator(options: options, realData: try SampleFolder.locate(explicit: sampleData))
            let folder = URL(fileURLWithPath: out)
            try generator.generate(into: folder)
            print("wrote \(SampleGenerator.files.joined(separator: ", ")) to \(folder.path)")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a sample-data folder against the schemas; report problems with file and line.")
        @Argument(help: "The folder to check.", completion: .directory) var folder: String
        @Option(help: "text or json") var format: OutputFormat = .text

        func run() throws {
            let report = SampleChecker(timeZone: try TimeZone.named(TimeParser.defaultTimeZoneIdentifier), ordersAt: SampleGenerator.shiftStart)
                .check(URL(fileURLWithPath: folder))
            if format == .json {
                print(CanonicalJSON.object([
                    "valid": .bool(report.isValid),
                    "errors": .array(report.errors.map { .string($0.description) }),
                    "notices": .array(report.notices.map { .string($0.description) }),
                    "counts": .object(report.counts.mapValues { .int(Int64($0)) }),
                ]).text)
            } else {
                for (name, n) in report.counts.sorted(by: { $0.key < $1.key }) { print("\(name): \(n)") }
                // Out-of-scope entries are expected in the sample: summarise them by kind.
                var kinds: [String: [String]] = [:]
                for n in report.notices {
                    let parts = n.message.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    kinds["\(n.file): \(parts.last ?? n.message)", default: []].append(parts.first ?? "")
                }
                for (kind, ids) in kinds.sorted(by: { $0.key < $1.key }) {
                    let shown = ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? ", …" : "")
                    print("notice: \(ids.count) × \(kind) (\(shown))")
                }
                for e in report.errors { Output.error(e.description) }
                print(report.isValid ? "sample data valid" : "sample data INVALID: \(report.errors.count) problems")
            }
            if !report.isValid { throw ExitCode(1) }
        }
    }
}
