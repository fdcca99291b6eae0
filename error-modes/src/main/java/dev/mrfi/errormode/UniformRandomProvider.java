package dev.mrfi.errormode;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/** {@code UniformRandom}: replaces every selected value with a float drawn uniformly from {@code [low, high)}. */
public final class UniformRandomProvider implements ErrorModeProvider {

    static final ParameterSpec<Double> LOW = ParameterSpec
            .optional("low", ValueTypes.FLOAT, -1.0, "Lower end of the range, included.")
            .constrainedBy(Constraint.finite());
    static final ParameterSpec<Double> HIGH = ParameterSpec
            .optional("high", ValueTypes.FLOAT, 1.0, "Upper end of the range, excluded; must be greater than low.")
            .constrainedBy(Constraint.finite());

    private static final ParameterSchema SCHEMA = ParameterSchema.of(LOW, HIGH)
            .withRule(Parameters.lowBelowHigh(LOW, HIGH));

    @Override
    public String name() {
        return "UniformRandom";
    }

    @Override
    public String description() {
        return "Replaces each selected value with a float drawn uniformly from [low, high).";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new UniformRandom(config.get(LOW), config.get(HIGH));
    }
}
