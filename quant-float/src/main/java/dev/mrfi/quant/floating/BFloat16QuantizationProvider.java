package dev.mrfi.quant.floating;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import java.util.Set;

/** Conversion to bfloat16, whose code is the 16-bit pattern. No parameters. */
public final class BFloat16QuantizationProvider implements QuantizationProvider {

    @Override
    public String name() {
        return "BFloat16Quantization";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public String description() {
        return "Converts to bfloat16 (the top half of a float32), rounding half to even, keeping infinities and"
                + " NaN; the code of a value is its 16-bit bfloat16 pattern as an unsigned integer (0 to 65535),"
                + " so integer error modes with bit_width 16 and signed false flip bits of the encoding.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Quantization create(PluginConfig config) {
        return new BFloat16Quantization();
    }
}
