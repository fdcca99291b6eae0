package dev.mrfi.quant.floating;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import java.util.Set;

/** OCP Microscaling (MX) v1.0 block formats, whose code is the element's pattern. */
public final class MxQuantizationProvider implements QuantizationProvider {

    static final ParameterSpec<String> FORMAT = ParameterSpec.required("format",
            ValueTypes.choice("fp8_e4m3", "fp8_e5m2", "fp6_e3m2", "fp6_e2m3", "fp4_e2m1", "int8"),
            "The element format: an OCP FP8, FP6 or FP4 format, or int8 (a signed 8-bit integer scaled by 2^-6).");
    static final ParameterSpec<Integer> BLOCK_SIZE = ParameterSpec
            .optional("block_size", ValueTypes.INT, 32, "Number of consecutive values that share one scale.")
            .constrainedBy(Constraint.intAtLeast(1));
    static final ParameterSpec<Integer> AXIS = ParameterSpec
            .optional("axis", ValueTypes.INT, -1, "The axis blocks run along; only -1, the last axis: blocks are"
                    + " consecutive values of the flattened tensor (a quantization does not see the shape), which is"
                    + " the last axis when its length is a multiple of block_size.")
            .constrainedBy(new Constraint<>("-1", v -> v == -1));
    static final ParameterSpec<String> ROUNDING = ParameterSpec
            .optional("rounding", ValueTypes.choice("even", "nearest"), "even",
                    "How elements round: even (half to even) or nearest (half away from zero).");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(FORMAT, BLOCK_SIZE, AXIS, ROUNDING);

    @Override
    public String name() {
        return "MxQuantization";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public String description() {
        return "OCP Microscaling (MX) v1.0: each block of block_size values shares a power-of-two scale 2^e with"
                + " e = floor(log2(max |x|)) - emax of the element format, clamped below at -127 (NaN for a block"
                + " holding NaN or infinity); each value divided by the scale is rounded to the element format and"
                + " saturated at its largest normal. The code of a value is its element's bit pattern: unsigned"
                + " 8-, 6- or 4-bit for the FP formats, the signed 8-bit integer for int8.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Quantization create(PluginConfig config) {
        return new MxQuantization(MxElementFormat.byConfigName(config.get(FORMAT)), config.get(BLOCK_SIZE),
                config.get(ROUNDING).equals("even"));
    }
}
