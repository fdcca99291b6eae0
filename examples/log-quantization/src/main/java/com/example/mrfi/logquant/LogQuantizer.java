package com.example.mrfi.logquant;

import dev.mrfi.api.quantization.Quantizer;

/**
 * Power-of-two quantization bound to its exponent range {@code [minExponent, minExponent + levels - 1]}.
 * Immutable; both methods work in place and allocate nothing.
 */
final class LogQuantizer implements Quantizer {

    private static final double SQRT_2 = Math.sqrt(2.0);
    /** Exponents of the smallest positive float32 (a subnormal) and of the largest power of two below infinity. */
    private static final int LOWEST_TOP = -149;
    private static final int HIGHEST_TOP = 127;

    private final int levels;
    private final int minExponent;

    private LogQuantizer(int levels, int minExponent) {
        this.levels = levels;
        this.minExponent = minExponent;
    }

    /**
     * Builds the quantizer whose top level is the power of two nearest to a range.
     *
     * @param bitWidth the code's width, in [2, 8]
     * @param range    the largest magnitude; 0 (an all-zero tensor) puts the top level at 2^-149
     * @return the quantizer
     */
    static LogQuantizer forRange(int bitWidth, double range) {
        int levels = (1 << (bitWidth - 1)) - 1;
        int top = range > 0 ? Math.max(LOWEST_TOP, Math.min(HIGHEST_TOP, roundLog2(range))) : LOWEST_TOP;
        return new LogQuantizer(levels, top - levels + 1);
    }

    /** Returns round(log2 v) for v &gt; 0, rounding up when the mantissa is at least sqrt(2). */
    static int roundLog2(double v) {
        int exponent = Math.getExponent(v);
        // scalb is exact here, and a float's 24-bit mantissa never equals sqrt(2), so there are no ties
        return Math.scalb(v, -exponent) >= SQRT_2 ? exponent + 1 : exponent;
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        final int low = minExponent;
        final int high = minExponent + levels - 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            float x = data[i];
            if (x != x || x == 0f) {
                continue;
            }
            int exponent = roundLog2(Math.abs((double) x));
            float code = exponent < low ? 0f : Math.min(exponent, high) - low + 1;
            data[i] = Math.copySign(code, x);
        }
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        final double base = minExponent - 1.0;
        for (int i = offset, end = offset + length; i < end; i++) {
            float code = data[i];
            if (code != code) {
                continue;
            }
            float level = (float) Math.rint(Math.abs(code));
            if (level == 0f) {
                data[i] = Math.copySign(0f, code);
                continue;
            }
            // capped so the cast cannot overflow; 2^128 and above is infinity anyway
            int exponent = (int) Math.min(base + level, 128.0);
            data[i] = Math.copySign(Math.scalb(1f, exponent), code);
        }
    }

    @Override
    public String toString() {
        return "2^" + (minExponent + levels - 1);
    }
}
