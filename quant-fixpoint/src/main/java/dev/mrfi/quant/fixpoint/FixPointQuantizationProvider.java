package dev.mrfi.quant.fixpoint;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import java.util.List;

/**
 * Fixed-point quantization in the reference's form {@code integer_bit.decimal_bit}: the range
 * {@code [-2^ib, 2^ib]} onto the signed codes {@code [-(2^(ib+db) - 1), 2^(ib+db) - 1]}, which need
 * {@code ib + db + 1} bits.
 */
public final class FixPointQuantizationProvider implements QuantizationProvider {

    static final ParameterSpec<Integer> INTEGER_BIT = ParameterSpec
            .required("integer_bit", ValueTypes.INT, "Integer bits of the value; the range is [-2^integer_bit, 2^integer_bit].")
            .constrainedBy(Constraint.intRange(0, 24));
    static final ParameterSpec<Integer> DECIMAL_BIT = ParameterSpec
            .required("decimal_bit", ValueTypes.INT, "Fraction bits of the value.")
            .constrainedBy(Constraint.intRange(0, 24));

    private static final ParameterSchema SCHEMA = ParameterSchema.of(INTEGER_BIT, DECIMAL_BIT)
            .withRule(config -> {
                int total = config.get(INTEGER_BIT) + config.get(DECIMAL_BIT);
                if (total < 1 || total > 24) {
                    return List.of(new ConfigProblem(ErrorId.OUT_OF_RANGE, "decimal_bit",
                            "integer_bit + decimal_bit must be in [1, 24]: with 0 the only code is 0 and"
                                    + " dequantizing divides by zero, and above 24 the largest code 2^(sum) - 1"
                                    + " is not an integer float32 can hold, got " + config.get(INTEGER_BIT) + " + " + config.get(DECIMAL_BIT)
                                    + " = " + total));
                }
                return List.of();
            });

    @Override
    public String name() {
        return "FixPointQuantization";
    }

    @Override
    public String description() {
        return "Maps [-2^integer_bit, 2^integer_bit] onto the signed codes [-(2^(integer_bit+decimal_bit) - 1),"
                + " 2^(integer_bit+decimal_bit) - 1] (integer_bit + decimal_bit + 1 bits), clipping outliers.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Quantization create(PluginConfig config) {
        return new FixPointQuantization(config.get(INTEGER_BIT), config.get(DECIMAL_BIT));
    }
}
