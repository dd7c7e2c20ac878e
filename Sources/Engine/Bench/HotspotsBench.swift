import Foundation
import Hotspots
import VigiaCore

/// The October 2018 daily backtest on 150 m cells, every model: the job
/// open_cp needs about 51 s for on these machines.
public enum HotspotsBench {
    public static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
        let file = sampleData.appendingPathComponent("ba-robos-2017-2018.csv")
        let zone = try TimeZone.named(TimeParser.defaultTimeZoneIdentifier)
        var parse: [Double] = [], perModel: [String: [Double]] = [:], total: [Double] = []
        var events = 0
        let start = try TimeParser.instant("2018-10-01", in: zone).timeIntervalSince1970
        let starts = Backtest.periodStarts(from: start, to: start + 30 * HotspotTime.day, horizon: HotspotTime.day)
        for _ in 0..<repeats {
            let t0 = Date()
            let bytes = [UInt8](try Data(contentsOf: file))
            let parsed = try IncidentCSVParser(options: .init(timeZone: zone), districts: nil).parse(bytes, source: file.lastPathComponent)
            let input = HotspotInput(incidents: parsed.records.map(\.incident))
            let valid = ValidCells.history(input.history, before: start)
            events = input.history.firstIndex(atOrAfter: start)
            parse.append(Date().timeIntervalSince(t0))
            for name in ModelCatalogue.names {
                let t1 = Date()
                _ = Backtest.run(model: ModelCatalogue.model(named: name, timeZone: zone)!, history: input.history, grid: input.grid,
                                 validCells: valid, periodStarts: starts, horizon: HotspotTime.day, percents: [1, 2, 5, 10, 20])
                perModel[name, default: []].append(Date().timeIntervalSince(t1))
            }
            total.append(Date().timeIntervalSince(t0))
        }
        let params: [String: BenchParam] = ["periods": .int(30), "horizon": .string("1d"), "cell_m": .int(150),
                                            "history_events": .int(events), "threads": .int(1), "repeats": .int(repeats)]
        var results = [
            BenchResult(name: "backtest_30d_all_models", unit: "s", value: median(total),
                        params: params.merging(["models": .string(ModelCatalogue.names.joined(separator: ","))]) { a, _ in a }),
            BenchResult(name: "load_and_grid", unit: "s", value: median(parse), params: params),
        ]
        for name in ModelCatalogue.names {
            results.append(BenchResult(name: "backtest_30d_\(name)", unit: "s", value: median(perModel[name] ?? []),
                                       params: params.merging(["model": .string(name)]) { a, _ in a }))
        }
        // One city-wide 8 h forecast once the model is fitted (ETAS warm-started
        // from the previous period's fit, as the live console does).
        let bytes = [UInt8](try Data(contentsOf: file))
        let parsed = try IncidentCSVParser(options: .init(timeZone: zone), districts: nil).parse(bytes, source: file.lastPathComponent)
        let input = HotspotInput(incidents: parsed.records.map(\.incident))
        for name in ["recency+when", "etas+when"] {
            var forecaster = ModelCatalogue.model(named: name, timeZone: zone)!.makeForecaster()
            _ = forecaster.forecast(history: input.history, grid: input.grid, at: start - 8 * 3600, horizon: 8 * 3600)
            var times: [Double] = []
            for r in 0..<max(3, repeats) {
                let t0 = Date()
                _ = forecaster.forecast(history: input.history, grid: input.grid, at: start + Double(r) * 8 * 3600, horizon: 8 * 3600)
                times.append(Date().timeIntervalSince(t0))
            }
            results.append(BenchResult(name: "predict_city_8h_\(name.replacingOccurrences(of: "+", with: "_"))", unit: "s",
                                       value: median(times), params: params.merging(["model": .string(name), "cells": .int(input.grid.cellCount)]) { a, _ in a }))
        }
        return BenchReport(suite: "hotspots", results: results)
    }
}
