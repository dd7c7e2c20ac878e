extension ReportCard {
    /// Prefix of the entry ids given to fillers; they appear in no output.
    static let fillerPrefix = "\u{1}filler-"

    /// Runs the calibration searches against galleries of each size in
    /// `sizes` (nil: the list as it is) and builds the card. A smaller gallery
    /// keeps the list's first entries, and a probe whose mate is left out is a
    /// non-mated search there (NIST FRTE's definition). A larger one adds
    /// `fillers` in order, one template each: people known to be on no list
    /// and not among the probes. Sizes the list and fillers cannot reach are
    /// returned in `skipped`.
    public static func evaluate(list: WatchlistIndex, fillers: [[Float]], sizes: [Int?],
                                probes: [(embedding: [Float], mate: String?, group: String?)],
                                fpirTargets: [Double] = standardFPIRTargets, candidates: Int = 50,
                                threads: Int = SearchThreads.available) throws -> (card: ReportCard, skipped: [Int]) {
        var galleries: [(entries: Int, templates: Int, fillers: Int, scores: [Calibration.SearchScore])] = []
        var skipped: [Int] = []
        for size in sizes {
            let entries = size ?? list.entryCount
            guard entries <= list.entryCount + fillers.count, entries > 0 else { skipped.append(entries); continue }
            var gallery = entries < list.entryCount ? list.keeping(entries: entries) : list
            let added = max(0, entries - list.entryCount)
            for i in 0..<added { try gallery.add(entry: fillerPrefix + String(i), templates: [fillers[i]]) }
            let searches = probes.map { p in (embedding: p.embedding, mate: p.mate.flatMap { gallery.contains(entry: $0) ? $0 : nil }, group: p.group) }
            let scores = try Calibration.scores(index: gallery, probes: searches, candidates: candidates, threads: threads)
            galleries.append((gallery.entryCount, gallery.templateCount, added, scores))
        }
        return (compute(galleries: galleries, fpirTargets: fpirTargets, candidates: candidates), skipped)
    }
}
