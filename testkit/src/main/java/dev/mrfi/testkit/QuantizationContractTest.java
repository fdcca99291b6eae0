package dev.mrfi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of quantization providers: codes are whole numbers inside the declared code, only the
 * requested range of the array is touched, and the one-pass round trip equals quantize then dequantize.
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

    /**
     * A quantizer's {@link Quantizer#roundTrip} (fused or the default) gives, bit for bit, what copying the
     * source to the destination and then quantizing and dequantizing there give: in place, into another
     * array at another offset, and over an overlapping range. The source and the destination outside its
     * range stay as they were.
     */
    @Test
    final void roundTripEqualsQuantizeThenDequantize() {
        for (Map<String, Object> raw : validConfigs()) {
            Quantization quantization = provider().create(provider().parameters().bind(raw));
            for (float[] values : List.of(sample(13, 5000), FloatSamples.inputs(1f))) {
                Quantizer quantizer = quantization.forTensor(values, 0, values.length);
                float[] expected = values.clone();
                quantizer.quantize(expected, 0, expected.length);
                quantizer.dequantize(expected, 0, expected.length);
                float[] inPlace = values.clone();
                quantizer.roundTrip(inPlace, 0, inPlace, 0, inPlace.length);
                FloatSamples.assertSameBits(inPlace, expected);

                int n = values.length - 7;
                float[] twoStep = new float[values.length + 5];
                Arrays.fill(twoStep, 42f);
                System.arraycopy(values, 3, twoStep, 5, n);
                quantizer.quantize(twoStep, 5, n);
                quantizer.dequantize(twoStep, 5, n);
                float[] source = values.clone();
                float[] target = new float[values.length + 5];
                Arrays.fill(target, 42f);
                quantizer.roundTrip(source, 3, target, 5, n);
                FloatSamples.assertSameBits(source, values);
                FloatSamples.assertSameBits(target, twoStep);

                float[] shifted = values.clone();
                System.arraycopy(shifted, 0, shifted, 2, values.length - 2);
                quantizer.quantize(shifted, 2, values.length - 2);
                quantizer.dequantize(shifted, 2, values.length - 2);
                float[] overlapping = values.clone();
                quantizer.roundTrip(overlapping, 0, overlapping, 2, values.length - 2);
                FloatSamples.assertSameBits(overlapping, shifted);
            }
        }
    }
}
