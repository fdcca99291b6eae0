package dev.mrfi.benchmarks;

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

/** The yardstick: {@code System.arraycopy} of a float array into another of the same size. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class CopyBenchmark {

    @Param({"65536", "1048576", "16777216"})
    public int size;

    private float[] source;
    private float[] target;

    @Setup(Level.Trial)
    public void setUp() {
        source = Workloads.activations(size, 42);
        target = new float[size];
    }

    @Benchmark
    public float[] copy() {
        System.arraycopy(source, 0, target, 0, size);
        return target;
    }
}
