package dev.mrfi.errormode;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/** {@code UniformDisturb}: adds noise drawn uniformly from {@code [low, high)} to every selected value. */
public final class UniformDisturbProvider implements ErrorModeProvider {

    static final ParameterSpec<Double> LOW = ParameterSpec
            .optional("low", ValueTypes.FLOAT, -1.0, "Lower end of the noise range, included.")
            .constrainedBy(Constraint.finite());
    static final ParameterSpec<Double> HIGH = ParameterSpec
            .optional("high", ValueTypes.FLOAT, 1.0,
                    "Upper end of the noise range, excluded; must be greater than low.")
            .constrainedBy(Constraint.finite());

    private static final ParameterSchema SCHEMA = ParameterSchema.of(LOW, HIGH)
            .withRule(Parameters.lowBelowHigh(LOW, HIGH));

    @Override
    public String name() {
        return "UniformDisturb";
    }

    @Override
    public String description() {
        return "Adds noise drawn uniformly from [low, high) to each selected value.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new UniformDisturb(config.get(LOW), config.get(HIGH));
    }
}
