package dev.mrfi.quant.symmetric;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import java.util.Optional;
import java.util.Set;

/**
 * Symmetric signed quantization: {@code [-D, +D]} onto the codes {@code [-(2^(b-1)-1), 2^(b-1)-1]}, where
 * {@code D = dynamic_range * scale_factor}. Keeps the reference's spelling as its name.
 */
public final class SymmetricQuantizationProvider implements QuantizationProvider {

    static final ParameterSpec<Integer> BIT_WIDTH = ParameterSpec
            .required("bit_width", ValueTypes.INT, "Bits of the signed integer code, often 8 or 16.")
            .constrainedBy(Constraint.intRange(2, 26, "a symmetric code needs at least 2 bits (with 1 bit its"
                    + " only level is 0 and the scale divides by zero), and float32 codes wider than 26 bits"
                    + " lose most integers above 2^24 and overflow int32 at 32 bits"));
    static final ParameterSpec<DynamicRange> DYNAMIC_RANGE = ParameterSpec
            .required("dynamic_range", ValueTypes.FLOAT_OR_AUTO,
                    "Largest magnitude represented, usually the maximum of the values; 'auto' takes the largest"
                            + " absolute value of each tensor at run time.")
            .constrainedBy(Constraint.positiveOrAuto());
    static final ParameterSpec<Double> SCALE_FACTOR = ParameterSpec
            .optional("scale_factor", ValueTypes.FLOAT, 1.0, "Extra factor applied to the dynamic range.")
            .constrainedBy(Constraint.positive());

    private static final ParameterSchema SCHEMA = ParameterSchema.of(BIT_WIDTH, DYNAMIC_RANGE, SCALE_FACTOR);

    @Override
    public String name() {
        return "SymmericQuantization";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("SymmetricQuantization");
    }

    @Override
    public String description() {
        return "Uniformly maps [-D, +D] with D = dynamic_range * scale_factor onto the signed codes"
                + " [-(2^(bit_width-1) - 1), 2^(bit_width-1) - 1], clipping outliers and rounding half to even.";
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
                ? new SymmetricQuantization(bitWidth, scaleFactor)
                : new SymmetricQuantization(bitWidth, range.value(), scaleFactor);
    }
}
