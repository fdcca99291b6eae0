package com.example.mrfi.logquant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.testkit.QuantizationContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogQuantizationProviderTest extends QuantizationContractTest {

    @Override
    protected QuantizationProvider provider() {
        return new LogQuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 4, "dynamic_range", 4.0),
                Map.of("bit_width", 6, "dynamic_range", "auto"),
                Map.of("bit_width", 2, "dynamic_range", 1.0));
    }

    private static Quantization create(Map<String, Object> raw) {
        return new LogQuantizationProvider().create(new LogQuantizationProvider().parameters().bind(raw));
    }

    @Test
    void codesCountPowerOfTwoLevelsUpToTheRoundedRange() {
        // bit_width 4: levels 1..7 stand for 2^-4 .. 2^2, since round(log2 4) = 2
        float[] data = {4f, 3f, 1.42f, 1.41f, 0.05f, 0.04f, -0.1f, 100f, 0f};
        create(Map.of("bit_width", 4, "dynamic_range", 4.0)).forTensor(data, 0, data.length)
                .quantize(data, 0, data.length);
        assertThat(data).containsExactly(7f, 7f, 6f, 5f, 1f, 0f, -2f, 7f, 0f);
    }

    @Test
    void dequantizedValuesArePowersOfTwoWithTheSign() {
        Quantization quantization = create(Map.of("bit_width", 4, "dynamic_range", 4.0));
        float[] data = {4f, 3f, 1.42f, 1.41f, 0.05f, 0.04f, -0.1f, 100f, -0f};
        Quantizer quantizer = quantization.forTensor(data, 0, data.length);
        quantizer.quantize(data, 0, data.length);
        quantizer.dequantize(data, 0, data.length);
        assertThat(data).containsExactly(4f, 4f, 2f, 1f, 0.0625f, 0f, -0.125f, 4f, -0f);
    }

    @Test
    void roundsInTheLogDomainAtTheSquareRootOfTwo() {
        float below = (float) Math.sqrt(2.0);
        float above = Math.nextUp(below);
        assertThat((double) below).isLessThan(Math.sqrt(2.0));
        assertThat(LogQuantizer.roundLog2(below)).isZero();
        assertThat(LogQuantizer.roundLog2(above)).isEqualTo(1);
        assertThat(LogQuantizer.roundLog2(Float.MIN_VALUE)).isEqualTo(-149);
    }

    @Test
    void anAutoRangePutsTheLargestMagnitudeOnTheTopLevelAndIgnoresNaN() {
        float[] data = {0.3f, -6f, Float.NaN, 1f};
        Quantizer quantizer = create(Map.of("bit_width", 4, "dynamic_range", "auto")).forTensor(data, 0, 4);
        quantizer.quantize(data, 0, 4);
        assertThat(data[1]).isEqualTo(-7f);
        assertThat(data[2]).isNaN();
        quantizer.dequantize(data, 0, 4);
        assertThat(data).containsExactly(0.25f, -8f, Float.NaN, 1f);
    }

    @Test
    void aCodeOutsideTheLevelsStillDecodesWithTheSameFormula() {
        float[] data = {-8f, 8f};
        create(Map.of("bit_width", 4, "dynamic_range", 4.0)).forTensor(data, 0, 2).dequantize(data, 0, 2);
        assertThat(data).containsExactly(-8f, 8f);
    }

    @Test
    void anAllZeroTensorWithAutoRangeStaysZero() {
        float[] data = new float[3];
        Quantizer quantizer = create(Map.of("bit_width", 4, "dynamic_range", "auto")).forTensor(data, 0, 3);
        quantizer.quantize(data, 0, 3);
        quantizer.dequantize(data, 0, 3);
        assertThat(data).containsOnly(0f);
    }

    @Test
    void producesASignedCodeOfTheConfiguredWidthAndRejectsWideCodes() {
        assertThat(create(Map.of("bit_width", 5, "dynamic_range", 1.0)).code().toString()).isEqualTo("signed 5-bit");
        assertThatThrownBy(() -> create(Map.of("bit_width", 9, "dynamic_range", 1.0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] bit_width: must be in [2, 8], got 9");
    }
}
