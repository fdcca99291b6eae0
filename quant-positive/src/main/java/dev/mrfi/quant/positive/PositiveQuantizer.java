package dev.mrfi.quant.positive;

import dev.mrfi.api.quantization.FloatRounding;

import dev.mrfi.api.quantization.Quantizer;
import java.util.Objects;

/**
 * The positive scheme bound to its two float32 factors. A zero {@code auto} range uses factors of 0, so
 * an all-zero tensor stays zero instead of turning into NaN as in the reference.
 *
 * <p>The reference's clamp sends negative values to +0.0 but keeps -0.0, which no single
 * {@code Math.max} does ({@code Math.max(-0.0f, 0f)} is +0.0). The vectorized loop therefore clamps to
 * {@code [-0.0, U]}, rounds with {@link HalfEven} (keeping the sign of zero), and adds a zero whose sign
 * says whether x was negative: {@code -0.0 / (x·2^100 + 2^-100)} is +0.0 exactly when x is below zero
 * (infinities included) and -0.0 otherwise, and a sum of zeros is -0.0 only when both are. Codes wider
 * than 22 bits take the scalar loop.
 */
final class PositiveQuantizer implements Quantizer {

    private final float top;
    private final float toCode;
    private final float fromCode;
    private final boolean vectorizable;

    PositiveQuantizer(float top, float toCode, float fromCode) {
        this.top = top;
        this.toCode = toCode;
        this.fromCode = fromCode;
        this.vectorizable = top <= FloatRounding.MAX_EXACT;
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        final float s = toCode;
        final float u = top;
        final int end = offset + length;
        if (vectorizable) {
            for (int i = offset; i < end; i++) {
                float x = data[i] * s;
                float code = FloatRounding.roundHalfEven(Math.min(Math.max(x, -0f), u));
                data[i] = code + (-0f / (x * 0x1p100f + 0x1p-100f));
            }
            return;
        }
        for (int i = offset; i < end; i++) {
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

    /**
     * One pass with the arithmetic of {@link #quantize} then {@link #dequantize}, operation for operation.
     * Only equal offsets (what the engine uses) take it: one index for both arrays is what lets HotSpot 17
     * vectorize a loop whose arrays may be the same; other offsets take the two-pass default.
     */
    @Override
    public void roundTrip(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        if (srcOffset != dstOffset) {
            Quantizer.super.roundTrip(src, srcOffset, dst, dstOffset, length);
            return;
        }
        Objects.checkFromIndexSize(srcOffset, length, Math.min(src.length, dst.length));
        final int end = srcOffset + length;
        final float s = toCode;
        final float back = fromCode;
        final float u = top;
        if (vectorizable) {
            for (int i = srcOffset; i < end; i++) {
                float x = src[i] * s;
                float code = FloatRounding.roundHalfEven(Math.min(Math.max(x, -0f), u));
                dst[i] = (code + (-0f / (x * 0x1p100f + 0x1p-100f))) * back;
            }
            return;
        }
        for (int i = srcOffset; i < end; i++) {
            float x = src[i] * s;
            x = x < 0f ? 0f : x;
            x = x > u ? u : x;
            dst[i] = (float) Math.rint(x) * back;
        }
    }
}
