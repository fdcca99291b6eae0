package dev.mrfi.errormode;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code IntFixedBitFlip}: flips a given bit of every selected integer code, or with a list one bit per
 * selected value. Value 5 with bits 0 to 7 at 8 signed bits gives 4, 7, 1, 13, 21, 37, 69, -123. Unlike
 * the reference, list entries are checked against {@code bit_width} too.
 */
public final class IntFixedBitFlipProvider implements ErrorModeProvider {

    static final ParameterSpec<IntPerValue> BIT = Parameters.bit("The bit to flip, in [0, bit_width), or a list"
            + " with one bit per selected value (for example with a FixPositions selector).", 32);

    private static final ParameterSchema SCHEMA = ParameterSchema.of(Parameters.BIT_WIDTH, BIT, Parameters.SIGNED)
            .withRule(Parameters.bitBelowBitWidth(BIT));

    @Override
    public String name() {
        return "IntFixedBitFlip";
    }

    @Override
    public String description() {
        return "Flips a given bit of each integer code, or one listed bit per selected value.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new IntFixedBitFlip(new IntegerBits(config.get(Parameters.BIT_WIDTH), config.get(Parameters.SIGNED)),
                config.get(BIT));
    }
}
