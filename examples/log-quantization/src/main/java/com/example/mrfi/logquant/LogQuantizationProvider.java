package com.example.mrfi.logquant;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import java.util.Optional;
import java.util.Set;

/**
 * Logarithmic (power-of-two) quantization, which the reference MRFI does not have: every value becomes a
 * sign and a power of two, so a multiplication by it is a shift.
 *
 * <p>With {@code b = bit_width}, {@code K = 2^(b-1) - 1} magnitude levels, {@code e_max = round(log2 D)}
 * for the dynamic range {@code D} and {@code e_min = e_max - K + 1}:
 * <pre>
 * code(x)  = 0                                               if x = 0 or round(log2|x|) &lt; e_min
 *          = sign(x) * (min(round(log2|x|), e_max) - e_min + 1)   otherwise, in [-K, K]
 * value(c) = sign(c) * 2^(e_min + |c| - 1)                     (0 for c = 0)
 * </pre>
 * {@code round(log2 v)} rounds to the nearest power of two in the log domain: {@code v = m * 2^e} with
 * {@code m} in [1, 2) rounds up to {@code 2^(e+1)} when {@code m >= sqrt(2)}. Magnitudes above the top
 * level saturate; NaN stays NaN. The code is a signed {@code b}-bit integer, so integer error modes with
 * {@code bit_width: b} flip its bits; a code outside [-K, K] (such as {@code -2^(b-1)} after a bit flip)
 * still decodes with the same formula.
 */
public final class LogQuantizationProvider implements QuantizationProvider {

    // snippet:parameter
    static final ParameterSpec<Integer> BIT_WIDTH = ParameterSpec
            .required("bit_width", ValueTypes.INT,
                    "Bits of the signed code: a sign and 2^(bit_width-1) - 1 power-of-two levels, often 4 to 6.")
            .constrainedBy(Constraint.intRange(2, 8));
    // end snippet
    static final ParameterSpec<DynamicRange> DYNAMIC_RANGE = ParameterSpec
            .required("dynamic_range", ValueTypes.FLOAT_OR_AUTO,
                    "Largest magnitude represented, rounded to the nearest power of two; 'auto' takes the largest"
                            + " absolute value of each tensor at run time, ignoring NaN.")
            .constrainedBy(Constraint.positiveOrAuto());

    private static final ParameterSchema SCHEMA = ParameterSchema.of(BIT_WIDTH, DYNAMIC_RANGE);

    @Override
    public String name() {
        return "LogQuantization";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("PowerOfTwoQuantization");
    }

    @Override
    public String description() {
        return "Power-of-two quantization: the code is sign(x) * (round(log2|x|) - e_min + 1), clamped to"
                + " 2^(bit_width-1) - 1 levels ending at e_max = round(log2 dynamic_range); magnitudes below the"
                + " lowest level become 0.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Optional<ParameterSpec<DynamicRange>> rangeParameter() {
        return Optional.of(DYNAMIC_RANGE);
    }

    @Override
    public Quantization create(PluginConfig config) {
        int bitWidth = config.get(BIT_WIDTH);
        DynamicRange range = config.get(DYNAMIC_RANGE);
        return range.auto() ? new LogQuantization(bitWidth) : new LogQuantization(bitWidth, range.value());
    }
}
