package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.SplittableRandom;
import java.util.StringJoiner;
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
 * Every selector choosing about one position in a thousand of an activation {@code [N, 16, 64, 64]}:
 * rates of 1e-3, counts of {@code size / 1000}, half the channels selected or masked, and a list of
 * {@code size / 1000} fixed positions. The cost should follow the number of positions, not the size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class SelectorBenchmark {

    @Param({"RandomPositionByRate", "RandomPositionByNumber", "SelectedDimRandomPositionByRate",
            "SelectedDimRandomPositionByNumber", "MaskedDimRandomPositionByRate", "MaskedDimRandomPositionByNumber",
            "FixedPixelByNumber", "FixPosition", "FixPositions", "EmptySelector"})
    public String method;

    @Param({"65536", "1048576", "16777216"})
    public int size;

    private Selector selector;
    private TensorShape shape;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        shape = Workloads.shapeOf(size);
        selector = Workloads.selector(block(method, size));
        random = new SplittableRandom(3);
    }

    static String block(String method, int size) {
        int count = Math.max(1, size / 1000);
        String half = "[0, 1, 2, 3, 4, 5, 6, 7]";
        String arguments;
        switch (method) {
            case "RandomPositionByRate":
                arguments = "rate: 1e-3";
                break;
            case "RandomPositionByNumber":
                arguments = "n: " + count;
                break;
            case "SelectedDimRandomPositionByRate":
            case "MaskedDimRandomPositionByRate":
                arguments = "rate: 1e-3, channel: " + half;
                break;
            case "SelectedDimRandomPositionByNumber":
            case "MaskedDimRandomPositionByNumber":
                arguments = "n: " + count + ", channel: " + half;
                break;
            case "FixedPixelByNumber":
                arguments = "n: " + count + ", pixel: [3, 5]";
                break;
            case "FixPosition":
                arguments = "position: 12345";
                break;
            case "FixPositions":
                StringJoiner positions = new StringJoiner(", ", "[", "]");
                for (int i = 0; i < count; i++) {
                    positions.add(Integer.toString((int) ((long) i * 997 % size)));
                }
                arguments = "positions: " + positions;
                break;
            case "EmptySelector":
                arguments = "";
                break;
            default:
                throw new IllegalArgumentException("no benchmark configuration for selector " + method);
        }
        return "{method: " + method + (arguments.isEmpty() ? "" : ", " + arguments) + "}";
    }

    @Benchmark
    public int[] select() {
        return selector.select(shape, random);
    }
}
