package dev.mrfi.errormode;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/** {@code IntRandom}: replaces every selected value with an integer drawn uniformly from {@code [low, high)}. */
public final class IntRandomProvider implements ErrorModeProvider {

    static final ParameterSpec<Integer> LOW = ParameterSpec.optional("low", ValueTypes.INT, 0,
            "Smallest integer drawn.");
    static final ParameterSpec<Integer> HIGH = ParameterSpec.optional("high", ValueTypes.INT, 128,
            "One more than the largest integer drawn; must be greater than low.");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(LOW, HIGH)
            .withRule(Parameters.lowBelowHigh(LOW, HIGH));

    @Override
    public String name() {
        return "IntRandom";
    }

    @Override
    public String description() {
        return "Replaces each selected value with an integer drawn uniformly from [low, high).";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new IntRandom(config.get(LOW), config.get(HIGH));
    }
}
