package dev.mrfi.nn.io;

/** IEEE 754 half precision to single precision. Java 17 has no {@code Float.float16ToFloat}. */
final class Float16 {

    private Float16() {
    }

    /**
     * Converts exactly: every half-precision value, subnormals, signed zeros and infinities included, is
     * representable as a float; a NaN keeps its sign and payload, shifted into the wider mantissa.
     *
     * @param bits the half's 16 bits in the low half of an int
     * @return the same value as a float
     */
    static float toFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa · 2^-24, exact in float arithmetic since mantissa < 2^10
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
