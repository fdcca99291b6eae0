package dev.mrfi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of quantization providers: codes are whole numbers inside the declared code, and only the
 * requested range of the array is touched.
 */
public abstract class QuantizationContractTest extends ProviderContractTest<QuantizationProvider> {

    @Override
    protected final Class<QuantizationProvider> providerType() {
        return QuantizationProvider.class;
    }

    @Override
    protected final Object createOperator(QuantizationProvider provider, PluginConfig config) {
        return provider.create(config);
    }

    @Override
    protected final Object runOnce(Object operator, long seed) {
        float[] data = sample(seed, 257);
        Quantizer quantizer = ((Quantization) operator).forTensor(data, 0, data.length);
        quantizer.quantize(data, 0, data.length);
        quantizer.dequantize(data, 0, data.length);
        List<Float> result = new ArrayList<>();
        for (float value : data) {
            result.add(value);
        }
        return result;
    }

    private static float[] sample(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = (float) (random.nextGaussian() * 2.0);
        }
        return data;
    }

    @Test
    final void codesAreWholeNumbersInsideTheDeclaredCode() {
        for (Map<String, Object> raw : validConfigs()) {
            Quantization quantization = provider().create(provider().parameters().bind(raw));
            float[] data = sample(7, 1000);
            quantization.forTensor(data, 0, data.length).quantize(data, 0, data.length);
            for (float code : data) {
                assertThat((double) code).as("code under " + raw).isEqualTo(Math.rint(code))
                        .isBetween((double) quantization.code().min(), (double) quantization.code().max());
            }
        }
    }

    @Test
    final void onlyTheGivenRangeIsTouched() {
        for (Map<String, Object> raw : validConfigs()) {
            Quantization quantization = provider().create(provider().parameters().bind(raw));
            float[] data = sample(11, 100);
            float[] before = data.clone();
            Quantizer quantizer = quantization.forTensor(data, 0, data.length);
            quantizer.quantize(data, 10, 20);
            quantizer.dequantize(data, 10, 20);
            for (int i = 0; i < data.length; i++) {
                if (i < 10 || i >= 30) {
                    assertThat(data[i]).as("element " + i + " outside the range").isEqualTo(before[i]);
                }
            }
        }
    }

    @Test
    final void aConfigWithoutParametersIsRejectedWhenSomeAreRequired() {
        boolean anyRequired = provider().parameters().specs().stream().anyMatch(s -> s.required());
        if (anyRequired) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider().parameters().bind(Map.of()))
                    .isInstanceOf(dev.mrfi.api.config.ConfigurationException.class)
                    .hasMessageContaining("config/MissingParameter");
        }
    }
}
