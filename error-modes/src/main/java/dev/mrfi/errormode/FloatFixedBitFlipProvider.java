package dev.mrfi.errormode;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code FloatFixedBitFlip}: flips a given bit of the IEEE-754 pattern of every selected value, or with a
 * list one bit per selected value. Bit 31 of float32, 63 of float64 and 15 of float16 flip the sign;
 * bit 30 of float32 turns 1.0 into infinity and 2.0 into 0.0.
 */
public final class FloatFixedBitFlipProvider implements ErrorModeProvider {

    static final ParameterSpec<IntPerValue> BIT = Parameters.bit("The bit to flip, 0 being the lowest mantissa bit"
            + " and the width of floattype minus 1 the sign, or a list with one bit per selected value.", 64);

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(BIT, Parameters.FLOATTYPE, Parameters.SUPPRESS_INVALID)
                    .withRule(Parameters.bitBelowFloatWidth(BIT));

    @Override
    public String name() {
        return "FloatFixedBitFlip";
    }

    @Override
    public String description() {
        return "Flips a given bit of the IEEE-754 pattern of each value in the format floattype, or one listed"
                + " bit per selected value.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new FloatFixedBitFlip(config.get(BIT), FloatFormat.named(config.get(Parameters.FLOATTYPE)),
                config.get(Parameters.SUPPRESS_INVALID));
    }
}
