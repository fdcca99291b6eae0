package dev.mrfi.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Special values and malformed tensors through the engine with the real plugins: NaN, infinities,
 * subnormals and -0.0 follow the reference (docs/reliability.md, "Tensor input"); zero-size tensors,
 * arrays shorter than their shape and positions outside the tensor are errors that name the site.
 */
class TensorInputTest {

    private static final List<ModuleDescriptor> MODULES = List.of(
            new ModuleDescriptor("fc1", "Linear", Map.of("weight", TensorShape.of(2, 3))),
            new ModuleDescriptor("conv1", "Conv2d", Map.of()));

    private static final float SUBNORMAL = 1e-39f;

    private static Trial trial(String entries) {
        return InjectionPlan.build(ConfigOutcomes.LOADER.parse("faultinject:\n" + entries, "test.yaml"), MODULES)
                .newTrial(42L);
    }

    private static String entry(String type, String quantization, String selector, String errorMode) {
        return "  - type: " + type + "\n    module_name: fc\n"
                + (quantization.isEmpty() ? "" : "    quantization: " + quantization + "\n")
                + (selector.isEmpty() ? "" : "    selector: " + selector + "\n")
                + "    error_mode: " + errorMode + "\n";
    }

    private static float[] onInput(String entries, float... values) {
        float[] data = values.clone();
        trial(entries).onInput("fc1", data, TensorShape.of(1, data.length));
        return data;
    }

    private static String quantizeOnly(String quantization) {
        return entry("activation", quantization, "{method: EmptySelector}", "{method: SetZero}");
    }

    @Test
    void aNanInAnAutoRangeTensorMakesTheWholeTensorNanAsTheReferenceDoes() {
        float[] out = onInput(quantizeOnly("{method: SymmericQuantization, bit_width: 8, dynamic_range: auto}"),
                0.5f, -1f, Float.NaN, 2f);
        assertThat(out).containsOnly(Float.NaN);
        float[] positive = onInput(quantizeOnly("{method: PositiveQuantization, bit_width: 8, dynamic_range: auto}"),
                0.5f, Float.NaN, 2f);
        assertThat(positive).containsOnly(Float.NaN);
    }

    @Test
    void anInfinityInAnAutoRangeTensorMakesTheWholeTensorNan() {
        float[] out = onInput(quantizeOnly("{method: SymmericQuantization, bit_width: 8, dynamic_range: auto}"),
                0.5f, Float.POSITIVE_INFINITY, -2f);
        assertThat(out).containsOnly(Float.NaN);
    }

