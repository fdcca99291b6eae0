package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import dev.mrfi.onnx.OnnxModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The shipped ResNet on ONNX Runtime, one thread: golden images per second, images per second with the
 * {@code default_fi} preset's faults (every convolution and linear input hooked, quantized and faulted),
 * their ratio, and the memory of a long run of faulty passes (heap after a full collection, and the
 * process's resident size, which also counts ONNX Runtime's native memory), printed as
 * {@code name TAB value} lines behind {@code benchmarks/resnet.sh}. Each throughput is the best of several
 * timed passes over the 2,000 embedded images after a warm-up.
 *
 * <p>Usage: {@code ResNetComparison [--rounds N] [--memory-passes N]}.
 */
public final class ResNetComparison {

    private static final int BATCH = 128;

    private ResNetComparison() {
    }

    /** Runs the measurements; see the class description for the arguments. */
    public static void main(String[] args) throws IOException {
        int rounds = 5;
        int memoryPasses = 40;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--memory-passes")) {
                memoryPasses = Integer.parseInt(args[i + 1]);
            }
        }
        Dataset data = FashionMnist.embedded();
        Mrfi mrfi = Mrfi.load();
        try (OnnxModel resnet = OnnxModel.resnetFashionMnist(1)) {
            EasyConfig faulty = mrfi.configs().preset("default_fi").withBer(1e-5, OptionalInt.empty());
            InjectionPlan plan = InjectionPlan.build(faulty, resnet.describe());
            long[] seeds = {0};
            Supplier<ForwardHooks> none = () -> ForwardHooks.NONE;
            Supplier<ForwardHooks> trial = () -> plan.newTrial(seeds[0]++);
            pass(resnet, data, none);
            pass(resnet, data, trial);
            double golden = 0;
            double injected = 0;
            for (int round = 0; round < rounds; round++) {
                golden = Math.max(golden, data.size() / pass(resnet, data, none));
                injected = Math.max(injected, data.size() / pass(resnet, data, trial));
            }
            print("resnet_golden_images_per_s", golden);
            print("resnet_default_fi_images_per_s", injected);
            print("resnet_fi_over_golden", injected / golden);

            // resident size at five points of the run: it should level off, not grow with the passes
            long[] before = memory();
            print("heap_after_gc_mb_at_pass_0", before[0] / 1e6);
            print("rss_mb_at_pass_0", before[1] / 1e6);
            for (int i = 1; i <= memoryPasses; i++) {
                pass(resnet, data, trial);
                if (i % Math.max(1, memoryPasses / 5) == 0 || i == memoryPasses) {
                    long[] now = memory();
                    print("heap_after_gc_mb_at_pass_" + i, now[0] / 1e6);
                    print("rss_mb_at_pass_" + i, now[1] / 1e6);
                }
            }
        }
    }

    /** One pass over the data in batches; returns the seconds it took. */
    private static double pass(OnnxModel model, Dataset data, Supplier<ForwardHooks> hooks) {
        ForwardHooks trial = hooks.get();
        int[] dims = data.images().shape().dims();
        int per = data.images().data().length / data.size();
        long start = System.nanoTime();
        for (int first = 0; first < data.size(); first += BATCH) {
            int count = Math.min(BATCH, data.size() - first);
            dims[0] = count;
            model.forward(Arrays.copyOfRange(data.images().data(), first * per, (first + count) * per),
                    TensorShape.of(dims), trial);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The heap in use after a full collection, and the resident size of the process, in bytes. */
    private static long[] memory() throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = 0;
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        }
        return new long[] {heap, rss};
    }

    private static void print(String name, double value) {
        System.out.printf(Locale.ROOT, "%s\t%.3f%n", name, value);
    }
}
