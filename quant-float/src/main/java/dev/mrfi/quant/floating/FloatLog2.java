package dev.mrfi.quant.floating;

/**
 * {@code floor} of a float32 {@code log2}, as the reference computes a value's exponent: the logarithm is
 * rounded to float32 before the floor, so a value just below a power of two {@code 2^k} (with
 * {@code |k| >= 2}) has exponent {@code k}, not {@code k - 1}. Stateless.
 */
final class FloatLog2 {

    private static final double LN2 = Math.log(2);

    private FloatLog2() {
    }

    /**
     * Returns {@code floor((float) log2(x))} for a positive finite x, with the logarithm correctly rounded
     * to float32 (computed in double, far more precise than the float32 rounding it decides).
     */
    static int floorOfLog2(float x) {
        int exponent = Math.getExponent((double) x);
        double fraction = Math.log1p(Math.scalb((double) x, -exponent) - 1.0) / LN2;
        return (int) Math.floor((float) (exponent + fraction));
    }
}
