import Dispatch
import FaceMatch
import Foundation
import VigiaCore

/// 1:N face search on a synthetic watchlist (`FacesBenchData`): each path on
/// one thread and on every core, with the kernel that ran and how close it
/// came to this machine's own limit, measured in the same run:
/// - exact, one probe at a time: bytes read ÷ measured read bandwidth;
/// - exact, batches of 64: flops ÷ (FMA pipes × lanes × 2 × measured clock);
/// - compact (int8 scan, exact re-score of the best 16): multiply-adds ÷ the
///   int8 sequence's rate measured in registers; recall@1 on mated probes.
/// Then calibration scoring and the feed's micro-batch latency on every core,
/// and (in a child process, for a clean VmHWM) the 1,000,000-template case.
///
/// `VIGIA_FACES_BENCH_EXPORT=DIR` writes the templates and probes as raw
/// little-endian float32 (for `bench/faiss-compare`) instead of timing;
/// `VIGIA_FACES_BENCH_SCALE=0` skips the 1M case.
public enum FacesBench {
    static let k = 10, batch = 64, rescore = 16

    public static func run(templates: Int, dimension: Int, repeats: Int) -> BenchReport {
        let environment = ProcessInfo.processInfo.environment
        if templates > WatchlistIndex.compactAbove { return FacesScaleBench.run(templates: templates, dimension: dimension, repeats: repeats) }
        let data = FacesBenchData(dimension: dimension, templates: templates)
        let rows = data.rows(0..<templates)
        let (probes, mates) = data.probes(1_024)
        if let folder = environment["VIGIA_FACES_BENCH_EXPORT"] {
            return export(rows: rows, probes: probes, mates: mates, dimension: dimension, to: folder)
        }
        var results = kernelResults(rows: rows, probes: probes, mates: mates, dimension: dimension, repeats: repeats)
        if environment["VIGIA_FACES_BENCH_SCALE"] != "0" {
            results += FacesScaleBench.inChildProcess(templates: 1_000_000, dimension: dimension, repeats: repeats)
        }
        return BenchReport(suite: "faces", results: results)
    }

