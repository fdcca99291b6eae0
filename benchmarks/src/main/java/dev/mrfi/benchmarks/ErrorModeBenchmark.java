package dev.mrfi.benchmarks;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every error mode on {@value #VALUES} gathered values, about what a rate of 1e-3 selects from 16 Mi
 * values. Integer modes work on 16-bit codes, float modes on activations. Scores are per value; the
 * values are restored before every call (not timed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ErrorModeBenchmark.VALUES)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ErrorModeBenchmark {

    static final int VALUES = 16384;

    @Param({"IntSignBitFlip", "IntRandomBitFlip", "IntFixedBitFlip", "IntMultiBitFlip", "IntBitStuckAt", "IntRandom",
            "IntRandomBit", "FloatRandomBitFlip", "FloatRandomBitFlip_float16", "FloatFixedBitFlip",
            "FloatMultiBitFlip", "FloatBitStuckAt", "SetZero", "SetValue", "UniformRandom", "NormalRandom",
            "UniformDisturb", "NormalDisturb"})
    public String mode;

    private ErrorMode errorMode;
    private float[] pristine;
    private float[] values;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        errorMode = Workloads.errorMode(block(mode));
        float[] activations = Workloads.activations(VALUES, 42);
        pristine = activations.clone();
        if (mode.startsWith("Int")) {
            for (int i = 0; i < VALUES; i++) {
                pristine[i] = (float) Math.rint(Math.max(-1f, Math.min(1f, activations[i] / 3f)) * 32767f);
            }
        }
        values = new float[VALUES];
        random = new SplittableRandom(5);
    }

    static String block(String mode) {
        switch (mode) {
            case "IntSignBitFlip":
            case "IntRandomBitFlip":
                return "{method: " + mode + ", bit_width: 16}";
            case "IntFixedBitFlip":
                return "{method: IntFixedBitFlip, bit_width: 16, bit: 3}";
            case "IntMultiBitFlip":
                return "{method: IntMultiBitFlip, bit_width: 16, n: 2}";
            case "IntBitStuckAt":
                return "{method: IntBitStuckAt, bit_width: 16, bit: 3, value: 1}";
            case "FloatRandomBitFlip_float16":
                return "{method: FloatRandomBitFlip, floattype: float16}";
            case "FloatFixedBitFlip":
                return "{method: FloatFixedBitFlip, bit: 30}";
            case "FloatBitStuckAt":
                return "{method: FloatBitStuckAt, bit: 30, value: 1}";
            case "SetValue":
                return "{method: SetValue, value: 1.0}";
            default:
                return "{method: " + mode + "}";
        }
    }

    @Setup(Level.Invocation)
    public void restore() {
        System.arraycopy(pristine, 0, values, 0, VALUES);
    }

    @Benchmark
    public float[] apply() {
        errorMode.apply(values, 0, VALUES, random);
        return values;
    }
}
