package dev.mrfi.errormode;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code FloatMultiBitFlip} (not in the reference): flips {@code n} bits of the IEEE-754 pattern of every
 * selected value at once, in the format {@code floattype}, either {@code n} distinct bits drawn uniformly
 * or, with {@code adjacent}, a burst of {@code n} neighbouring bits.
 */
public final class FloatMultiBitFlipProvider implements ErrorModeProvider {

    static final ParameterSpec<Integer> N = ParameterSpec
            .optional("n", ValueTypes.INT, 2, "Number of bits flipped in each value, in [1, width of floattype].")
            .constrainedBy(Constraint.intRange(1, 64));
    static final ParameterSpec<Boolean> ADJACENT = ParameterSpec.optional("adjacent", ValueTypes.BOOLEAN, false,
            "False flips n distinct bits drawn uniformly from all bits of floattype for every value; true flips a"
                    + " burst of n neighbouring bits whose lowest bit is drawn uniformly from the positions where"
                    + " the burst fits.");

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(N, ADJACENT, Parameters.FLOATTYPE, Parameters.SUPPRESS_INVALID)
                    .withRule(Parameters.countAtMostFloatWidth(N));

    @Override
    public String name() {
        return "FloatMultiBitFlip";
    }

    @Override
    public String description() {
        return "Flips n random bits of the IEEE-754 pattern of each value in the format floattype, distinct bits"
                + " or a burst of neighbouring bits.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new FloatMultiBitFlip(config.get(N), config.get(ADJACENT),
                FloatFormat.named(config.get(Parameters.FLOATTYPE)), config.get(Parameters.SUPPRESS_INVALID));
    }
}
