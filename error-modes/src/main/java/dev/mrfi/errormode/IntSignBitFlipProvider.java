package dev.mrfi.errormode;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code IntSignBitFlip}: flips bit {@code bit_width - 1} of every selected integer code. For signed
 * in-range codes the result is {@code x - 2^(bit_width-1)} for {@code x >= 0} and
 * {@code x + 2^(bit_width-1)} otherwise: at 8 bits 0, 1, 127, -1, -128 become -128, -127, -1, 127, 0.
 */
public final class IntSignBitFlipProvider implements ErrorModeProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(Parameters.BIT_WIDTH, Parameters.SIGNED);

    @Override
    public String name() {
        return "IntSignBitFlip";
    }

    @Override
    public String description() {
        return "Flips the top bit (bit_width - 1) of each integer code, the two's-complement sign bit when signed.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new IntSignBitFlip(new IntegerBits(config.get(Parameters.BIT_WIDTH), config.get(Parameters.SIGNED)));
    }
}
