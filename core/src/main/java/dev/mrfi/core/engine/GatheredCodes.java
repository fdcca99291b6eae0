package dev.mrfi.core.engine;

import dev.mrfi.api.quantization.Quantizer;

/**
 * Quantizes and dequantizes gathered values (FI-only quantization) at the positions they came from. A
 * quantizer may depend on a value's position (one range per channel, one scale per MX block), so each
 * gathered value is passed through the tensor at its own index, and the tensor's value there is restored.
 * When every position was gathered in order ({@code indices} null) the gathered array is the tensor's
 * order and one call does it. Allocates nothing.
 */
final class GatheredCodes {

    private GatheredCodes() {
    }

    static void quantize(Quantizer quantizer, float[] data, int[] indices, float[] values, int count) {
        if (indices == null) {
            quantizer.quantize(values, 0, count);
            return;
        }
        for (int k = 0; k < count; k++) {
            int index = indices[k];
            float saved = data[index];
            data[index] = values[k];
            quantizer.quantize(data, index, 1);
            values[k] = data[index];
            data[index] = saved;
        }
    }

    static void dequantize(Quantizer quantizer, float[] data, int[] indices, float[] values, int count) {
        if (indices == null) {
            quantizer.dequantize(values, 0, count);
            return;
        }
        for (int k = 0; k < count; k++) {
            int index = indices[k];
            float saved = data[index];
            data[index] = values[k];
            quantizer.dequantize(data, index, 1);
            values[k] = data[index];
            data[index] = saved;
        }
    }
}
