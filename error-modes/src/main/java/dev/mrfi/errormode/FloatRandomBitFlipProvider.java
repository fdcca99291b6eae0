package dev.mrfi.errormode;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code FloatRandomBitFlip}: flips one bit of the IEEE-754 pattern of every selected value, drawn
 * independently and uniformly from the bits of {@code floattype}.
 */
public final class FloatRandomBitFlipProvider implements ErrorModeProvider {

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(Parameters.FLOATTYPE, Parameters.SUPPRESS_INVALID);

    @Override
    public String name() {
        return "FloatRandomBitFlip";
    }

    @Override
    public String description() {
        return "Flips one uniformly drawn bit of the IEEE-754 pattern of each value in the format floattype.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new FloatRandomBitFlip(FloatFormat.named(config.get(Parameters.FLOATTYPE)),
                config.get(Parameters.SUPPRESS_INVALID));
    }
}
