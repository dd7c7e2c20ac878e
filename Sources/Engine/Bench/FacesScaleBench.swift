import Dispatch
import FaceMatch
import Foundation
import VigiaCore

/// The national-size case: a million templates written to a SQLite store by
/// one child process, then loaded the way the engine loads them
/// (`storedWatchlistIndex()`, compact storage) and searched by another, so
/// that the second one's VmHWM is the load and the searches alone.
public enum FacesScaleBench {
    static let probes = 256

    /// Runs both stages as `vigia bench` children and returns their results.
    static func inChildProcess(templates: Int, dimension: Int, repeats: Int) -> [BenchResult] {
        // VIGIA_FACES_BENCH_KEEP_DB=PATH keeps the store there and reuses it on later runs (writing it takes minutes).
        let kept = ProcessInfo.processInfo.environment["VIGIA_FACES_BENCH_KEEP_DB"]
        let folder = kept.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("vigia-faces-scale-\(UUID().uuidString)")
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
        let database = kept ?? folder.appendingPathComponent("scale.sqlite").path
        var results: [BenchResult] = []
        let reuse = kept != nil && FileManager.default.fileExists(atPath: database)
        for stage in reuse ? ["load"] : ["write", "load"] {
            guard let output = child(stage: stage, database: database, templates: templates, dimension: dimension, repeats: repeats) else {
                results.append(BenchResult(name: "scale_\(stage)_failed", unit: "count", value: 1,
                                           params: ["templates": .int(templates), "threads": .int(1), "kernel": .string("none"), "peak_fraction": .double(0)]))
                return results
            }
            results += output
        }
        return results
    }

