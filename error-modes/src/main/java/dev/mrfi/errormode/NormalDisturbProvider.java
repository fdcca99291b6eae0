package dev.mrfi.errormode;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/** {@code NormalDisturb}: adds {@code N(0, std²) + bias} to every selected value. */
public final class NormalDisturbProvider implements ErrorModeProvider {

    static final ParameterSpec<Double> STD = ParameterSpec
            .optional("std", ValueTypes.FLOAT, 1.0, "Standard deviation of the normal noise, at least 0.")
            .constrainedBy(Constraint.nonNegative());
    static final ParameterSpec<Double> BIAS = ParameterSpec
            .optional("bias", ValueTypes.FLOAT, 0.0, "Constant added with the noise, the noise's mean.")
            .constrainedBy(Constraint.finite());

    private static final ParameterSchema SCHEMA = ParameterSchema.of(STD, BIAS);

    @Override
    public String name() {
        return "NormalDisturb";
    }

    @Override
    public String description() {
        return "Adds normal noise N(0, std^2) plus bias to each selected value.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new NormalDisturb(config.get(STD), config.get(BIAS));
    }
}
