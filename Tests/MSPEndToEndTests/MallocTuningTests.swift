import CMallocTuning
import Testing

/// msp's first act is to tune glibc's malloc (Sources/msp/main.swift): without it an import made thousands of brk
/// calls and 30,000 page faults (bench/results.md). The function was once compiled empty, its glibc test wrong:
/// every setting must take effect.
@Suite struct MallocTuningTests {
    @Test func everySettingTakesEffectWithGlibc() {
        #if canImport(Glibc)
            #expect(msp_tune_malloc() == 3)
        #else
            #expect(msp_tune_malloc() == 0)
        #endif
    }
}