    @Test
    void withAConfiguredRangeNanStaysNanInfinitiesClipAndSubnormalsAndNegativeZeroBecomeZero() {
        float[] out = onInput(quantizeOnly("{method: SymmericQuantization, bit_width: 8, dynamic_range: 2.0}"),
                Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, SUBNORMAL, -Float.MIN_VALUE, -0.0f, 1f);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isEqualTo(2f);
        assertThat(out[2]).isEqualTo(-2f);
        assertThat(Float.floatToRawIntBits(out[3])).as("a subnormal becomes +0.0").isZero();
        assertThat(Float.floatToRawIntBits(out[4])).as("a negative subnormal becomes +0.0").isZero();
        assertThat(Float.floatToRawIntBits(out[5])).as("-0.0 becomes +0.0 through the +D step").isZero();
        assertThat(out[6]).isCloseTo(1f, org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void positiveAndFixPointQuantizationKeepNegativeZeroAndPropagateNan() {
        float[] positive = onInput(quantizeOnly("{method: PositiveQuantization, bit_width: 8, dynamic_range: 1.0}"),
                -0.0f, Float.NaN, -3f, SUBNORMAL);
        assertThat(Float.floatToRawIntBits(positive[0])).isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(positive[1]).isNaN();
        assertThat(positive[2]).isEqualTo(0f);
        assertThat(Float.floatToRawIntBits(positive[3])).isZero();
        float[] fixed = onInput(quantizeOnly("{method: FixPointQuantization, integer_bit: 2, decimal_bit: 5}"),
                -0.0f, Float.NaN, Float.NEGATIVE_INFINITY, SUBNORMAL);
        assertThat(Float.floatToRawIntBits(fixed[0])).isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(fixed[1]).isNaN();
        assertThat(fixed[2]).isEqualTo(-4f);
        assertThat(fixed[3]).isZero();
    }

    @Test
    void anAllZeroTensorWithAnAutoRangeStaysZeroInsteadOfTurningNan() {
        float[] out = onInput(entry("activation", "{method: SymmericQuantization, bit_width: 8, dynamic_range: auto}",
                "{method: FixPosition, position: 1}", "{method: IntSignBitFlip, bit_width: 8}"), 0f, 0f, -0.0f);
        assertThat(out).containsOnly(0f);
    }

    @Test
    void integerFlipsReadNanAndInfinityAsTheMostNegativeCodeAsTheReferenceDoesOnCpu() {
        float[] out = onInput(entry("activation", "", "", "{method: SetValue, value: .nan}")
                + entry("activation", "{method: SymmericQuantization, bit_width: 26, dynamic_range: 1.0, layerwise: false}",
                "{method: FixPosition, position: 0}", "{method: IntFixedBitFlip, bit_width: 26, bit: 0}"), 1f, 2f);
        // -2^31 + 1 dequantized with L = 2^25 - 1 and D = 1: (-2^31 + 2^25) / L - 1 = -64
        assertThat(out[0]).as("NaN read as -2^31, bit 0 flipped, dequantized").isEqualTo(-64f);
        assertThat(out[1]).isNaN();
    }

    @Test
    void floatSignFlipsTreatNegativeZeroAndInfinitiesAsBitPatterns() {
        float[] out = onInput(entry("activation", "", "", "{method: FloatFixedBitFlip, bit: 31}"),
                -0.0f, Float.POSITIVE_INFINITY, Float.NaN, SUBNORMAL);
        assertThat(Float.floatToRawIntBits(out[0])).isZero();
        assertThat(out[1]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(out[2]).isNaN();
        assertThat(out[3]).isEqualTo(-SUBNORMAL);
    }

    @Test
    void aZeroSizeTensorPassesUntouchedWhenNoFixedPositionIsNeeded() {
        Trial trial = trial(entry("activation", "{method: SymmericQuantization, bit_width: 8, dynamic_range: auto}",
                "{method: RandomPositionByRate, rate: 1.0}", "{method: IntSignBitFlip, bit_width: 8}")
                + entry("activation_out", "", "", "{method: FloatRandomBitFlip}"));
        float[] empty = new float[0];
        trial.onInput("fc1", empty, TensorShape.of(0, 8));
        trial.onOutput("fc1", empty, TensorShape.of(8, 0));
        assertThat(empty).isEmpty();
    }

    @Test
    void aFixedPositionInAZeroSizeTensorIsAnErrorNamingTheSite() {
        Trial trial = trial(entry("activation", "", "{method: FixPosition, position: 0}", "{method: SetZero}"));
        assertThatThrownBy(() -> trial.onInput("fc1", new float[0], TensorShape.of(0, 4)))
                .isInstanceOf(InjectionException.class)
                .hasMessageStartingWith("at fc1/activation_in#0 (call 0): selector FixPosition (")
                .hasMessageEndingWith(" failed: position 0 is outside the tensor of shape [0, 4], which has 0 elements");
    }

    @Test
    void anArrayShorterThanItsShapeIsAnErrorNamingTheSite() {
        Trial trial = trial(entry("activation", "", "{method: RandomPositionByNumber, n: 1}", "{method: SetZero}")
                + entry("weight", "", "{method: FixPosition, position: 0}", "{method: SetZero}"));
        assertThatThrownBy(() -> trial.onInput("fc1", new float[5], TensorShape.of(2, 4)))
                .isInstanceOf(InjectionException.class)
                .hasMessage("at fc1/activation_in#0: the tensor of shape [2, 4] needs 8 values but the array holds 5");
        assertThatThrownBy(() -> trial.onWeight("fc1", "weight", new float[5], TensorShape.of(2, 3)))
                .isInstanceOf(InjectionException.class)
                .hasMessage("at fc1/weight/weight#1: the tensor of shape [2, 3] needs 6 values but the array holds 5");
    }

    @Test
    void anArrayShorterThanItsShapeAtAnObservedModuleIsAnErrorNamingTheModule() {
        Trial trial = InjectionPlan.build(ConfigOutcomes.LOADER.parse("observe:\n  - {method: MinMax, module_name: fc}\n",
                "test.yaml"), MODULES).newTrial(1L);
        assertThatThrownBy(() -> trial.onOutput("fc1", new float[5], TensorShape.of(2, 4)))
                .isInstanceOf(InjectionException.class)
                .hasMessage("at fc1 (output): the tensor of shape [2, 4] needs 8 values but the array holds 5");
    }

    @Test
    void positionsOutsideTheTensorAreErrorsNamingTheSiteThePositionAndTheShape() {
        String site = "at fc1/activation_in#0 (call 0): ";
        assertThat(injectionError("{method: FixPosition, position: 8}", TensorShape.of(2, 4)))
                .isEqualTo(site + "position 8 is outside the tensor of shape [2, 4], which has 8 elements");
        assertThat(injectionError("{method: FixPosition, position: [1, 4]}", TensorShape.of(2, 4)))
                .isEqualTo(site + "position [1, 4] is outside the tensor of shape [2, 4]");
        assertThat(injectionError("{method: FixPosition, position: [0, 1, 2]}", TensorShape.of(2, 4)))
                .isEqualTo(site + "position [0, 1, 2] has 3 coordinates but the tensor of shape [2, 4] has 2 dimensions;"
                        + " give a flat index or one coordinate per dimension");
        assertThat(injectionError("{method: FixPositions, positions: [0, 7, 8]}", TensorShape.of(2, 4)))
                .isEqualTo(site + "position 8 (entry 2 of positions) is outside the tensor of shape [2, 4], which has 8"
                        + " elements");
        assertThat(injectionError("{method: FixPositions, positions: [[0, 2], [1, 1]]}", TensorShape.of(2, 4)))
                .isEqualTo(site + "point (2, 1) (entry 1 of the per-dimension lists) is outside the tensor of shape"
                        + " [2, 4]");
        assertThat(injectionError("{method: FixedPixelByNumber, n: 1, pixel: [0, 5]}", TensorShape.of(1, 2, 3, 3)))
                .isEqualTo(site + "pixel [0, 5] is outside the 3 x 3 pixels of the tensor of shape [1, 2, 3, 3]");
        assertThat(injectionError("{method: SelectedDimRandomPositionByNumber, n: 1, channel: [7]}",
                TensorShape.of(2, 4))).startsWith(site).contains("7").contains("[2, 4]");
    }

    @Test
    void aCountTooLargeForMemoryIsAnErrorNamingTheLimitInsteadOfAnOutOfMemoryError() {
        assertThat(injectionError("{method: RandomPositionByNumber, n: 2147483639}", TensorShape.of(2, 4)))
                .isEqualTo("at fc1/activation_in#0 (call 0): drawing 2147483639 positions with replacement from 8"
                        + " candidates exceeds the limit of one call (16777216, or twice the candidates); use a"
                        + " smaller n, or distinct: true");
        assertThat(injectionError("{method: RandomPositionByNumber, n: 2147483639, per_instance: true}",
                TensorShape.of(2, 4))).contains("exceeds the limit of one call");
        float[] data = new float[8];
        trial(entry("activation", "", "{method: RandomPositionByNumber, n: 2147483639, distinct: true}",
                "{method: SetValue, value: 1}")).onInput("fc1", data, TensorShape.of(2, 4));
        assertThat(data).as("distinct draws are capped at the tensor's size").containsOnly(1f);
    }

    private static String injectionError(String selector, TensorShape shape) {
        Trial trial = trial(entry("activation", "", selector, "{method: SetZero}"));
        float[] data = new float[shape.size()];
        try {
            trial.onInput("fc1", data, shape);
        } catch (InjectionException e) {
            // the engine names the failing plugin and its JAR; the rest is the selector's own message
            assertThat(e.getMessage()).containsPattern("selector \\w+ \\(dev\\.mrfi\\.selector\\.\\w+Provider \\(from .+\\)\\) failed: ");
            return e.getMessage().replaceFirst("selector \\w+ \\(dev\\.mrfi\\.selector\\.\\w+Provider \\(from .+?\\)\\) failed: ", "");
        }
        throw new AssertionError("no InjectionException for " + selector + " on " + shape);
    }

    @Test
    void tensorsTooLargeForOneJavaArrayAreRejectedWithTheLimit() {
        assertThatThrownBy(() -> TensorShape.of(65536, 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor of shape [65536, 65536] has more than 2147483639 elements, the limit of one Java"
                        + " array");
        assertThatThrownBy(() -> TensorShape.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE))
                .hasMessageContaining("has more than " + TensorShape.MAX_ELEMENTS + " elements");
        assertThatThrownBy(() -> TensorShape.of(4, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimension 1 is negative in [4, -1]");
        assertThat(TensorShape.of((int) TensorShape.MAX_ELEMENTS).size()).isEqualTo(Integer.MAX_VALUE - 8);
    }
}
