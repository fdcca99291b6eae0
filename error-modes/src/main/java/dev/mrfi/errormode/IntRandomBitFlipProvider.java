package dev.mrfi.errormode;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code IntRandomBitFlip}: flips one bit of every selected integer code, drawn independently and
 * uniformly from {@code [0, bit_width)}; the top bit is flipped as {@code IntSignBitFlip} does. For 0 at
 * 4 signed bits the outcomes 1, 2, 4 and -8 are equally likely.
 */
public final class IntRandomBitFlipProvider implements ErrorModeProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(Parameters.BIT_WIDTH, Parameters.SIGNED);

    @Override
    public String name() {
        return "IntRandomBitFlip";
    }

    @Override
    public String description() {
        return "Flips one bit of each integer code, drawn uniformly from [0, bit_width) for every value.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new IntRandomBitFlip(new IntegerBits(config.get(Parameters.BIT_WIDTH), config.get(Parameters.SIGNED)));
    }
}
