package dev.mrfi.errormode;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/** {@code SetZero}: replaces every selected value with +0.0 (in the code domain when quantization is on). */
public final class SetZeroProvider implements ErrorModeProvider {

    @Override
    public String name() {
        return "SetZero";
    }

    @Override
    public String description() {
        return "Replaces each selected value with 0.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return SetZero.INSTANCE;
    }
}
