package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.FaultInjectEntry;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Integer bit flips on the bit patterns of the floating-point formats, configured as a user would. */
class LowPrecisionFaultsTest {

    private static final EasyConfigLoader LOADER = new EasyConfigLoader(Mrfi.load().blocks());

    private static FaultInjectEntry fp8Entry(Map<String, Object> errorMode) {
        EasyConfig config = LOADER.setBlocks(LOADER.preset("default_fi"), 0, Map.of(
                "quantization", Map.of("method", "Fp8Quantization", "format", "e4m3"),
                "error_mode", errorMode), false);
        return config.faultInject().get(0);
    }

    @Test
    void intRandomBitFlipOnFp8CodesFlipsOneBitOfTheEncoding() {
        FaultInjectEntry entry = fp8Entry(Map.of("method", "IntRandomBitFlip", "bit_width", 8, "signed", false));
        assertThat(entry.bitsPerValue()).isEqualTo(8);
        float[] data = {1f, -3f, 448f, 0.015625f};
        float[] before = data.clone();
        Quantizer quantizer = entry.quantization().orElseThrow().operator().forTensor(data, 0, data.length);
        quantizer.quantize(data, 0, data.length);
        float[] codes = data.clone();
        ErrorMode errorMode = entry.errorMode().operator();
        errorMode.apply(data, 0, data.length, new SplittableRandom(42));
        for (int i = 0; i < data.length; i++) {
            int flipped = (int) codes[i] ^ (int) data[i];
            assertThat(Integer.bitCount(flipped)).as("bits flipped in code %d", i).isEqualTo(1);
            assertThat(flipped).isLessThan(256);
        }
        quantizer.dequantize(data, 0, data.length);
        assertThat(data).isNotEqualTo(before);
    }

    @Test
    void aSignedReadingOfTheUnsignedFp8CodeIsRejected() {
        assertThatThrownBy(() -> fp8Entry(Map.of("method", "IntRandomBitFlip", "bit_width", 8)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/InconsistentBitWidth]")
                .hasMessageContaining("Set error_mode.bit_width to 8 with signed: false");
    }
}
