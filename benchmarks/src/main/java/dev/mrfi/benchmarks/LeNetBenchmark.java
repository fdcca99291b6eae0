package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One LeNet-5 forward pass over a batch of 128 Fashion-MNIST images, single-threaded: {@code plain}
 * without hooks (float32), {@code golden} with {@code default_fi}'s quantization and no faults, {@code fi}
 * with {@code default_fi} as configured. Images per second are 128 divided by the score in seconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class LeNetBenchmark {

    private Network network;
    private float[] images;
    private TensorShape shape;
    private Trial golden;
    private Trial faulty;

    @Setup(Level.Trial)
    public void setUp() {
        network = Workloads.lenet();
        images = Workloads.lenetBatch();
        shape = Workloads.lenetBatchShape();
        InjectionPlan plan = InjectionPlan.build(Workloads.preset("default_fi"), network.describe());
        golden = plan.newTrial(1L);
        golden.setGolden(true);
        faulty = plan.newTrial(1L);
    }

    @Benchmark
    public Tensor plain() {
        return network.forward(images, shape, ForwardHooks.NONE);
    }

    @Benchmark
    public Tensor golden() {
        return network.forward(images, shape, golden);
    }

    @Benchmark
    public Tensor fi() {
        return network.forward(images, shape, faulty);
    }
}
