package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.nn.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side table behind {@code benchmarks/quick.sh}: the reference's measurements, single-threaded,
 * one line per measurement {@code <name> TAB <elements> TAB <M elements per s>}, then LeNet images per
 * second, then the ratios the performance goals are stated in (those of issue 18 for the element cases).
 * The round trips run what a trial runs for a layerwise entry; the pipeline case is a trial's hook itself.
 *
 * <p>Every case is warmed up until the JIT has compiled it, then timed in several interleaved rounds (so a
 * burst of load elsewhere hits all cases alike) and the best round is kept. Inputs are restored before
 * each timed sample, outside the timed region.
 *
 * <p>Usage: {@code QuickComparison [--rounds N]}.
 */
public final class QuickComparison {

    static final int[] SIZES = {65_536, 1_048_576, 16_777_216};
    static final int LARGEST = SIZES[SIZES.length - 1];

    private static final long WARMUP_NANOS = 300_000_000L;
    private static final long SAMPLE_NANOS = 40_000_000L;
    private static final long LENET_WARMUP_NANOS = 1_500_000_000L;
    private static final long LENET_SAMPLE_NANOS = 60_000_000L;

    private QuickComparison() {
    }

    /** One measured operation on its own arrays. */
    private static final class Case {
        final String name;
        final int elements;
        final Runnable restore;
        final Runnable operation;
        final long warmUpNanos;
        final long sampleNanos;
        int repetitions = 1;
        double bestNanos = Double.MAX_VALUE;

        Case(String name, int elements, Runnable restore, Runnable operation, long warmUpNanos, long sampleNanos) {
            this.name = name;
            this.elements = elements;
            this.restore = restore;
            this.operation = operation;
            this.warmUpNanos = warmUpNanos;
            this.sampleNanos = sampleNanos;
        }

        Case(String name, int elements, Runnable restore, Runnable operation) {
            this(name, elements, restore, operation, WARMUP_NANOS, SAMPLE_NANOS);
        }

        void warmUp() {
            long start = System.nanoTime();
            long runs = 0;
            do {
                restore.run();
                operation.run();
                runs++;
            } while (System.nanoTime() - start < warmUpNanos || runs < 3);
            double perRun = (System.nanoTime() - start) / (double) runs;
            repetitions = (int) Math.max(1, Math.min(100_000, sampleNanos / Math.max(1.0, perRun)));
        }

        void sample() {
            restore.run();
            long start = System.nanoTime();
            for (int i = 0; i < repetitions; i++) {
                operation.run();
            }
            bestNanos = Math.min(bestNanos, (System.nanoTime() - start) / (double) repetitions);
        }

        double perSecond() {
            return elements / bestNanos * 1e9;
        }
    }

