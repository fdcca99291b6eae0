package dev.mrfi.errormode;

/**
 * Exact conversions between float32 and IEEE-754 binary16 (float16) bit patterns, which Java 17 lacks.
 *
 * <p>float32 to float16 rounds to nearest, ties to even, including into and out of the subnormal range;
 * magnitudes that round beyond 65504 become infinity. A NaN keeps its sign and the top ten bits of its
 * payload, and stays a NaN when those bits are zero, as numpy's conversion does. float16 to float32 is
 * exact. Stateless.
 */
final class Half {

    private Half() {
    }

    /**
     * Converts a float32 value to the nearest float16.
     *
     * @param value the value
     * @return the float16 bit pattern in the low 16 bits
     */
    static int fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7f_ffff;
        if (exponent == 0xff) {
            if (mantissa == 0) {
                return sign | 0x7c00;
            }
            int payload = mantissa >>> 13;
            return sign | 0x7c00 | (payload == 0 ? 1 : payload);
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return sign | 0x7c00;
        }
        if (halfExponent <= 0) {
            // below 2^-25 everything rounds to zero, 2^-25 itself ties to the even zero
            if (halfExponent < -10) {
                return sign;
            }
            int significand = mantissa | 0x80_0000;
            int shift = 126 - exponent;
            return sign | roundShifted(significand, shift);
        }
        int half = (halfExponent << 10) | (mantissa >>> 13);
        int rest = mantissa & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
            // a carry out of the mantissa raises the exponent, and past 65504 gives infinity's pattern
            half++;
        }
        return sign | half;
    }

    private static int roundShifted(int significand, int shift) {
        int kept = significand >>> shift;
        int rest = significand & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (rest > halfway || (rest == halfway && (kept & 1) != 0)) {
            kept++;
        }
        return kept;
    }

    /**
     * Converts a float16 bit pattern to float32, exactly. NaN payloads move to the top of the float32
     * payload.
     *
     * @param half the float16 bit pattern in the low 16 bits; higher bits are ignored
     * @return the value
     */
    static float toFloat(int half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f80_0000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // a subnormal is mantissa * 2^-24, exact in float32
            float magnitude = mantissa * 0x1p-24f;
            return Float.intBitsToFloat(sign | Float.floatToRawIntBits(magnitude));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
