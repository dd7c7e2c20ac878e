import Foundation
import FuzzTargets

// Built with `-sanitize=fuzzer,address -DFUZZING` (see Tests/Fuzz/run),
// libFuzzer owns `main` and calls this for each input; the target comes from
// VIGIA_FUZZ_TARGET. Built plainly, the program replays files instead:
// `vigia-fuzz TARGET FILE…`.
#if FUZZING
nonisolated(unsafe) let fuzzTarget = ProcessInfo.processInfo.environment["VIGIA_FUZZ_TARGET"] ?? ""

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    if !FuzzTargets.run(fuzzTarget, bytes) {
        FileHandle.standardError.write(Data("set VIGIA_FUZZ_TARGET to one of: \(FuzzTargets.names.joined(separator: " "))\n".utf8))
        exit(2)
    }
    return 0
}
#else
@main
struct Replay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let target = args.first, FuzzTargets.names.contains(target) else {
            print("usage: vigia-fuzz TARGET FILE…  (targets: \(FuzzTargets.names.joined(separator: " ")))")
            exit(2)
        }
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); exit(1) }
            FuzzTargets.run(target, Array(data))
        }
        print("\(args.count - 1) inputs replayed through \(target)")
    }
}
#endif
