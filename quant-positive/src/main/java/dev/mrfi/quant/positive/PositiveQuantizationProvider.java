package dev.mrfi.quant.positive;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import java.util.Optional;

/**
 * Positive (unsigned) quantization: {@code [0, D]} onto the codes {@code [0, 2^b - 1]}, where
 * {@code D = dynamic_range * scale_factor}.
 */
public final class PositiveQuantizationProvider implements QuantizationProvider {

    static final ParameterSpec<Integer> BIT_WIDTH = ParameterSpec
            .required("bit_width", ValueTypes.INT, "Bits of the unsigned integer code, often 8 or 16.")
            .constrainedBy(Constraint.intRange(1, 26, "float32 codes wider than 26 bits lose most integers above"
                    + " 2^24, and the largest code overflows int32 from 31 bits on"));
    static final ParameterSpec<DynamicRange> DYNAMIC_RANGE = ParameterSpec
            .required("dynamic_range", ValueTypes.FLOAT_OR_AUTO,
                    "Largest value represented, usually the maximum of the values; 'auto' takes the largest"
                            + " absolute value of each tensor at run time.")
            .constrainedBy(Constraint.positiveOrAuto());
    static final ParameterSpec<Double> SCALE_FACTOR = ParameterSpec
            .optional("scale_factor", ValueTypes.FLOAT, 1.0, "Extra factor applied to the dynamic range.")
            .constrainedBy(Constraint.positive());

    private static final ParameterSchema SCHEMA = ParameterSchema.of(BIT_WIDTH, DYNAMIC_RANGE, SCALE_FACTOR);

    @Override
    public String name() {
        return "PositiveQuantization";
    }

    @Override
    public String description() {
        return "Uniformly maps [0, D] with D = dynamic_range * scale_factor onto the unsigned codes"
                + " [0, 2^bit_width - 1], clipping outliers and negative values and rounding half to even.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Optional<ParameterSpec<DynamicRange>> rangeParameter() {
        return Optional.of(DYNAMIC_RANGE);
    }

    @Override
    public Quantization create(PluginConfig config) {
        int bitWidth = config.get(BIT_WIDTH);
        DynamicRange range = config.get(DYNAMIC_RANGE);
        double scaleFactor = config.get(SCALE_FACTOR);
        return range.auto()
                ? new PositiveQuantization(bitWidth, scaleFactor)
                : new PositiveQuantization(bitWidth, range.value(), scaleFactor);
    }
}
