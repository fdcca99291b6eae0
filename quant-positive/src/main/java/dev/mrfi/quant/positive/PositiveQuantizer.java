package dev.mrfi.quant.positive;

import dev.mrfi.api.quantization.Quantizer;

/**
 * The positive scheme bound to its two float32 factors. A zero {@code auto} range uses factors of 0, so
 * an all-zero tensor stays zero instead of turning into NaN as in the reference.
 */
final class PositiveQuantizer implements Quantizer {

    private final float top;
    private final float toCode;
    private final float fromCode;

    PositiveQuantizer(float top, float toCode, float fromCode) {
        this.top = top;
        this.toCode = toCode;
        this.fromCode = fromCode;
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        final float s = toCode;
        final float u = top;
        for (int i = offset, end = offset + length; i < end; i++) {
            float x = data[i] * s;
            // clamp as torch does: NaN and -0.0 pass through
            x = x < 0f ? 0f : x;
            x = x > u ? u : x;
            data[i] = (float) Math.rint(x);
        }
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        final float s = fromCode;
        for (int i = offset, end = offset + length; i < end; i++) {
            data[i] = data[i] * s;
        }
    }
}
