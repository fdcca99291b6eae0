package dev.mrfi.api.quantization;

/**
 * Float32 round half to even ({@code Math.rint}) in a form HotSpot 17 vectorizes, for
 * quantizers' hot loops.
 *
 * <p>{@code (float) Math.rint(x)} goes through double, which the JIT keeps scalar (about 0.8 G values/s).
 * Subtracting from 1.5·2^23 rounds {@code -x} to an integer exactly for {@code |x| <= 2^22}: the difference
 * lies in [2^23, 2^24], where floats are the integers, and ties go to even because the constant is even.
 * Subtracting the constant again is exact. The last step negates with the sign of zero taken from x, so
 * -0.3 rounds to -0.0 as {@code Math.rint} does; a plain {@code (x + C) - C} would give +0.0.
 *
 * @since 0.1
 */
public final class FloatRounding {

    /** The largest magnitude {@link #roundHalfEven} is exact for; callers clamp to at most this first. */
    public static final float MAX_EXACT = 0x1p22f;

    private static final float SHIFT = 0x1.8p23f;

    private FloatRounding() {
    }

    /**
     * Rounds half to even, bit for bit as {@code (float) Math.rint(x)} for {@code |x| <= 2^22} and NaN.
     *
     * @param x a value of magnitude at most {@link #MAX_EXACT}, or NaN
     * @return the nearest integer, ties to even, with the sign of x
     */
    public static float roundHalfEven(float x) {
        return (x * 0f) - ((SHIFT - x) - SHIFT);
    }
}
