package dev.mrfi.quant.symmetric;

import dev.mrfi.api.quantization.FloatRounding;

import dev.mrfi.api.quantization.Quantizer;
import java.util.Objects;
import dev.mrfi.api.quantization.QuantizerScales;

/**
 * The symmetric scheme bound to one float32 range and its two float32 factors.
 *
 * <p>Quantize clamps with {@code Math.max}/{@code Math.min}, which agree with the reference's comparisons
 * for every input here (NaN and -0.0 pass through, the bounds are {@code ±L}), and rounds with
 * {@link HalfEven}, so the loop vectorizes. Codes wider than 23 bits exceed {@link HalfEven#MAX_EXACT} and
 * take the scalar {@code Math.rint} loop.
 */
final class SymmetricQuantizer implements Quantizer {

    /** The constant of {@link FloatRounding#roundHalfEven}: below 2^24 apart from it, floats are the integers. */
    private static final float ROUNDING_SHIFT = 0x1.8p23f;

    final float span;
    private final float limit;
    final float toCode;
    private final float fromCode;
    private final boolean vectorizable;

    SymmetricQuantizer(float span, float limit, float toCode, float fromCode) {
        this.span = span;
        this.limit = limit;
        this.toCode = toCode;
        this.fromCode = fromCode;
        this.vectorizable = limit <= FloatRounding.MAX_EXACT;
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        final float d = span;
        final float s = toCode;
        final float l = limit;
        final float minusL = -limit;
        final int end = offset + length;
        if (vectorizable) {
            for (int i = offset; i < end; i++) {
                float x = ((data[i] + d) * s) + minusL;
                data[i] = FloatRounding.roundHalfEven(Math.min(Math.max(x, minusL), l));
            }
            return;
        }
        for (int i = offset; i < end; i++) {
            float x = ((data[i] + d) * s) + minusL;
            // clamp as torch does (NaN and -0.0 pass through), then round half to even
            x = x < minusL ? minusL : x;
            x = x > l ? l : x;
            data[i] = (float) Math.rint(x);
        }
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        final float d = span;
        final float s = fromCode;
        final float l = limit;
        for (int i = offset, end = offset + length; i < end; i++) {
            data[i] = ((data[i] + l) * s) - d;
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
        final float d = span;
        final float s = toCode;
        final float back = fromCode;
        final float l = limit;
        final float minusL = -limit;
        if (vectorizable) {
            // code + L computed as (SHIFT + L) - (SHIFT - y): SHIFT - y is rint(-y) + SHIFT exactly (FloatRounding),
            // and both differences are integers below 2^24, so the sum equals rint(y) + L bit for bit. The sign
            // of a zero code, which roundHalfEven spends an operation keeping, vanishes in + L anyway.
            final float shiftPlusL = ROUNDING_SHIFT + l;
            for (int i = srcOffset; i < end; i++) {
                float x = ((src[i] + d) * s) + minusL;
                float y = Math.min(Math.max(x, minusL), l);
                dst[i] = ((shiftPlusL - (ROUNDING_SHIFT - y)) * back) - d;
            }
            return;
        }
        for (int i = srcOffset; i < end; i++) {
            float x = ((src[i] + d) * s) + minusL;
            x = x < minusL ? minusL : x;
            x = x > l ? l : x;
            dst[i] = (((float) Math.rint(x) + l) * back) - d;
        }
    }

    /** The one scale is the range D, a float32; a corrupted range is used as the reference uses an auto range. */
    @Override
    public QuantizerScales scales() {
        return new SingleRange(span, limit);
    }
}
