package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs every benchmark shares, built the way a host builds them: plugins only through the registry
 * and configuration text, never by class name.
 */
final class Workloads {

    /** The quantization schemes measured, by benchmark name; the reference's configuration blocks. */
    static final Map<String, String> QUANTIZATIONS = quantizations();

    /** The module the single-activation pipeline runs on. */
    static final String MODULE = "fc";

    /** Symmetric 16-bit {@code auto}, 1e-3 Poisson positions, one random bit flipped in each. */
    static final String PIPELINE_YAML = """
            faultinject:
              - type: activation
                module_name: [fc]
                quantization: {method: SymmericQuantization, bit_width: 16, dynamic_range: auto}
                selector: {method: RandomPositionByRate, rate: 1e-3, poisson: true}
                error_mode: {method: IntRandomBitFlip, bit_width: 16}
            """;

    static final int LENET_BATCH = 128;

    private static final Mrfi MRFI = Mrfi.load();

    private Workloads() {
    }

    private static Map<String, String> quantizations() {
        Map<String, String> schemes = new LinkedHashMap<>();
        schemes.put("sym8", "{method: SymmericQuantization, bit_width: 8, dynamic_range: 3.0}");
        schemes.put("sym8_auto", "{method: SymmericQuantization, bit_width: 8, dynamic_range: auto}");
        schemes.put("sym16_auto", "{method: SymmericQuantization, bit_width: 16, dynamic_range: auto}");
        schemes.put("pos8", "{method: PositiveQuantization, bit_width: 8, dynamic_range: 3.0}");
        schemes.put("pos8_auto", "{method: PositiveQuantization, bit_width: 8, dynamic_range: auto}");
        schemes.put("fxp_3_12", "{method: FixPointQuantization, integer_bit: 3, decimal_bit: 12}");
        return schemes;
    }

    static Mrfi mrfi() {
        return MRFI;
    }

    static Quantization quantization(String name) {
        String block = QUANTIZATIONS.get(name);
        if (block == null) {
            throw new IllegalArgumentException("unknown scheme '" + name + "'; known: " + QUANTIZATIONS.keySet());
        }
        return MRFI.quantization(ConfigDocuments.parse("quantization: " + block, name));
    }

    static EasyConfig config(String yaml, String source) {
        return new EasyConfigLoader(MRFI.blocks()).parse(yaml, source);
    }

    /**
     * Activation-like values: normally distributed with standard deviation 1, so a range of 3.0 clips a
     * few of them, as real activations are clipped.
     */
    static float[] activations(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) gaussian(random);
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** A four-dimensional activation shape of {@code size} elements, batch first. */
    static TensorShape shapeOf(int size) {
        int batch = Math.max(1, size / (16 * 64 * 64));
        int rest = size / batch;
        if (rest % (64 * 64) == 0) {
            return TensorShape.of(batch, rest / (64 * 64), 64, 64);
        }
        return TensorShape.of(batch, rest);
    }

    /**
     * Builds a selector from its configuration block, for example
     * {@code {method: RandomPositionByRate, rate: 1e-3}}.
     */
    static Selector selector(String block) {
        EasyConfig config = config("faultinject:\n  - type: activation\n    module_name: [" + MODULE + "]\n"
                + "    selector: " + block + "\n    error_mode: {method: SetZero}\n", "selector");
        return config.faultInject().get(0).selector().orElseThrow().operator();
    }

    /**
     * Builds an error mode from its configuration block; integer modes get the 16-bit symmetric
     * quantization whose codes they read.
     */
    static ErrorMode errorMode(String block) {
        String quantization = block.contains("method: Int")
                ? "    quantization: {method: SymmericQuantization, bit_width: 16, dynamic_range: auto}\n" : "";
        EasyConfig config = config("faultinject:\n  - type: activation\n    module_name: [" + MODULE + "]\n"
                + quantization + "    error_mode: " + block + "\n", "error mode");
        return config.faultInject().get(0).errorMode().operator();
    }

    static InjectionPlan pipelinePlan() {
        return InjectionPlan.build(config(PIPELINE_YAML, "pipeline"),
                List.of(new ModuleDescriptor(MODULE, "Linear", Map.of())));
    }

    static Network lenet() {
        return LeNet.embedded();
    }

    /** The first {@value #LENET_BATCH} bundled Fashion-MNIST test images, as the network takes them. */
    static float[] lenetBatch() {
        Dataset data = FashionMnist.embedded();
        int perImage = data.images().shape().size() / data.images().shape().dim(0);
        return Arrays.copyOf(data.images().data(), LENET_BATCH * perImage);
    }

    static TensorShape lenetBatchShape() {
        return TensorShape.of(LENET_BATCH, 1, 28, 28);
    }

    static EasyConfig preset(String name) {
        return new EasyConfigLoader(MRFI.blocks()).preset(name);
    }
}
