package dev.mrfi.errormode;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/** {@code NormalRandom}: replaces every selected value with a draw from N(mean, std²). */
public final class NormalRandomProvider implements ErrorModeProvider {

    static final ParameterSpec<Double> MEAN = ParameterSpec
            .optional("mean", ValueTypes.FLOAT, 0.0, "Mean of the normal distribution.")
            .constrainedBy(Constraint.finite());
    static final ParameterSpec<Double> STD = ParameterSpec
            .optional("std", ValueTypes.FLOAT, 1.0, "Standard deviation of the normal distribution, at least 0.")
            .constrainedBy(Constraint.nonNegative());

    private static final ParameterSchema SCHEMA = ParameterSchema.of(MEAN, STD);

    @Override
    public String name() {
        return "NormalRandom";
    }

    @Override
    public String description() {
        return "Replaces each selected value with a draw from the normal distribution N(mean, std^2).";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new NormalRandom(config.get(MEAN), config.get(STD));
    }
}
