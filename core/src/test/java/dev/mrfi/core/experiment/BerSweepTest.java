package dev.mrfi.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.registry.DiscoveredPlugins;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The BER sweep sets rates through the capabilities plugins declare, never by their names: a rate
 * selector whose name lacks "Rate" is swept, a selector named "...Rate..." without a rate is left alone.
 * The model is an identity on two features where class 1 always wins, and the fault adds 1000 to the
 * feature 0 of the first {@code round(size * density)} examples, so each position hit turns one answer
 * wrong and the accuracy at each point is known exactly.
 */
class BerSweepTest {

    private static final int EXAMPLES = 100;

    private static final ParameterSpec<Double> DENSITY = ParameterSpec.optional("density", ValueTypes.FLOAT, 0.0,
            "Fraction of positions.").constrainedBy(new Constraint<>("in [0, 1]", v -> v >= 0 && v <= 1));
    private static final ParameterSpec<Integer> COUNT = ParameterSpec.optional("n", ValueTypes.INT, 0, "Positions.");

    /** A rate-driven selector whose name and parameter avoid the word "rate". */
    static final class Sprinkle implements SelectorProvider {
        @Override public String name() { return "Sprinkle"; }
        @Override public String description() { return "The first size x density even positions."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.of(DENSITY); }
        @Override public Optional<ParameterSpec<Double>> rateParameter() { return Optional.of(DENSITY); }

        @Override
        public Selector create(PluginConfig config) {
            double density = config.get(DENSITY);
            return (TensorShape shape, RandomGenerator random) -> java.util.stream.IntStream
                    .range(0, Math.min(shape.size() / 2, (int) Math.round(shape.size() * density)))
                    .map(i -> 2 * i).toArray();
        }
    }

    /** A selector named like a rate selector that has no rate at all. */
    static final class FirstRatedN implements SelectorProvider {
        @Override public String name() { return "FirstRatedN"; }
        @Override public String description() { return "The first n positions."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.of(COUNT); }

        @Override
        public Selector create(PluginConfig config) {
            int n = config.get(COUNT);
            return (TensorShape shape, RandomGenerator random) -> java.util.stream.IntStream.range(0, n).toArray();
        }
    }

    /** Adds 1000; declares 4 bits per value. */
    static final class AddThousand implements ErrorModeProvider {
        @Override public String name() { return "AddThousand"; }
        @Override public String description() { return "Adds 1000."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.empty(); }

        @Override
        public ErrorMode create(PluginConfig config) {
            return new ErrorMode() {
                @Override
                public void apply(float[] values, int offset, int length, RandomGenerator random) {
                    for (int i = offset; i < offset + length; i++) {
                        values[i] += 1000f;
                    }
                }

                @Override
                public int bitsPerValue() {
                    return 4;
                }
            };
        }
    }

    private static EasyConfigLoader loader() {
        Mrfi mrfi = Mrfi.of(DiscoveredPlugins.of(List.<PluginProvider>of(new Sprinkle(), new FirstRatedN(),
                new AddThousand())));
        return new EasyConfigLoader(mrfi.blocks());
    }