    public static void main(String[] args) {
        int rounds = 7;
        for (int i = 0; i < args.length; i++) {
            if ("--rounds".equals(args[i]) && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: QuickComparison [--rounds N]");
                System.exit(2);
            }
        }
        System.err.printf(Locale.ROOT, "java %s on %d cores, load average %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());

        List<Case> cases = elementCases();
        cases.forEach(Case::warmUp);
        for (int round = 0; round < rounds; round++) {
            cases.forEach(Case::sample);
        }
        Map<String, Double> largest = new LinkedHashMap<>();
        for (Case c : cases) {
            System.out.printf(Locale.ROOT, "%s\t%d\t%.1f%n", c.name, c.elements, c.perSecond() / 1e6);
            if (c.elements == LARGEST) {
                largest.put(c.name, c.perSecond());
            }
        }
        System.out.flush();

        List<Case> lenet = lenetCases();
        for (Case c : lenet) {
            c.warmUp();
        }
        // short samples, three times as many: a forward pass allocates, and the best sample is one without a pause
        for (int round = 0; round < 3 * rounds; round++) {
            lenet.forEach(Case::sample);
        }
        Map<String, Double> images = new LinkedHashMap<>();
        for (Case c : lenet) {
            images.put(c.name, c.perSecond());
            if (!c.name.startsWith("lenet_plain")) {
                System.out.printf(Locale.ROOT, "%s\t%d\t%.1f%n", c.name, c.elements, c.perSecond());
            }
        }

        System.out.println();
        System.out.println("# ratio\tvalue\tgoal\tstatus   (16777216 elements, same run; LeNet batch 128)");
        double copy = largest.get("copy");
        // issue 18: one read and one write per value for a fixed range, one extra read for auto
        ratio("sym8_roundtrip/copy", largest.get("sym8_roundtrip") / copy, 0.95);
        ratio("fxp_3_12_roundtrip/copy", largest.get("fxp_3_12_roundtrip") / copy, 0.95);
        ratio("pos8_roundtrip/copy", largest.get("pos8_roundtrip") / copy, 0.95);
        ratio("sym8_auto_roundtrip/copy", largest.get("sym8_auto_roundtrip") / copy, 0.65);
        ratio("pipeline_sym16_rate1e-3_randombitflip/copy",
                largest.get("pipeline_sym16_rate1e-3_randombitflip") / copy, 0.6);
        double golden = images.get("lenet_golden_img_per_s");
        ratio("lenet_fi/lenet_golden", images.get("lenet_fi_img_per_s") / golden, 0.97);
        System.out.printf(Locale.ROOT, "ratio\t%s\t%.3f\t-\tinfo (golden quantizes; plain is float32 without hooks)%n",
                "lenet_fi/lenet_plain", images.get("lenet_fi_img_per_s") / images.get("lenet_plain_img_per_s"));
        FormatCases.print(rounds);
    }

    private static void ratio(String name, double value, double goal) {
        System.out.printf(Locale.ROOT, "ratio\t%s\t%.3f\t>= %.2f\t%s%n", name, value, goal, value >= goal ? "ok" : "MISS");
    }

    private static List<Case> elementCases() {
        Quantization sym8 = Workloads.quantization("sym8");
        Quantization sym8Auto = Workloads.quantization("sym8_auto");
        Quantization fxp = Workloads.quantization("fxp_3_12");
        Quantization pos8 = Workloads.quantization("pos8");
        InjectionPlan pipeline = Workloads.pipelinePlan();
        List<Case> cases = new ArrayList<>();
        for (int size : SIZES) {
            float[] pristine = Workloads.activations(size, 42);
            TensorShape shape = Workloads.shapeOf(size);

            float[] copyTarget = new float[size];
            cases.add(new Case("copy", size, () -> { },
                    () -> System.arraycopy(pristine, 0, copyTarget, 0, size)));

            float[] sym8Data = new float[size];
            cases.add(new Case("sym8_roundtrip", size, () -> System.arraycopy(pristine, 0, sym8Data, 0, size),
                    () -> roundTrip(sym8, sym8Data)));

            float[] autoData = new float[size];
            cases.add(new Case("sym8_auto_roundtrip", size, () -> System.arraycopy(pristine, 0, autoData, 0, size),
                    () -> roundTrip(sym8Auto, autoData)));

            float[] fxpData = new float[size];
            cases.add(new Case("fxp_3_12_roundtrip", size, () -> System.arraycopy(pristine, 0, fxpData, 0, size),
                    () -> roundTrip(fxp, fxpData)));

            float[] posData = new float[size];
            cases.add(new Case("pos8_roundtrip", size, () -> System.arraycopy(pristine, 0, posData, 0, size),
                    () -> roundTrip(pos8, posData)));

            float[] pipelineData = new float[size];
            Trial trial = pipeline.newTrial(7L);
            cases.add(new Case("pipeline_sym16_rate1e-3_randombitflip", size,
                    () -> System.arraycopy(pristine, 0, pipelineData, 0, size),
                    () -> trial.onInput(Workloads.MODULE, pipelineData, shape)));
        }
        return cases;
    }

    /** What a trial does for a layerwise entry that injects nothing: resolve the range, one fused pass. */
    private static void roundTrip(Quantization quantization, float[] data) {
        Quantizer quantizer = quantization.forTensor(data, 0, data.length);
        quantizer.roundTrip(data, 0, data, 0, data.length);
    }

    private static List<Case> lenetCases() {
        Network network = Workloads.lenet();
        float[] images = Workloads.lenetBatch();
        TensorShape shape = Workloads.lenetBatchShape();
        InjectionPlan plan = InjectionPlan.build(Workloads.preset("default_fi"), network.describe());
        Trial golden = plan.newTrial(1L);
        golden.setGolden(true);
        Trial faulty = plan.newTrial(1L);
        List<Case> cases = new ArrayList<>();
        cases.add(lenetCase("lenet_golden_img_per_s", () -> network.forward(images, shape, golden)));
        cases.add(lenetCase("lenet_fi_img_per_s", () -> network.forward(images, shape, faulty)));
        cases.add(lenetCase("lenet_plain_img_per_s", () -> network.forward(images, shape, ForwardHooks.NONE)));
        return cases;
    }

    private static Case lenetCase(String name, Runnable forward) {
        return new Case(name, Workloads.LENET_BATCH, () -> { }, forward, LENET_WARMUP_NANOS, LENET_SAMPLE_NANOS);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
