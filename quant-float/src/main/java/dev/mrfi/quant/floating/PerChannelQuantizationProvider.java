package dev.mrfi.quant.floating;

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

/** Symmetric integer quantization with one range per channel, as deployed INT8 models are quantized. */
public final class PerChannelQuantizationProvider implements QuantizationProvider {

    static final ParameterSpec<Integer> BIT_WIDTH = ParameterSpec
            .required("bit_width", ValueTypes.INT, "Bits of the signed integer code, usually 8.")
            .constrainedBy(Constraint.intRange(2, 23, "a symmetric code needs at least 2 bits, and codes up to 23"
                    + " bits are exact integers in float32 and round exactly"));
    static final ParameterSpec<Integer> AXIS = ParameterSpec
            .optional("axis", ValueTypes.INT, 0, "The axis whose entries each get their own range: 0 is the output"
                    + " channel of a weight, 1 the channel of an NCHW activation; negative counts from the last.")
            .constrainedBy(Constraint.intRange(-8, 7));
    static final ParameterSpec<DynamicRange> DYNAMIC_RANGE = ParameterSpec
            .optional("dynamic_range", ValueTypes.FLOAT_OR_AUTO, DynamicRange.AUTO, "Largest magnitude represented:"
                    + " 'auto' takes each channel's largest absolute value at run time; a number gives every channel"
                    + " that range.")
            .constrainedBy(Constraint.positiveOrAuto());

    private static final ParameterSchema SCHEMA = ParameterSchema.of(BIT_WIDTH, AXIS, DYNAMIC_RANGE);

    @Override
    public String name() {
        return "PerChannelQuantization";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public String description() {
        return "Symmetric integer quantization with one range D per channel along axis: x becomes"
                + " round_half_even(clamp(x * L / D, -L, L)) with L = 2^(bit_width-1) - 1, and a code c comes back as"
                + " c * D / L. The code of a value is this signed bit_width-bit integer. A tensor whose shape is"
                + " unknown gets one range, as per-tensor quantization. Each channel's range is a float32 scale that"
                + " faults with target: scales can corrupt.";
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
        DynamicRange range = config.get(DYNAMIC_RANGE);
        return new PerChannelQuantization(config.get(BIT_WIDTH), config.get(AXIS),
                range.auto() ? Float.NaN : (float) range.value());
    }
}
