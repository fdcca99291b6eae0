package dev.mrfi.golden;

import static dev.mrfi.golden.ExperimentToolkitTest.DATA;
import static dev.mrfi.golden.ExperimentToolkitTest.DEFAULT_FI;
import static dev.mrfi.golden.ExperimentToolkitTest.LENET;
import static dev.mrfi.golden.ExperimentToolkitTest.MRFI;
import static dev.mrfi.golden.ExperimentToolkitTest.toolkit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.config.BoundPlugin;
import dev.mrfi.core.config.ConfigTree;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.HookType;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.core.experiment.Calibration;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.io.NpyArray;
import dev.mrfi.nn.io.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibration writes each node's observed range as a fixed {@code dynamic_range}; the saved tree loads
 * back with those ranges, and its quantization no longer depends on the batch a tensor comes in.
 */
class CalibrationTest {

    private static final List<ModuleDescriptor> MODULES = LENET.describe();

    private static double rangeOf(ConfigTree.Node node) {
        BoundPlugin<?> plugin = node.entry().quantization().orElseThrow().plugin();
        ParameterSpec<DynamicRange> spec = node.entry().quantization().orElseThrow().plugin().provider()
                .rangeParameter().orElseThrow();
        DynamicRange range = plugin.config().get(spec);
        assertThat(range.auto()).as("%s is fixed", node.module()).isFalse();
        return range.value();
    }

    /** The golden logits of example 0 when it runs alone and when it runs first in a batch of 16. */
    private static float[][] aloneAndInBatch(EasyConfig config) {
        InjectionPlan plan = InjectionPlan.build(config, MODULES);
        int perExample = DATA.images().length / DATA.size();
        float[][] logits = new float[2][];
        int[] sizes = {1, 16};
        for (int k = 0; k < 2; k++) {
            Trial trial = plan.newTrial(0L);
            trial.setGolden(true);
            float[] batch = Arrays.copyOf(DATA.images(), sizes[k] * perExample);
            logits[k] = Arrays.copyOf(LENET.forward(batch, TensorShape.of(sizes[k], 1, 28, 28), trial).data(), 10);
        }
        return logits;
    }

    @Test
    void theSavedTreeLoadsBackWithTheCalibratedFixedRanges(@TempDir Path dir) {
        Calibration.Result result = new Calibration(toolkit(DEFAULT_FI, 2)).calibrate(Calibration.Method.MAX_ABS, 200);
        Path file = dir.resolve("calibrated.yaml");
        result.save(file);
        ConfigTree loaded = MRFI.trees().load(file, MODULES);

        assertThat(result.ranges()).extracting(Calibration.CalibratedRange::module)
                .containsExactly("conv1", "conv2", "fc1", "fc2", "fc3");
        assertThat(result.provenance().images()).isEqualTo(200);
        float maxPixel = 0;
        for (int i = 0; i < 200 * 28 * 28; i++) {
            maxPixel = Math.max(maxPixel, Math.abs(DATA.images()[i]));
        }
        assertThat(result.ranges().get(0).range()).isEqualTo(maxPixel);
        for (Calibration.CalibratedRange range : result.ranges()) {
            ConfigTree.Node node = loaded.nodes().stream()
                    .filter(n -> n.module().equals(range.module()) && n.hook() == HookType.ACTIVATION_IN)
                    .findFirst().orElseThrow();
            assertThat(rangeOf(node)).as(range.module()).isEqualTo(range.range());
        }
        assertThat(loaded).isEqualTo(result.tree());
        assertThat(result.table().toCsv()).startsWith("module,hook,weight,position,low,high,dynamic_range\nconv1,");
    }

