package dev.mrfi.errormode;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;

/**
 * {@code SetValue}: replaces every selected value with a given value, or with a list one value per
 * selected value. Values are rounded to float32; NaN and infinities are allowed.
 */
public final class SetValueProvider implements ErrorModeProvider {

    static final ParameterSpec<FloatPerValue> VALUE = ParameterSpec.required("value", FloatPerValue.TYPE,
            "The value written, in the code domain when quantization is on, or a list with one value per selected"
                    + " value.");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(VALUE);

    @Override
    public String name() {
        return "SetValue";
    }

    @Override
    public String description() {
        return "Replaces each selected value with a given value, or one listed value per selected value.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public ErrorMode create(PluginConfig config) {
        return new SetValue(config.get(VALUE));
    }
}
