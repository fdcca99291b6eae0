package dev.mrfi.errormode;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import java.util.List;

/**
 * {@code IntRandomBit}: replaces every selected value with a random {@code bit_width}-bit integer,
 * uniform over {@code [0, 2^bit_width)} or, when signed, over {@code [-2^(bit_width-1), 2^(bit_width-1))}.
 */
public final class IntRandomBitProvider implements ErrorModeProvider {

    static final ParameterSpec<Integer> BIT_WIDTH = ParameterSpec
            .optional("bit_width", ValueTypes.INT, 8, "Bits of the random integer.")
            .constrainedBy(Constraint.intRange(1, 32));
    static final ParameterSpec<Boolean> SIGNED = ParameterSpec.optional("signed", ValueTypes.BOOLEAN, false,
            "True draws two's-complement integers from [-2^(bit_width-1), 2^(bit_width-1)), which needs"
                    + " bit_width > 1; false draws from [0, 2^bit_width).");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(BIT_WIDTH, SIGNED)
            .withRule(IntRandomBitProvider::signedNeedsTwoBits);

    private static List<ConfigProblem> signedNeedsTwoBits(PluginConfig config) {
        int width = config.get(BIT_WIDTH);
        return config.get(SIGNED) && width < 2
                ? List.of(new ConfigProblem(ErrorId.OUT_OF_RANGE, BIT_WIDTH.name(),
                        "must be at least 2 when signed is true, got " + width))
                : List.of();
    }

    @Override
    public String name() {
        return "IntRandomBit";
    }

    @Override
    public String description() {
        return "Replaces each selected value with a uniformly drawn bit_width-bit integer, signed or unsigned.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new IntRandomBit(config.get(BIT_WIDTH), config.get(SIGNED));
    }
}