    /** The identity on two features, one module {@code fc} whose input is hooked. */
    static ClassificationModel identity() {
        return new ClassificationModel() {
            @Override
            public List<ModuleDescriptor> describe() {
                return List.of(new ModuleDescriptor("", "Identity", Map.of()), new ModuleDescriptor("fc", "Linear", Map.of()));
            }

            @Override
            public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
                float[] x = input.clone();
                hooks.onInput("fc", x, shape);
                return x;
            }
        };
    }

    /** {@value #EXAMPLES} examples (0, 1), all of class 1. */
    static LabeledData data() {
        float[] images = new float[EXAMPLES * 2];
        for (int i = 0; i < EXAMPLES; i++) {
            images[2 * i + 1] = 1f;
        }
        int[] labels = new int[EXAMPLES];
        java.util.Arrays.fill(labels, 1);
        return new LabeledData(images, TensorShape.of(EXAMPLES, 2), labels);
    }

    private static Experiments experiments(EasyConfig config) {
        return new Experiments(config, identity(), data(), EXAMPLES, 2, 1L);
    }

    private static final String BOTH = "faultinject:\n"
            + "  - {type: activation, module_name: fc, selector: {method: Sprinkle}, error_mode: {method: AddThousand}}\n"
            + "  - {type: activation, module_name: fc, selector: {method: FirstRatedN, n: 0},"
            + " error_mode: {method: AddThousand}}\n";

    @Test
    void aRateSelectorWhoseNameLacksRateIsSweptAndARateNamedSelectorWithoutARateIsLeftAlone() {
        EasyConfig config = loader().parse(BOTH, "test");
        List<BerPoint> rows = experiments(config).berSweep(new double[] {0.01, 0.05}, 1, Experiments.ProgressListener.NONE);

        assertThat(rows).extracting(BerPoint::bitsPerValue).containsOnly(4);
        assertThat(rows.get(1).rate()).isEqualTo(0.04);
        assertThat(rows.get(2).rate()).isEqualTo(0.2);
        // density 0.04 of 200 values hits 8 examples, density 0.2 hits 40
        assertThat(rows.get(0).accuracy().mean()).isEqualTo(1.0);
        assertThat(rows.get(1).accuracy().mean()).isEqualTo(0.92);
        assertThat(rows.get(2).accuracy().mean()).isEqualTo(0.60);
        // the configuration itself is not changed by the sweep
        assertThat(config.faultInject().get(0).rate()).hasValue(0.0);
        assertThat(config.faultInject().get(1).rateDriven()).isFalse();
    }

    @Test
    void bitsPerValueGivenByTheUserReplacesTheErrorModesDeclaration() {
        List<BerPoint> rows = experiments(loader().parse(BOTH, "test"))
                .berSweep(new double[] {0.01, 0.05}, 1, OptionalInt.of(1), Experiments.ProgressListener.NONE, null, null);

        assertThat(rows).extracting(BerPoint::bitsPerValue).containsOnly(1);
        assertThat(rows.get(1).rate()).isEqualTo(0.01);
        assertThat(rows.get(1).accuracy().mean()).isEqualTo(0.98);
        assertThat(rows.get(2).accuracy().mean()).isEqualTo(0.90);
    }

    @Test
    void aSweepWithoutAnyRateDrivenSelectorIsRefusedNamingEachEntry() {
        EasyConfig config = loader().parse("faultinject:\n  - {type: activation, module_name: fc,"
                + " selector: {method: FirstRatedN, n: 3}, error_mode: {method: AddThousand}}\n"
                + "  - {type: activation, module_name: fc, enabled: false, selector: {method: Sprinkle},"
                + " error_mode: {method: AddThousand}}\n", "test");
        assertThatThrownBy(() -> experiments(config).berSweep(new double[] {1e-3}, 1, Experiments.ProgressListener.NONE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("a bit error rate sweep needs an enabled entry whose selector is driven by a rate")
                .hasMessageContaining("faultinject[0]: FirstRatedN")
                .hasMessageContaining("faultinject[1]: Sprinkle, disabled");
    }

    @Test
    void aRateAboveOneAtSomeBerIsAConfigurationErrorAtTheSelectorsPath() {
        EasyConfig config = loader().parse(BOTH, "test");
        assertThatThrownBy(() -> experiments(config).berSweep(new double[] {0.5}, 1, Experiments.ProgressListener.NONE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("faultinject[0].selector.density: at --ber 0.5 ")
                .hasMessageContaining("must be in [0, 1], got 2.0");
    }

    @Test
    void aRateAboveOneExplainsTheMultiplicationAndIsFoundBeforeAnyTrial() {
        EasyConfig config = loader().parse(BOTH, "test");
        assertThatThrownBy(() -> experiments(config).checkBers(new double[] {0.01, 0.5}, OptionalInt.empty()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("faultinject[0].selector.density")))
                .hasMessageContaining("faultinject[0].selector.density: at --ber 0.5 the rate is 0.5 x 4 bits per value"
                        + " = 2, above 1: must be in [0, 1], got 2.0. Lower the BER, or the bits per value");
        assertThatThrownBy(() -> experiments(config).berSweep(new double[] {0.07}, 1, OptionalInt.of(16),
                Experiments.ProgressListener.NONE, null, null))
                .hasMessageContaining("at --ber 0.07 the rate is 0.07 x 16 bits per value = 1.12, above 1");
        experiments(config).checkBers(new double[] {0.01, 0.25}, OptionalInt.empty());
    }
}
