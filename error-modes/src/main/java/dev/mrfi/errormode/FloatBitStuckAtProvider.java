package dev.mrfi.errormode;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code FloatBitStuckAt} (not in the reference): a stuck-at fault that forces one bit of the IEEE-754
 * pattern of every selected value, in the format {@code floattype}, to 0 or 1. A value whose bit already
 * has that value is left exactly unchanged, even when floattype is float16.
 */
public final class FloatBitStuckAtProvider implements ErrorModeProvider {

    static final ParameterSpec<IntPerValue> BIT = Parameters.bit("The stuck bit, 0 being the lowest mantissa bit"
            + " and the width of floattype minus 1 the sign, or a list with one bit per selected value.", 64);
    static final ParameterSpec<Integer> VALUE = ParameterSpec
            .required("value", ValueTypes.INT, "The value the bit is stuck at, 0 or 1; values whose bit already"
                    + " has this value are unchanged.")
            .constrainedBy(Constraint.intRange(0, 1));

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(BIT, VALUE, Parameters.FLOATTYPE, Parameters.SUPPRESS_INVALID)
                    .withRule(Parameters.bitBelowFloatWidth(BIT));

    @Override
    public String name() {
        return "FloatBitStuckAt";
    }

    @Override
    public String description() {
        return "Forces a given bit of the IEEE-754 pattern of each value in the format floattype to 0 or 1, a"
                + " stuck-at fault; values already at that value are unchanged.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new FloatBitStuckAt(config.get(BIT), config.get(VALUE) == 1,
                FloatFormat.named(config.get(Parameters.FLOATTYPE)), config.get(Parameters.SUPPRESS_INVALID));
    }
}
