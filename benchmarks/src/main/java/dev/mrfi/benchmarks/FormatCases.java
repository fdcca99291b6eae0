package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.config.ConfigDocuments;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The quick comparison's lines for the number formats of issue 17: the round trip of each format as a
 * trial runs it for a layer-wise entry (resolve the quantizer, then {@code Quantizer.roundTrip} in place,
 * which is quantize then dequantize for a quantizer without a fused one) on 16M activation-like values,
 * single-threaded, beside a copy of the same array measured in the same way in the same run, and each
 * round trip's ratio to the copy. Best of {@code rounds} samples after a warm-up, like the other quick
 * lines.
 */
final class FormatCases {

    private static final int SIZE = 1 << 24;
    private static final long WARMUP_NANOS = 400_000_000L;

    /** Benchmark name, configuration block, and the goal of its ratio to copy (0 for none). */
    private static final String[][] SCHEMES = {
        {"fp16_roundtrip", "{method: Float16Quantization}", "0"},
        {"bf16_roundtrip", "{method: BFloat16Quantization}", "0"},
        {"fp8_e4m3_roundtrip", "{method: Fp8Quantization, format: e4m3}", "0"},
        {"mxfp8_e4m3_b32_roundtrip", "{method: MxQuantization, format: fp8_e4m3, block_size: 32}", "0.4"},
        {"mxfp4_e2m1_b32_roundtrip", "{method: MxQuantization, format: fp4_e2m1, block_size: 32}", "0"},
        {"perchannel8_roundtrip", "{method: PerChannelQuantization, bit_width: 8, axis: 1}", "0"},
    };

    private FormatCases() {
    }

    /**
     * Prints only the format lines: {@code java -cp benchmarks/target/benchmarks.jar
     * dev.mrfi.benchmarks.FormatCases [rounds]}.
     *
     * @param args optionally the number of rounds (default 7)
     */
    public static void main(String[] args) {
        print(args.length > 0 ? Integer.parseInt(args[0]) : 7);
    }

    /**
     * Measures and prints the lines {@code <name> TAB <elements> TAB <M elements per s>}, then one ratio line
     * per format.
     *
     * @param rounds samples per case; the best counts
     */
    static void print(int rounds) {
        float[] pristine = Workloads.activations(SIZE, 43);
        TensorShape shape = Workloads.shapeOf(SIZE);
        float[] data = new float[SIZE];
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("copy", best(rounds, () -> { }, () -> System.arraycopy(pristine, 0, data, 0, SIZE)));
        for (String[] scheme : SCHEMES) {
            Quantization quantization = Workloads.mrfi().quantization(
                    ConfigDocuments.parse("quantization: " + scheme[1], scheme[0]));
            rates.put(scheme[0], best(rounds, () -> System.arraycopy(pristine, 0, data, 0, SIZE), () -> {
                Quantizer quantizer = quantization.forTensor(data, 0, shape);
                quantizer.roundTrip(data, 0, data, 0, SIZE);
            }));
        }
        System.out.println();
        System.out.println("# formats (issue 17): round trips of 16777216 values beside a copy, same run");
        rates.forEach((name, perSecond) ->
                System.out.printf(Locale.ROOT, "%s\t%d\t%.1f%n", name, SIZE, perSecond / 1e6));
        double copy = rates.get("copy");
        for (String[] scheme : SCHEMES) {
            double ratio = rates.get(scheme[0]) / copy;
            double goal = Double.parseDouble(scheme[2]);
            System.out.printf(Locale.ROOT, "ratio\t%s/copy\t%.3f\t%s\t%s%n", scheme[0], ratio,
                    goal > 0 ? ">= " + scheme[2] : "-", goal > 0 ? (ratio >= goal ? "ok" : "MISS") : "info");
        }
    }

    /** Returns the best rate, in elements per second, of {@code rounds} timed runs after a warm-up. */
    private static double best(int rounds, Runnable restore, Runnable operation) {
        long start = System.nanoTime();
        int runs = 0;
        do {
            restore.run();
            operation.run();
            runs++;
        } while (System.nanoTime() - start < WARMUP_NANOS || runs < 3);
        double bestNanos = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            restore.run();
            long begin = System.nanoTime();
            operation.run();
            bestNanos = Math.min(bestNanos, System.nanoTime() - begin);
        }
        return SIZE / bestNanos * 1e9;
    }
}
