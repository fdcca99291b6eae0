package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.core.engine.Trial;
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
 * The whole pipeline for one activation through the engine's hook ({@link Trial#onInput}): symmetric
 * 16-bit {@code auto} quantization of the tensor, 1e-3 Poisson positions, one random bit flipped in each
 * code, dequantization. {@code golden} runs the same hook with injection off (quantization only), so the
 * difference is the cost of the faults.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class PipelineBenchmark {

    @Param({"65536", "1048576", "16777216"})
    public int size;

    private float[] pristine;
    private float[] data;
    private TensorShape shape;
    private Trial trial;
    private Trial golden;

    @Setup(Level.Trial)
    public void setUp() {
        pristine = Workloads.activations(size, 42);
        data = pristine.clone();
        shape = Workloads.shapeOf(size);
        trial = Workloads.pipelinePlan().newTrial(7L);
        golden = Workloads.pipelinePlan().newTrial(7L);
        golden.setGolden(true);
    }

    /** Faults accumulate in place; starting each iteration from the same values keeps the range stable. */
    @Setup(Level.Iteration)
    public void restore() {
        System.arraycopy(pristine, 0, data, 0, size);
    }

    @Benchmark
    public float[] inject() {
        trial.onInput(Workloads.MODULE, data, shape);
        return data;
    }

    @Benchmark
    public float[] golden() {
        golden.onInput(Workloads.MODULE, data, shape);
        return data;
    }
}