    @Test
    void calibratedRangesMakeQuantizationIndependentOfTheBatch(@TempDir Path dir) {
        Calibration.Result result = new Calibration(toolkit(DEFAULT_FI, 1))
                .calibrate(Calibration.Method.MAX_ABS, 300);
        result.save(dir.resolve("tree.yaml"));
        EasyConfig fixed = MRFI.trees().load(dir.resolve("tree.yaml"), MODULES).toEasyConfig();
        EasyConfig eightBitAuto = MRFI.configs().parse("""
                faultinject:
                  - type: activation
                    module_name: [conv, fc]
                    quantization: {method: SymmericQuantization, dynamic_range: auto, bit_width: 8}
                    selector: {method: RandomPositionByRate, rate: 1e-3}
                    error_mode: {method: IntSignBitFlip, bit_width: 8}
                """, "eight-bit.yaml");
        EasyConfig eightBitFixed = MRFI.trees().load(saved(new Calibration(toolkit(eightBitAuto, 1))
                .calibrate(Calibration.Method.MAX_ABS, 300), dir.resolve("eight.yaml")), MODULES).toEasyConfig();

        float[][] auto = aloneAndInBatch(eightBitAuto);
        float[][] calibrated = aloneAndInBatch(eightBitFixed);
        assertThat(auto[0]).as("with auto ranges a batch shares one range").isNotEqualTo(auto[1]);
        assertThat(calibrated[0]).isEqualTo(calibrated[1]);
        float[][] sixteenBits = aloneAndInBatch(fixed);
        assertThat(sixteenBits[0]).isEqualTo(sixteenBits[1]);
    }

    private static Path saved(Calibration.Result result, Path file) {
        result.save(file);
        return file;
    }

    @Test
    void minMaxTakesTheLargerMagnitudeAndAgreesWithMaxAbs() {
        Calibration calibration = new Calibration(toolkit(DEFAULT_FI, 2));
        Calibration.Result minMax = calibration.calibrate(Calibration.Method.MIN_MAX, 100);
        Calibration.Result maxAbs = calibration.calibrate(Calibration.Method.MAX_ABS, 100);

        assertThat(minMax.ranges()).extracting(Calibration.CalibratedRange::range)
                .isEqualTo(maxAbs.ranges().stream().map(Calibration.CalibratedRange::range).toList());
        assertThat(minMax.ranges()).allSatisfy(r ->
                assertThat(r.range()).isEqualTo(Math.max(Math.abs(r.low()), Math.abs(r.high()))));
        assertThat(minMax.ranges().get(0).low()).as("pixels are not negative").isGreaterThanOrEqualTo(0);
        assertThat(minMax.ranges().get(2).low()).as("fc1 reads a flattened ReLU output").isGreaterThanOrEqualTo(0);
    }

    @Test
    void weightNodesGetTheirWeightsLargestMagnitude() throws IOException {
        Map<String, NpyArray> state;
        try (InputStream in = LeNet.class.getResourceAsStream(LeNet.EMBEDDED_WEIGHTS)) {
            state = Npz.read(in, "embedded LeNet");
        }
        Calibration.Result result = new Calibration(toolkit(MRFI.configs().preset("weight_fi"), 1))
                .calibrate(Calibration.Method.MAX_ABS, 10);

        assertThat(result.ranges()).hasSize(5).allSatisfy(r -> {
            assertThat(r.hook()).isEqualTo(HookType.WEIGHT);
            double expected = 0;
            for (float v : state.get(r.module() + "." + r.weight()).data()) {
                expected = Math.max(expected, Math.abs(v));
            }
            assertThat(r.range()).as(r.module()).isEqualTo(expected);
        });
    }

    @Test
    void mistakesAreConfigurationErrors() {
        assertThatThrownBy(() -> Calibration.Method.parse("MaxAbz", "--method"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--method: unknown calibration method 'MaxAbz'. Allowed: [MaxAbs, MinMax].")
                .hasMessageContaining("Did you mean 'MaxAbs'?");
        EasyConfig noQuantization = MRFI.configs().parse("""
                faultinject:
                  - type: activation
                    module_name: [fc]
                    selector: {method: RandomPositionByRate, rate: 1e-3}
                    error_mode: {method: SetZero}
                """, "no-quantization.yaml");
        assertThatThrownBy(() -> new Calibration(toolkit(noQuantization, 1)).calibrate(Calibration.Method.MAX_ABS, 10))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("faultinject: no node of the configuration quantizes with a dynamic_range");
    }
}
