import CFaceKernels

/// What one core can do, measured rather than assumed, so a bench can say how
/// close each kernel runs to its own limit.
public enum KernelMeasurements {
    /// Cycles per second, from a chain of dependent one-cycle integer adds
    /// timed for about `seconds` (0 off x86-64).
    public static func clockHz(seconds: Double = 0.3) -> Double { fk_measure_clock(seconds) }

    /// Float32 multiply-adds per second the exact kernel's instruction set
    /// sustains on one core with independent chains in registers.
    public static func fmaRate(_ kernel: FaceKernel? = nil, seconds: Double = 0.3) -> Double {
        fk_measure_fma_rate(kernel.map { Int32($0.rawValue) } ?? Int32(FK_AUTO), seconds)
    }

    /// Int8 multiply-adds per second the compact kernel's instruction sequence
    /// (vpmaddubsw + vpmaddwd, or vpdpbusd) sustains on one core in registers.
    public static func int8Rate(_ kernel: FaceKernel? = nil, seconds: Double = 0.3) -> Double {
        fk_measure_i8_rate(kernel.map { Int32($0.rawValue) } ?? Int32(FK_AUTO), seconds)
    }

    /// Bytes per second one thread reads streaming through `bytes` at `buffer` (best of `repeats`).
    public static func readBandwidth(_ buffer: UnsafeRawPointer, bytes: Int, repeats: Int = 3) -> Double {
        fk_measure_read_bandwidth(buffer, bytes, Int32(repeats))
    }
}
