package dev.mrfi.core.engine;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.registry.DiscoveredPlugins;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Small plugins with obvious arithmetic, so engine tests do not depend on the real plugin modules. */
final class FakePlugins {

    static final ParameterSpec<Integer> BITS = ParameterSpec.required("bit_width", ValueTypes.INT, "Code width.")
            .constrainedBy(Constraint.intRange(1, 32));
    static final ParameterSpec<Boolean> SIGNED = ParameterSpec.optional("signed", ValueTypes.BOOLEAN, true, "Signed code.");
    static final ParameterSpec<Integer> COUNT = ParameterSpec.optional("n", ValueTypes.INT, 1, "Positions.");
    static final ParameterSpec<Double> RATE = ParameterSpec.optional("rate", ValueTypes.FLOAT, 0.0, "Rate.");

    private FakePlugins() {
    }

    static Mrfi mrfi() {
        return Mrfi.of(DiscoveredPlugins.of(List.<PluginProvider>of(new TimesTen(), new Negate(), new BrokenNaN(), new Add100(),
                new FirstN(), new RandomByRate())));
    }

    /** Quantizes by multiplying with 10 and rounding; dequantizes by dividing. */
    static final class TimesTen implements QuantizationProvider {
        @Override public String name() { return "TimesTen"; }
        @Override public String description() { return "Codes are ten times the value."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.of(BITS, SIGNED); }

        @Override
        public Quantization create(PluginConfig config) {
            IntegerCode code = new IntegerCode(config.get(BITS), config.get(SIGNED));
            Quantizer quantizer = new Quantizer() {
                @Override
                public void quantize(float[] data, int offset, int length) {
                    for (int i = offset; i < offset + length; i++) {
                        data[i] = (float) Math.rint(data[i] * 10f);
                    }
                }

                @Override
                public void dequantize(float[] data, int offset, int length) {
                    for (int i = offset; i < offset + length; i++) {
                        data[i] = data[i] / 10f;
                    }
                }
            };
            return new Quantization() {
                @Override public IntegerCode code() { return code; }
                @Override public Quantizer forTensor(float[] data, int offset, int length) { return quantizer; }
            };
        }
    }

    /** An integer error mode that negates each code. */
    static final class Negate implements ErrorModeProvider {
        @Override public String name() { return "Negate"; }
        @Override public String description() { return "Negates codes."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.of(BITS, SIGNED); }

        @Override
        public ErrorMode create(PluginConfig config) {
            IntegerCode code = new IntegerCode(config.get(BITS), config.get(SIGNED));
            return new ErrorMode() {
                @Override
                public void apply(float[] values, int offset, int length, RandomGenerator random) {
                    for (int i = offset; i < offset + length; i++) {
                        values[i] = -values[i];
                    }
                }

                @Override
                public Optional<IntegerCode> code() {
                    return Optional.of(code);
                }
            };
        }
    }

    /** A faulty integer error mode that writes NaN. */
    static final class BrokenNaN implements ErrorModeProvider {
        @Override public String name() { return "BrokenNaN"; }
        @Override public String description() { return "Writes NaN into codes."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.of(BITS); }

        @Override
        public ErrorMode create(PluginConfig config) {
            IntegerCode code = IntegerCode.signed(config.get(BITS));
            return new ErrorMode() {
                @Override
                public void apply(float[] values, int offset, int length, RandomGenerator random) {
                    java.util.Arrays.fill(values, offset, offset + length, Float.NaN);
                }

                @Override
                public Optional<IntegerCode> code() {
                    return Optional.of(code);
                }
            };
        }
    }

    /** A float error mode that adds 100 plus a random fraction. */
    static final class Add100 implements ErrorModeProvider {
        @Override public String name() { return "Add100"; }
        @Override public String description() { return "Adds 100 and a random fraction."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.empty(); }

        @Override
        public ErrorMode create(PluginConfig config) {
            return (values, offset, length, random) -> {
                for (int i = offset; i < offset + length; i++) {
                    values[i] += 100f + (float) random.nextDouble();
                }
            };
        }
    }

    /** Selects the first n positions. */
    static final class FirstN implements SelectorProvider {
        @Override public String name() { return "FirstN"; }
        @Override public String description() { return "The first n positions."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.of(COUNT); }

        @Override
        public Selector create(PluginConfig config) {
            int n = config.get(COUNT);
            return (TensorShape shape, RandomGenerator random) -> {
                int[] indices = new int[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = i;
                }
                return indices;
            };
        }
    }

    /** Selects round(size * rate) uniformly random positions. */
    static final class RandomByRate implements SelectorProvider {
        @Override public String name() { return "RandomByRate"; }
        @Override public String description() { return "Random positions."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.of(RATE); }

        @Override
        public Selector create(PluginConfig config) {
            double rate = config.get(RATE);
            return (TensorShape shape, RandomGenerator random) -> {
                int[] indices = new int[(int) Math.round(shape.size() * rate)];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = random.nextInt(shape.size());
                }
                return indices;
            };
        }
    }
}
