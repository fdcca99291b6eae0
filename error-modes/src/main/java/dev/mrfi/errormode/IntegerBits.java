package dev.mrfi.errormode;

import dev.mrfi.api.IntegerCode;

/**
 * How the integer error modes read a float as an integer code and change its bits. Immutable.
 *
 * <p><b>Signed</b> (the reference's behaviour): the value becomes an int32 by truncation toward zero;
 * NaN, infinities and values outside the int32 range become -2^31, as {@code Tensor.int()} gives on an
 * x86 CPU. Bit {@code k < bitWidth-1} has the mask 2^k; the sign bit {@code bitWidth-1} has the mask
 * -2^(bitWidth-1), every bit from the sign up to bit 31, so the result stays sign-extended. The result is
 * converted back to float32 (rounding to nearest, ties to even).
 *
 * <p><b>Unsigned</b>: the value becomes an int64 by truncation toward zero (NaN, infinities and values
 * outside the int64 range become -2^63) and bit {@code k} has the mask 2^k for every {@code k}, so no
 * sign is extended.
 */
final class IntegerBits {

    private static final float TWO_TO_31 = 0x1p31f;
    private static final float TWO_TO_63 = 0x1p63f;

    private final int bitWidth;
    private final boolean signed;
    private final int signMask;

    IntegerBits(int bitWidth, boolean signed) {
        if (bitWidth < 1 || bitWidth > 32) {
            throw new IllegalArgumentException("bitWidth must be in [1, 32], got " + bitWidth);
        }
        this.bitWidth = bitWidth;
        this.signed = signed;
        this.signMask = -(1 << (bitWidth - 1));
    }

    /** Returns the code this reading describes, for core's cross-check with the quantization. */
    IntegerCode code() {
        return new IntegerCode(bitWidth, signed);
    }

    int bitWidth() {
        return bitWidth;
    }

    /**
     * Converts like the reference's {@code x.int()} on a CPU: truncation toward zero, and -2^31 for NaN,
     * infinities and values outside the int32 range.
     */
    static int toInt32(float value) {
        return value >= -TWO_TO_31 && value < TWO_TO_31 ? (int) value : Integer.MIN_VALUE;
    }

    /** Converts by truncation toward zero, giving -2^63 for NaN, infinities and values outside int64. */
    static long toInt64(float value) {
        return value >= -TWO_TO_63 && value < TWO_TO_63 ? (long) value : Long.MIN_VALUE;
    }

    /**
     * Flips one bit of the code of a value.
     *
     * @param value the value holding a code
     * @param bit   the bit, in [0, 32) when signed, in [0, 64) when unsigned
     * @return the new code as a float
     */
    float flip(float value, int bit) {
        if (signed) {
            int mask = bit == bitWidth - 1 ? signMask : 1 << bit;
            return (float) (toInt32(value) ^ mask);
        }
        return (float) (toInt64(value) ^ (1L << bit));
    }

    /**
     * Flips several bits of the code of a value at once.
     *
     * @param value     the value holding a code
     * @param positions bit {@code k} set for every code bit {@code k} to flip, all below the bit width
     * @return the new code as a float
     */
    float flipAll(float value, long positions) {
        if (signed) {
            int mask = (int) positions;
            if ((positions >>> (bitWidth - 1) & 1L) != 0) {
                mask |= signMask;
            }
            return (float) (toInt32(value) ^ mask);
        }
        return (float) (toInt64(value) ^ positions);
    }

    /**
     * Forces one bit of the code of a value. A value whose code already has that bit is returned
     * unchanged, even if it is not a whole number.
     *
     * @param value the value holding a code
     * @param bit   the bit
     * @param one   true to force the bit to 1, false to force it to 0
     * @return the new code as a float, or {@code value} itself
     */
    float force(float value, int bit, boolean one) {
        if (signed) {
            int code = toInt32(value);
            if (((code >>> bit & 1) != 0) == one) {
                return value;
            }
            int mask = bit == bitWidth - 1 ? signMask : 1 << bit;
            return (float) (one ? code | mask : code & ~mask);
        }
        long code = toInt64(value);
        if (((code >>> bit & 1L) != 0) == one) {
            return value;
        }
        return (float) (code ^ (1L << bit));
    }

    @Override
    public String toString() {
        return "bit_width=" + bitWidth + ", signed=" + signed;
    }
}