    public static func child(stage: String, database: String, templates: Int, dimension: Int, repeats: Int) -> [BenchResult]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        if !FileManager.default.fileExists(atPath: "/proc/self/exe") { process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]) }
        process.arguments = ["bench", "--suite", "faces", "--templates", "\(templates)", "--dim", "\(dimension)", "--repeats", "\(repeats)", "--format", "json"]
        var environment = ProcessInfo.processInfo.environment
        environment["VIGIA_FACES_BENCH_STAGE"] = stage
        environment["VIGIA_FACES_BENCH_DB"] = database
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = object["results"] as? [[String: Any]] else { return nil }
        return list.compactMap { r -> BenchResult? in
            guard let name = r["name"] as? String, let unit = r["unit"] as? String, let value = (r["value"] as? NSNumber)?.doubleValue else { return nil }
            var params: [String: BenchParam] = [:]
            for (key, v) in (r["params"] as? [String: Any]) ?? [:] {
                if let s = v as? String { params[key] = .string(s) } else if let n = v as? NSNumber {
                    let text = n.stringValue
                    params[key] = text.contains(".") || text.contains("e") ? .double(n.doubleValue) : .int(n.intValue)
                }
            }
            return BenchResult(name: name, unit: unit, value: value, params: params)
        }
    }

    /// One stage, in this process (`VIGIA_FACES_BENCH_STAGE` says which; without it, both).
    public static func run(templates: Int, dimension: Int, repeats: Int) -> BenchReport {
        let environment = ProcessInfo.processInfo.environment
        guard let database = environment["VIGIA_FACES_BENCH_DB"], let stage = environment["VIGIA_FACES_BENCH_STAGE"] else {
            return BenchReport(suite: "faces", results: inChildProcess(templates: templates, dimension: dimension, repeats: repeats))
        }
        do {
            return BenchReport(suite: "faces", results: stage == "write"
                ? try write(database: database, templates: templates, dimension: dimension)
                : try load(database: database, templates: templates, dimension: dimension, repeats: repeats))
        } catch {
            FileHandle.standardError.write(Data("faces scale bench: \(error)\n".utf8))
            return BenchReport(suite: "faces", results: [])
        }
    }

    static func base(_ templates: Int, _ dimension: Int, threads: Int, kernel: String, peak: Double) -> [String: BenchParam] {
        ["templates": .int(templates), "dim": .int(dimension), "threads": .int(threads), "kernel": .string(kernel), "peak_fraction": .double(peak)]
    }

    static let templatesPerEntry = 4

    /// Entries of four templates each (lists hold one to a few per person), 50,000 templates per transaction.
    static func write(database: String, templates: Int, dimension: Int) throws -> [BenchResult] {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: database).deletingLastPathComponent(), withIntermediateDirectories: true)
        let engine = try Engine(databasePath: database)
        let data = FacesBenchData(dimension: dimension, templates: templates)
        let started = Date()
        let issued = Date(timeIntervalSince1970: 0), expires = Date().addingTimeInterval(365 * 86_400)
        let chunk = 50_000
        for from in stride(from: 0, to: templates, by: chunk) {
            let to = min(templates, from + chunk), rows = data.rows(from..<to), per = templatesPerEntry
            let entries = stride(from: from, to: to, by: per).map { first in
                (entry: WatchlistEntry(id: String(format: "N-%07d", first / per), displayName: "synthetic \(first / per)", courtOrderReference: "bench",
                                       issuingCourt: "bench", offenceCategory: "bench", issuedOn: issued, expiresOn: expires),
                 templates: (first..<min(to, first + per)).map { i in Array(rows[((i - from) * dimension)..<((i - from + 1) * dimension)]) })
            }
            try engine.seedBenchWatchlist(entries, label: "\(from)")
        }
        return [BenchResult(name: "scale_store_write", unit: "s", value: Date().timeIntervalSince(started),
                            params: base(templates, dimension, threads: SearchThreads.available, kernel: "sqlite", peak: 0))]
    }

    /// The engine's load, then the compact path on one core and on all.
    static func load(database: String, templates: Int, dimension: Int, repeats: Int) throws -> [BenchResult] {
        let before = processMemoryKiB()
        let engine = try Engine(databasePath: database)
        // The store alone first (it also warms the page cache the load reads from).
        let scanStart = DispatchTime.now().uptimeNanoseconds, scanCPU = FacesBench.cpuSeconds()
        _ = try engine.scanStoredTemplates()
        let scanSeconds = Double(DispatchTime.now().uptimeNanoseconds - scanStart) / 1e9, scanCPUSeconds = FacesBench.cpuSeconds() - scanCPU
        let started = DispatchTime.now().uptimeNanoseconds, startedCPU = FacesBench.cpuSeconds()
        let index = try engine.storedWatchlistIndex()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, cpuSeconds = FacesBench.cpuSeconds() - startedCPU
        let loaded = processMemoryKiB()
        let file = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
        let cores = SearchThreads.available, kernel = PackedIndex.kernel(.compact)
        var results = [
            BenchResult(name: "scale_load_from_store", unit: "s", value: seconds,
                        params: base(index.templateCount, dimension, threads: 1, kernel: "sqlite+quantise", peak: seconds / 5).merging([
                            "storage": .string(index.storage.rawValue), "entries": .int(index.entryCount), "peak": .string("the 5 s target"),
                            "cpu_seconds": .double(cpuSeconds), "store_scan_seconds": .double(scanSeconds), "store_scan_cpu_seconds": .double(scanCPUSeconds),
                            "store_file_bytes": .int(file),
                        ]) { a, _ in a }),
            BenchResult(name: "scale_resident_after_load", unit: "MiB", value: Double(loaded.rss) / 1024,
                        params: base(index.templateCount, dimension, threads: 1, kernel: kernel, peak: Double(loaded.hwm) * 1024 / 1e9).merging([
                            "vm_hwm_mib": .double(Double(loaded.hwm) / 1024), "vm_hwm_bytes": .int(loaded.hwm * 1024), "vm_rss_before_mib": .double(Double(before.rss) / 1024),
                            "bytes_per_template": .int(index.bytesPerTemplate), "peak": .string("VmHWM against the 1 GB (10^9 bytes) target"),
                        ]) { a, _ in a }),
        ]
        let data = FacesBenchData(dimension: dimension, templates: templates)
        let (probeRows, mates) = data.probes(probes)
        let packed = index.packed(threads: cores)
        let machine = KernelMeasurements.int8Rate()
        var rates: [Int: FacesBench.Rate] = [:], top1: [Int?] = []
        for threads in Set([1, cores]).sorted() {
            let r = FacesBench.rate(probes, repeats: repeats) {
                top1 = []
                for start in stride(from: 0, to: probes, by: FacesBench.batch) {
                    top1 += packed.search(Array(probeRows[(start * dimension)..<(min(probes, start + FacesBench.batch) * dimension)]),
                                          k: FacesBench.k, path: .compact, rescore: FacesBench.rescore, threads: threads).map { $0.first?.template }
                }
            }
            rates[threads] = r
            let mated = mates.indices.filter { mates[$0] != nil }
            let recall = Double(mated.filter { top1[$0] == mates[$0] }.count) / Double(max(1, mated.count))
            results.append(BenchResult(name: threads == 1 ? "compact_1m_batch64" : "compact_1m_batch64_threads\(threads)", unit: "probes/s", value: r.median,
                                       params: base(index.templateCount, dimension, threads: threads, kernel: kernel,
                                                    peak: r.cpu * Double(index.templateCount * dimension) / machine).merging([
                                                        "batch": .int(FacesBench.batch), "cpu_rate": .double(r.cpu),
                                                        "peak": .string("int8 multiply-adds per CPU-second / the instruction sequence's rate in registers"), "recall_at_1_mated": .double(recall), "min": .double(r.low), "max": .double(r.high),
                                                        "storage": .string("compact"), "rescored": .int(FacesBench.rescore),
                                                    ]) { a, _ in a }))
        }
        if let one = rates[1], let many = rates[cores], cores > 1 {
            results.append(BenchResult(name: "compact_1m_speedup_threads\(cores)", unit: "x", value: many.median / one.median,
                                       params: base(index.templateCount, dimension, threads: cores, kernel: kernel, peak: many.median / one.median / Double(cores))
                                        .merging(["cpu_efficiency": .double(many.cpu / one.cpu), "peak": .string("\(cores)x one thread, wall time")]) { a, _ in a }))
        }
        // The re-score's error against the true rows (regenerated): worst seen, and the bound.
        var worst: Float = 0, bound: Float = 0
        probeRows.withUnsafeBufferPointer { q in
            for (j, t) in top1.enumerated() {
                guard let t else { continue }
                let exact = zip(data.template(t), q[(j * dimension)..<((j + 1) * dimension)]).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                worst = max(worst, abs(packed.rescored(q.baseAddress! + j * dimension, row: t) - exact))
                bound = max(bound, index.rescoreErrorBound(template: t))
            }
        }
        results.append(BenchResult(name: "compact_rescore_error", unit: "cosine", value: Double(worst),
                                   params: base(index.templateCount, dimension, threads: 1, kernel: kernel, peak: Double(worst / max(bound, .leastNonzeroMagnitude))).merging([
                                       "bound": .double(Double(bound)), "peak": .string("the documented bound sqrt(dim) x step / 28"),
                                   ]) { a, _ in a }))
        let end = processMemoryKiB()
        results.append(BenchResult(name: "scale_resident_after_search", unit: "MiB", value: Double(end.rss) / 1024,
                                   params: base(index.templateCount, dimension, threads: cores, kernel: kernel, peak: Double(end.hwm) * 1024 / 1e9).merging([
                                       "vm_hwm_mib": .double(Double(end.hwm) / 1024), "vm_hwm_bytes": .int(end.hwm * 1024), "peak": .string("VmHWM against the 1 GB (10^9 bytes) target"),
                                   ]) { a, _ in a }))
        return results
    }
}
