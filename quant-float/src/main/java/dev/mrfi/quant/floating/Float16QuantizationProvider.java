package dev.mrfi.quant.floating;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import java.util.Set;

/** Conversion to IEEE 754 binary16 (float16), whose code is the 16-bit pattern. No parameters. */
public final class Float16QuantizationProvider implements QuantizationProvider {

    @Override
    public String name() {
        return "Float16Quantization";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public String description() {
        return "Converts to IEEE 754 binary16 (float16), rounding half to even, with infinities and NaN as IEEE"
                + " defines them; the code of a value is its 16-bit float16 pattern as an unsigned integer"
                + " (0 to 65535), so integer error modes with bit_width 16 and signed false flip bits of the encoding.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Quantization create(PluginConfig config) {
        return new Float16Quantization();
    }
}
