package dev.mrfi.quant.fixpoint;

import dev.mrfi.api.quantization.FloatRounding;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import java.util.Objects;

/**
 * Fixed-point quantization: quantize is {@code x * (M / R)} clamped to {@code [-M, M]} and rounded half
 * to even, dequantize is {@code c * (R / M)}, with {@code R = 2^ib}, {@code M = 2^(ib+db) - 1} and both
 * factors computed in double and rounded to float32, as the reference does. The step is {@code R / M},
 * not {@code 2^-db}.
 */
final class FixPointQuantization implements Quantization, Quantizer {

    private final int integerBit;
    private final int decimalBit;
    private final float limit;
    private final float toCode;
    private final float fromCode;

    FixPointQuantization(int integerBit, int decimalBit) {
        this.integerBit = integerBit;
        this.decimalBit = decimalBit;
        double range = Math.pow(2, integerBit);
        double max = Math.pow(2, integerBit + decimalBit) - 1;
        this.limit = (float) max;
        this.toCode = (float) (max / range);
        this.fromCode = (float) (range / max);
    }

    @Override
    public IntegerCode code() {
        return IntegerCode.signed(integerBit + decimalBit + 1);
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        return this;
    }

    /**
     * Clamps with {@code Math.max}/{@code Math.min}, which agree with the reference's comparisons here
     * (NaN and -0.0 pass through, the bounds are {@code ±M}), and rounds with {@link HalfEven}, so the loop
     * vectorizes; more than 22 integer and fraction bits exceed {@link HalfEven#MAX_EXACT} and take the
     * scalar {@code Math.rint} loop.
     */
    @Override
    public void quantize(float[] data, int offset, int length) {
        final float s = toCode;
        final float m = limit;
        final float minusM = -limit;
        final int end = offset + length;
        if (m <= FloatRounding.MAX_EXACT) {
            for (int i = offset; i < end; i++) {
                data[i] = FloatRounding.roundHalfEven(Math.min(Math.max(data[i] * s, minusM), m));
            }
            return;
        }
        for (int i = offset; i < end; i++) {
            float x = data[i] * s;
            x = x < minusM ? minusM : x;
            x = x > m ? m : x;
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
        final float m = limit;
        final float minusM = -limit;
        if (m <= FloatRounding.MAX_EXACT) {
            for (int i = srcOffset; i < end; i++) {
                dst[i] = FloatRounding.roundHalfEven(Math.min(Math.max(src[i] * s, minusM), m))
                        * back;
            }
            return;
        }
        for (int i = srcOffset; i < end; i++) {
            float x = src[i] * s;
            x = x < minusM ? minusM : x;
            x = x > m ? m : x;
            dst[i] = (float) Math.rint(x) * back;
        }
    }

    @Override
    public String toString() {
        return "FixPointQuantization(integer_bit=" + integerBit + ", decimal_bit=" + decimalBit + ")";
    }
}
