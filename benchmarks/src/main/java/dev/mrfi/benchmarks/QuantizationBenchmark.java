package dev.mrfi.benchmarks;

import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every quantization plugin on one float32 tensor, single-threaded: the {@code auto} range alone
 * ({@code forTensor}), quantize alone, dequantize alone, and the round trip the reference measures, both
 * fused and in two passes.
 * Divide {@code size} by the score for elements per microsecond.
 *
 * <p>{@code quantize} and {@code dequantize} restore their input before every call (not timed), so each
 * call sees realistic values; the round trip maps values onto the grid and stays there, so it runs on
 * the same array throughout.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class QuantizationBenchmark {

    @Param({"sym8", "sym8_auto", "sym16_auto", "pos8", "pos8_auto", "fxp_3_12"})
    public String scheme;

    @Param({"65536", "1048576", "16777216"})
    public int size;

    private Quantization quantization;
    private float[] pristine;
    private float[] pristineCodes;
    private float[] data;

    @Setup(Level.Trial)
    public void setUp() {
        quantization = Workloads.quantization(scheme);
        pristine = Workloads.activations(size, 42);
        pristineCodes = pristine.clone();
        quantization.forTensor(pristine, 0, size).quantize(pristineCodes, 0, size);
        data = pristine.clone();
    }

    /** Restores the input of the single-direction benchmarks; runs outside the timed region. */
    @State(Scope.Thread)
    public static class Restored {
        float[] values;
        float[] codes;

        @Setup(Level.Invocation)
        public void restore(QuantizationBenchmark state) {
            if (values == null) {
                values = new float[state.size];
                codes = new float[state.size];
            }
            System.arraycopy(state.pristine, 0, values, 0, state.size);
            System.arraycopy(state.pristineCodes, 0, codes, 0, state.size);
        }
    }

    @Benchmark
    public Quantizer forTensor() {
        return quantization.forTensor(pristine, 0, size);
    }

    @Benchmark
    public float[] quantize(Restored input) {
        quantization.forTensor(input.values, 0, size).quantize(input.values, 0, size);
        return input.values;
    }

    @Benchmark
    public float[] dequantize(Restored input) {
        quantization.forTensor(pristine, 0, size).dequantize(input.codes, 0, size);
        return input.codes;
    }

    /** The one-pass round trip a trial runs for a layerwise entry. */
    @Benchmark
    public float[] roundTrip() {
        quantization.forTensor(data, 0, size).roundTrip(data, 0, data, 0, size);
        return data;
    }

    /** The same result in two passes, as a quantizer without a fused round trip gives it. */
    @Benchmark
    public float[] quantizeThenDequantize() {
        Quantizer quantizer = quantization.forTensor(data, 0, size);
        quantizer.quantize(data, 0, size);
        quantizer.dequantize(data, 0, size);
        return data;
    }
}
