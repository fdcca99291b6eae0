package dev.mrfi.quant.floating;

/**
 * {@code floor} of a float32 {@code log2}, as the reference computes a value's exponent: the logarithm is
 * rounded to float32 before the floor, so a value just below a power of two {@code 2^k} (with
 * {@code |k| >= 2}) has exponent {@code k}, not {@code k - 1}. Stateless.
 */
final class FloatLog2 {

    private static final double LN2 = Math.log(2);
    /** Float32's normal exponents, -126 .. 127. */
    private static final int MIN_NORMAL_EXPONENT = Float.MIN_EXPONENT;
    /**
     * For each normal exponent e, the smallest float in [2^e, 2^(e+1)) whose {@link #floorOfLog2} is e + 1
     * (infinity when there is none); {@link #floorOfLog2} is nondecreasing, so these are thresholds.
     */
    private static final float[] ROUNDS_UP_FROM = thresholds();

    private FloatLog2() {
    }

    private static float[] thresholds() {
        float[] thresholds = new float[Float.MAX_EXPONENT - MIN_NORMAL_EXPONENT + 1];
        for (int e = MIN_NORMAL_EXPONENT; e <= Float.MAX_EXPONENT; e++) {
            int low = Float.floatToRawIntBits(Math.scalb(1f, e));
            int high = low + (1 << 23) - 1;
            if (floorOfLog2(Float.intBitsToFloat(high)) == e) {
                thresholds[e - MIN_NORMAL_EXPONENT] = Float.POSITIVE_INFINITY;
                continue;
            }
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (floorOfLog2(Float.intBitsToFloat(middle)) > e) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            thresholds[e - MIN_NORMAL_EXPONENT] = Float.intBitsToFloat(low);
        }
        return thresholds;
    }

    /**
     * Returns {@link #floorOfLog2} without a logarithm for a normal x, by the threshold of its binade.
     *
     * @param x a positive finite float
     * @return {@code floor((float) log2(x))}
     */
    static int floorOfLog2Fast(float x) {
        int exponent = Math.getExponent(x);
        if (exponent < MIN_NORMAL_EXPONENT) {
            return floorOfLog2(x);
        }
        return x >= ROUNDS_UP_FROM[exponent - MIN_NORMAL_EXPONENT] ? exponent + 1 : exponent;
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
