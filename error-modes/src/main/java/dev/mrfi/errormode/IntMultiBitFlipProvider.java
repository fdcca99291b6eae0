package dev.mrfi.errormode;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code IntMultiBitFlip} (not in the reference): flips {@code n} bits of every selected integer code at
 * once, either {@code n} distinct bits drawn uniformly or, with {@code adjacent}, a burst of {@code n}
 * neighbouring bits. The top bit is flipped as {@code IntSignBitFlip} does.
 */
public final class IntMultiBitFlipProvider implements ErrorModeProvider {

    static final ParameterSpec<Integer> N = ParameterSpec
            .optional("n", ValueTypes.INT, 2, "Number of bits flipped in each code, in [1, bit_width].")
            .constrainedBy(Constraint.intRange(1, 32));
    static final ParameterSpec<Boolean> ADJACENT = ParameterSpec.optional("adjacent", ValueTypes.BOOLEAN, false,
            "False flips n distinct bits drawn uniformly from [0, bit_width) for every value; true flips a burst"
                    + " of n neighbouring bits whose lowest bit is drawn uniformly from the positions where the"
                    + " burst fits, [0, bit_width - n].");

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(Parameters.BIT_WIDTH, N, ADJACENT, Parameters.SIGNED)
                    .withRule(Parameters.countAtMostBitWidth(N));

    @Override
    public String name() {
        return "IntMultiBitFlip";
    }

    @Override
    public String description() {
        return "Flips n random bits of each integer code, distinct bits or a burst of neighbouring bits.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new IntMultiBitFlip(new IntegerBits(config.get(Parameters.BIT_WIDTH), config.get(Parameters.SIGNED)),
                config.get(N), config.get(ADJACENT));
    }
}
