package dev.mrfi.errormode;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code IntBitStuckAt} (not in the reference): a stuck-at fault that forces one bit of every selected
 * integer code to 0 or 1. A code whose bit already has that value is left unchanged. Forcing the signed
 * top bit keeps the code sign-extended, so at 8 bits stuck-at-1 turns 5 into -123 and leaves -5 alone.
 */
public final class IntBitStuckAtProvider implements ErrorModeProvider {

    static final ParameterSpec<IntPerValue> BIT = Parameters.bit("The stuck bit, in [0, bit_width), or a list with"
            + " one bit per selected value.", 32);
    static final ParameterSpec<Integer> VALUE = ParameterSpec
            .required("value", ValueTypes.INT, "The value the bit is stuck at, 0 or 1; codes whose bit already has"
                    + " this value are unchanged.")
            .constrainedBy(Constraint.intRange(0, 1));

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(Parameters.BIT_WIDTH, BIT, VALUE, Parameters.SIGNED)
                    .withRule(Parameters.bitBelowBitWidth(BIT));

    @Override
    public String name() {
        return "IntBitStuckAt";
    }

    @Override
    public String description() {
        return "Forces a given bit of each integer code to 0 or 1, a stuck-at fault; codes already at that value"
                + " are unchanged.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new IntBitStuckAt(new IntegerBits(config.get(Parameters.BIT_WIDTH), config.get(Parameters.SIGNED)),
                config.get(BIT), config.get(VALUE) == 1);
    }
}
