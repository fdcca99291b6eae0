package dev.mrfi.quant.floating;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import java.util.Set;

/** Conversion to OCP 8-bit floating point (E4M3 or E5M2), whose code is the 8-bit pattern. */
public final class Fp8QuantizationProvider implements QuantizationProvider {

    static final ParameterSpec<String> FORMAT = ParameterSpec.required("format", ValueTypes.choice("e4m3", "e5m2"),
            "The OCP FP8 format: e4m3 (bias 7, no infinities, largest normal 448) or e5m2 (bias 15, with"
                    + " infinities, largest normal 57344).");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(FORMAT);

    @Override
    public String name() {
        return "Fp8Quantization";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public String description() {
        return "Converts to OCP 8-bit floating point (E4M3 or E5M2), rounding half to even and saturating finite"
                + " values beyond the largest normal to it; NaN stays NaN, and infinity stays infinity in e5m2 and"
                + " becomes NaN in e4m3. The code of a value is its 8-bit FP8 pattern as an unsigned integer"
                + " (0 to 255), so IntRandomBitFlip with bit_width 8 and signed false flips one bit of the encoding.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Quantization create(PluginConfig config) {
        return new Fp8Quantization(config.get(FORMAT));
    }
}
