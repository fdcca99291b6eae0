package dev.mrfi.errormode;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.ParameterRule;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import java.util.List;

/** Parameters and cross-parameter rules that several error modes share. */
final class Parameters {

    static final ParameterSpec<Integer> BIT_WIDTH = ParameterSpec
            .required("bit_width", ValueTypes.INT,
                    "Bits of the integer code the values hold, normally the quantization's bit width.")
            .constrainedBy(Constraint.intRange(1, 32));

    static final ParameterSpec<Boolean> SIGNED = ParameterSpec.optional("signed", ValueTypes.BOOLEAN, true,
            "True (the reference's behaviour) reads each code as a two's-complement number whose top bit is the"
                    + " sign and stays sign-extended; false reads it as an unsigned bit_width-bit number, as"
                    + " PositiveQuantization produces.");

    static final ParameterSpec<String> FLOATTYPE = ParameterSpec.optional("floattype",
            ValueTypes.choice("float16", "float32", "float64"), "float32",
            "IEEE-754 format whose bit pattern is faulted: each value is converted to it, faulted and converted"
                    + " back to float32, so float16 rounds every value to half precision and float64 loses"
                    + " faults in its low 29 mantissa bits.");

    static final ParameterSpec<Boolean> SUPPRESS_INVALID = ParameterSpec.optional("suppress_invalid",
            ValueTypes.BOOLEAN, false,
            "True replaces every NaN and infinity of the result with 0, including ones already in the input.");

    private Parameters() {
    }

    /**
     * Declares a required {@code bit} parameter: an int, or a list with one bit per selected value.
     *
     * @param description the one-sentence description
     * @param maxWidth    the widest format the mode supports; entries must be below it
     * @return the spec
     */
    static ParameterSpec<IntPerValue> bit(String description, int maxWidth) {
        return ParameterSpec.required("bit", IntPerValue.TYPE, description)
                .constrainedBy(new Constraint<>("in [0, " + (maxWidth - 1) + "] (every entry of a list)",
                        v -> v.indexOutside(0, maxWidth) < 0));
    }

    /** Returns the rule that every {@code bit} is below {@code bit_width}. */
    static ParameterRule bitBelowBitWidth(ParameterSpec<IntPerValue> bit) {
        return config -> {
            int width = config.get(BIT_WIDTH);
            return bitInside(config.get(bit), bit.name(), width, "bit_width " + width);
        };
    }

    /** Returns the rule that every {@code bit} is below the width of {@code floattype}. */
    static ParameterRule bitBelowFloatWidth(ParameterSpec<IntPerValue> bit) {
        return config -> {
            FloatFormat format = FloatFormat.named(config.get(FLOATTYPE));
            return bitInside(config.get(bit), bit.name(), format.width(), "floattype " + format.configName());
        };
    }

    private static List<ConfigProblem> bitInside(IntPerValue bits, String name, int width, String why) {
        int index = bits.indexOutside(0, width);
        if (index < 0) {
            return List.of();
        }
        String allowed = "in [0, " + width + ") for " + why;
        String message = bits.scalar()
                ? "must be " + allowed + ", got " + bits.get(0)
                : "every entry must be " + allowed + ", got " + bits.get(index) + " at index " + index;
        return List.of(new ConfigProblem(ErrorId.OUT_OF_RANGE, name, message));
    }

    /** Returns the rule that a bit count is at most {@code bit_width}. */
    static ParameterRule countAtMostBitWidth(ParameterSpec<Integer> count) {
        return config -> {
            int width = config.get(BIT_WIDTH);
            return countInside(config, count, width, "bit_width " + width);
        };
    }

    /** Returns the rule that a bit count is at most the width of {@code floattype}. */
    static ParameterRule countAtMostFloatWidth(ParameterSpec<Integer> count) {
        return config -> {
            FloatFormat format = FloatFormat.named(config.get(FLOATTYPE));
            return countInside(config, count, format.width(), "floattype " + format.configName());
        };
    }

    private static List<ConfigProblem> countInside(PluginConfig config, ParameterSpec<Integer> count, int width,
                                                   String why) {
        int n = config.get(count);
        return n <= width ? List.of() : List.of(new ConfigProblem(ErrorId.OUT_OF_RANGE, count.name(),
                "must be in [1, " + width + "] for " + why + ", got " + n));
    }

    /** Returns the rule {@code low < high}, reported at {@code high}. */
    static <T extends Number> ParameterRule lowBelowHigh(ParameterSpec<T> low, ParameterSpec<T> high) {
        return config -> {
            T lowValue = config.get(low);
            T highValue = config.get(high);
            return lowValue.doubleValue() < highValue.doubleValue() ? List.of()
                    : List.of(new ConfigProblem(ErrorId.OUT_OF_RANGE, high.name(),
                            "must be greater than " + low.name() + " (" + lowValue + "), got " + highValue));
        };
    }
}