    /// Seconds of CPU time this process has used, all threads.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    struct Rate {
        /// Probes per second of wall time: median of the repeats, and the spread.
        var median: Double, low: Double, high: Double
        /// Probes per second of CPU time (all threads): on a shared machine,
        /// what the kernel does with the core time it gets.
        var cpu: Double
    }

    /// How fast `body` (which handles `probes` probes) runs, over `repeats` runs.
    static func rate(_ probes: Int, repeats: Int, _ body: () -> Void) -> Rate {
        var samples: [Double] = [], cpu: [Double] = []
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds, cpu0 = cpuSeconds()
            body()
            cpu.append(Double(probes) / max(1e-9, cpuSeconds() - cpu0))
            samples.append(Double(probes) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }
        return Rate(median: median(samples), low: samples.min() ?? 0, high: samples.max() ?? 0, cpu: median(cpu))
    }

    static func kernelResults(rows: [Float], probes: [Float], mates: [Int?], dimension: Int, repeats: Int) -> [BenchResult] {
        let templates = rows.count / dimension, probeCount = mates.count
        let cores = SearchThreads.available
        let machine = FacesMachine.measure(threads: cores)
        let index = PackedIndex(rows: rows, dimension: dimension)
        let exactKernel = PackedIndex.kernel(.exact), compactKernel = PackedIndex.kernel(.compact)
        func slice(_ from: Int, _ to: Int) -> [Float] { Array(probes[(from * dimension)..<(to * dimension)]) }

        var results: [BenchResult] = []
        func params(_ path: String, batch: Int, threads: Int, kernel: String, peak: Double, extra: [String: BenchParam] = [:]) -> [String: BenchParam] {
            var p: [String: BenchParam] = ["templates": .int(templates), "dim": .int(dimension), "batch": .int(batch), "threads": .int(threads),
                                           "path": .string(path), "k": .int(k), "kernel": .string(kernel), "peak_fraction": .double(peak),
                                           "repeats": .int(repeats)]
            p.merge(extra) { a, _ in a }
            return p
        }
        func spread(_ r: Rate) -> [String: BenchParam] { ["min": .double(r.low), "max": .double(r.high), "cpu_rate": .double(r.cpu)] }

        // Exact, one probe at a time: bounded by memory bandwidth.
        let singles = 100
        let scanned = Double(templates * dimension * 4)
        var rates: [String: Rate] = [:]
        for threads in Set([1, cores]).sorted() {
            let r = rate(singles, repeats: repeats) {
                for j in 0..<singles { _ = index.search(slice(j, j + 1), k: k, threads: threads) }
            }
            rates["single\(threads)"] = r
            let bandwidth = threads == 1 ? machine.bandwidth1 : machine.bandwidthN
            results.append(BenchResult(name: threads == 1 ? "exact_batch1" : "exact_batch1_threads\(threads)", unit: "probes/s", value: r.median,
                                       params: params("exact", batch: 1, threads: threads, kernel: exactKernel, peak: r.cpu * scanned / machine.bandwidth1,
                                                      extra: spread(r).merging([
                                                        "bytes_per_s": .double(r.median * scanned), "bytes_per_cpu_s": .double(r.cpu * scanned),
                                                        "measured_bandwidth": .double(bandwidth), "peak_fraction_wall": .double(r.median * scanned / bandwidth),
                                                        "peak": .string("bytes per CPU-second / one thread's read bandwidth per CPU-second over 256 MB, both measured in this run"),
                                                      ]) { a, _ in a })))
        }

        // Batched paths: every probe in batches of 64.
        func batched(_ path: PackedIndex.Path, threads: Int, portable: Bool = false, count: Int = probeCount) -> (rate: Rate, top1: [Int?]) {
            var top1: [Int?] = []
            let r = rate(count, repeats: repeats) {
                top1 = []
                for start in stride(from: 0, to: count, by: batch) {
                    top1 += index.search(slice(start, min(start + batch, count)), k: k, path: path, rescore: rescore, portable: portable, threads: threads)
                        .map { $0.first?.template }
                }
            }
            return (r, top1)
        }
        let flopsPerProbe = 2.0 * Double(templates * dimension)
        let fmaPeak = FacesMachine.theoreticalFlopsPerCycle(kernel: exactKernel) * machine.clockHz
        var exactTop1: [Int?] = []
        for threads in Set([1, cores]).sorted() {
            let exact = batched(.exact, threads: threads)
            exactTop1 = exact.top1
            rates["exact\(threads)"] = exact.rate
            let flops = exact.rate.median * flopsPerProbe, cpuFlops = exact.rate.cpu * flopsPerProbe
            results.append(BenchResult(name: threads == 1 ? "exact_batch64" : "exact_batch64_threads\(threads)", unit: "probes/s", value: exact.rate.median,
                                       params: params("exact", batch: batch, threads: threads, kernel: exactKernel, peak: cpuFlops / fmaPeak,
                                                      extra: spread(exact.rate).merging([
                                                        "flops": .double(flops), "flops_per_cpu_s": .double(cpuFlops), "peak_flops_per_core": .double(fmaPeak),
                                                        "peak": .string("flops per CPU-second / (FMA pipes x lanes x 2 x clock): \(Int(FacesMachine.theoreticalFlopsPerCycle(kernel: exactKernel))) flop/cycle at the clock measured in this run"),
                                                        "peak_fraction_wall": .double(flops / (fmaPeak * Double(threads))),
                                                        "peak_fraction_vs_measured_fma": .double(cpuFlops / (2 * machine.fmaRate)),
                                                      ]) { a, _ in a })))
        }
        for threads in Set([1, cores]).sorted() {
            let compact = batched(.compact, threads: threads)
            rates["compact\(threads)"] = compact.rate
            let mated = mates.indices.filter { mates[$0] != nil }
            let recallMated = Double(mated.filter { compact.top1[$0] == mates[$0] }.count) / Double(max(1, mated.count))
            let agreement = Double(zip(exactTop1, compact.top1).filter { $0 == $1 }.count) / Double(probeCount)
            let macs = compact.rate.median * Double(templates * dimension), cpuMacs = compact.rate.cpu * Double(templates * dimension)
            results.append(BenchResult(name: threads == 1 ? "compact_batch64" : "compact_batch64_threads\(threads)", unit: "probes/s", value: compact.rate.median,
                                       params: params("compact", batch: batch, threads: threads, kernel: compactKernel, peak: cpuMacs / machine.int8Rate,
                                                      extra: spread(compact.rate).merging([
                                                        "recall_at_1_mated": .double(recallMated), "agreement_at_1_with_exact": .double(agreement),
                                                        "rescored": .int(rescore), "int8_macs": .double(macs), "int8_macs_per_cpu_s": .double(cpuMacs), "peak_macs_per_core": .double(machine.int8Rate),
                                                        "peak_fraction_wall": .double(macs / (machine.int8Rate * Double(threads))),
                                                        "peak": .string("int8 multiply-adds per CPU-second / the kernel's instruction sequence measured in registers in this run"),
                                                      ]) { a, _ in a })))
        }
        // FAISS is at its best with large batches: the same 1,024 probes in one batch, one thread.
        for path in [PackedIndex.Path.exact, .compact] {
            let r = rate(probeCount, repeats: repeats) { _ = index.search(probes, k: k, path: path, rescore: rescore, threads: 1) }
            let work = path == .exact ? r.cpu * flopsPerProbe / fmaPeak : r.cpu * Double(templates * dimension) / machine.int8Rate
            results.append(BenchResult(name: "\(path.rawValue)_batch1024", unit: "probes/s", value: r.median,
                                       params: params(path.rawValue, batch: probeCount, threads: 1, kernel: path == .exact ? exactKernel : compactKernel,
                                                      peak: work, extra: spread(r))))
        }
        let portableCount = 128
        let portable = batched(.exact, threads: 1, portable: true, count: portableCount)
        let portableKernel = PackedIndex.kernel(.exact, requested: .portable)
        results.append(BenchResult(name: "exact_batch64_portable", unit: "probes/s", value: portable.rate.median,
                                   params: params("exact", batch: batch, threads: 1, kernel: portableKernel,
                                                  peak: portable.rate.cpu * flopsPerProbe / (FacesMachine.theoreticalFlopsPerCycle(kernel: portableKernel) * machine.clockHz),
                                                  extra: spread(portable.rate))))

        if cores > 1 {
            for (name, key) in [("exact_batch1", "single"), ("exact_batch64", "exact"), ("compact_batch64", "compact")] {
                guard let one = rates["\(key)1"], let many = rates["\(key)\(cores)"], one.median > 0, one.cpu > 0 else { continue }
                results.append(BenchResult(name: "\(name)_speedup_threads\(cores)", unit: "x", value: many.median / one.median,
                                           params: ["templates": .int(templates), "dim": .int(dimension), "threads": .int(cores), "kernel": .string(name.hasPrefix("compact") ? compactKernel : exactKernel),
                                                    "peak_fraction": .double(many.median / one.median / Double(cores)), "peak": .string("\(cores)x one thread, wall time"),
                                                    "cpu_efficiency": .double(many.cpu / one.cpu),
                                                    "cpu_efficiency_note": .string("probes per CPU-second on \(cores) threads / on one: 1.0 means splitting costs nothing")]))
            }
        }
        results += pipelineResults(rows: rows, probes: probes, mates: mates, dimension: dimension, repeats: repeats, cores: cores, exactKernel: exactKernel)
        results += machineResults(machine, exactKernel: exactKernel, compactKernel: compactKernel, dimension: dimension, templates: templates)
        return results
    }

    /// Calibration scoring and the feed's micro-batch through WatchlistIndex, on one core and on all.
    static func pipelineResults(rows: [Float], probes: [Float], mates: [Int?], dimension: Int, repeats: Int, cores: Int, exactKernel: String) -> [BenchResult] {
        let templates = rows.count / dimension
        var index = WatchlistIndex(dimension: dimension, capacity: templates)
        rows.withUnsafeBufferPointer { all in
            for i in 0..<templates { try? index.add(entry: String(format: "W-%07d", i), template: UnsafeBufferPointer(rebasing: all[(i * dimension)..<((i + 1) * dimension)])) }
        }
        let set: [(embedding: [Float], mate: String?, group: String?)] = mates.indices.map { j in
            (Array(probes[(j * dimension)..<((j + 1) * dimension)]), mates[j].map { String(format: "W-%07d", $0) }, j % 4 == 0 ? "A" : "B")
        }
        var results: [BenchResult] = []
        var calibration: [Int: Double] = [:]
        for threads in Set([1, cores]).sorted() {
            let r = rate(set.count, repeats: repeats) { _ = try? Calibration.scores(index: index, probes: set, threads: threads) }
            calibration[threads] = r.median
            results.append(BenchResult(name: threads == 1 ? "calibration_scores" : "calibration_scores_threads\(threads)", unit: "searches/s", value: r.median,
                                       params: ["templates": .int(templates), "dim": .int(dimension), "threads": .int(threads), "batch": .int(256),
                                                "kernel": .string(exactKernel), "min": .double(r.low), "max": .double(r.high), "cpu_rate": .double(r.cpu),
                                                "peak_fraction": .double(threads == 1 ? 1 : r.median / ((calibration[1] ?? r.median) * Double(threads))),
                                                "peak": .string("threads x the one-thread rate")]))
        }
        // The feed's micro-batch: 64 probes through the same call LiveFaceSearch makes.
        let packed = index.packed(threads: cores)
        let batchProbes = set.prefix(64).map(\.embedding)
        var latencies: [Double] = []
        for _ in 0..<max(3, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try? index.search(batch: batchProbes, in: packed, k: 10, floor: 0.3)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        results.append(BenchResult(name: "feed_micro_batch64", unit: "ms", value: median(latencies),
                                   params: ["templates": .int(templates), "dim": .int(dimension), "threads": .int(cores), "batch": .int(64),
                                            "kernel": .string(exactKernel), "max": .double(latencies.max() ?? 0),
                                            "peak_fraction": .double(median(latencies) / 50), "peak": .string("the feed's 50 ms latency bound")]))
        return results
    }

    static func machineResults(_ m: FacesMachine, exactKernel: String, compactKernel: String, dimension: Int, templates: Int) -> [BenchResult] {
        let base: [String: BenchParam] = ["templates": .int(templates), "dim": .int(dimension), "peak_fraction": .double(1)]
        func with(_ extra: [String: BenchParam]) -> [String: BenchParam] { base.merging(extra) { _, b in b } }
        return [
            BenchResult(name: "machine_clock", unit: "Hz", value: m.clockHz,
                        params: with(["threads": .int(1), "kernel": .string("add-chain"), "how": .string("dependent one-cycle adds timed; higher of two runs")])),
            BenchResult(name: "machine_fma_rate", unit: "MAC/s", value: m.fmaRate,
                        params: with(["threads": .int(1), "kernel": .string(exactKernel), "per_cycle": .double(m.fmaRate / m.clockHz)])),
            BenchResult(name: "machine_int8_rate", unit: "MAC/s", value: m.int8Rate,
                        params: with(["threads": .int(1), "kernel": .string(compactKernel), "per_cycle": .double(m.int8Rate / m.clockHz)])),
            BenchResult(name: "machine_read_bandwidth", unit: "B/s", value: m.bandwidth1, params: with(["threads": .int(1), "kernel": .string("read")])),
            BenchResult(name: "machine_read_bandwidth_threads\(m.threads)", unit: "B/s", value: m.bandwidthN, params: with(["threads": .int(m.threads), "kernel": .string("read")])),
            BenchResult(name: "memory_per_template_float32", unit: "bytes", value: Double(PackedIndex(rows: [], dimension: dimension).bytesPerTemplate),
                        params: with(["threads": .int(1), "kernel": .string(exactKernel), "storage": .string("float32 rows (shared with the watchlist index) + packed float32 + int8 + step")])),
            BenchResult(name: "memory_per_template_compact", unit: "bytes", value: Double(WatchlistIndex(dimension: dimension, storage: .compact).bytesPerTemplate),
                        params: with(["threads": .int(1), "kernel": .string(compactKernel), "storage": .string("int8 scan + 4-bit residual + step")])),
        ]
    }

    /// Raw little-endian float32 files and the mates, for the FAISS comparison.
    static func export(rows: [Float], probes: [Float], mates: [Int?], dimension: Int, to folder: String) -> BenchReport {
        let url = URL(fileURLWithPath: folder)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        func write(_ v: [Float], _ name: String) { v.withUnsafeBytes { try? Data($0).write(to: url.appendingPathComponent(name)) } }
        write(rows, "templates.f32")
        write(probes, "probes.f32")
        try? Data(mates.map { $0.map(String.init) ?? "-1" }.joined(separator: "\n").utf8).write(to: url.appendingPathComponent("mates.txt"))
        return BenchReport(suite: "faces", results: [
            BenchResult(name: "exported", unit: "templates", value: Double(rows.count / dimension),
                        params: ["dim": .int(dimension), "probes": .int(mates.count), "folder": .string(folder), "threads": .int(1),
                                 "templates": .int(rows.count / dimension), "kernel": .string("none"), "peak_fraction": .double(0)]),
        ])
    }
}
