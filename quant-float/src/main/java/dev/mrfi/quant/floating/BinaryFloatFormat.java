package dev.mrfi.quant.floating;

import dev.mrfi.api.quantization.FloatRounding;

/**
 * A small binary floating-point format (sign, {@code e} exponent bits, {@code m} mantissa bits, a bias,
 * subnormals) and exact conversions between float32 values and its bit patterns. Immutable.
 *
 * <p>Encoding rounds to nearest, ties to even, into and out of the subnormal range: the magnitude is
 * scaled in double (exactly, by a power of two) so that one unit is the format's spacing at that
 * magnitude, rounded with {@code Math.rint} and scaled back. A result above the largest finite value
 * becomes infinity ({@link Overflow#INFINITY}, IEEE's rule) or that largest value
 * ({@link Overflow#SATURATE}, the OCP "scaled conversion"). Decoding reads a table built once.
 */
final class BinaryFloatFormat {

    /** How the top exponent field is used. */
    enum Specials {
        /** IEEE 754: the top exponent field holds infinities (mantissa 0) and NaNs. */
        IEEE,
        /** OCP E4M3: no infinities; only the pattern with every exponent and mantissa bit set is NaN. */
        NAN_ONLY_ALL_ONES,
        /** Every pattern is a finite number (the MX element formats FP6 and FP4). */
        NONE
    }

    /** What happens to finite values whose rounded magnitude exceeds the largest finite value. */
    enum Overflow { INFINITY, SATURATE }

    private final int mantissaBits;
    private final int bias;
    private final Specials specials;
    private final Overflow overflow;
    private final int minExponent;
    private final int signBit;
    private final int maxFiniteCode;
    private final int nanCode;
    private final int infinityCode;
    private final float maxFinite;
    /** Whether every quantum's power of two and its inverse are normal float32 values (not bfloat16). */
    private final boolean floatRounding;
    private final float[] decoded;

    BinaryFloatFormat(int exponentBits, int mantissaBits, int bias, Specials specials, Overflow overflow) {
        this.mantissaBits = mantissaBits;
        this.bias = bias;
        this.specials = specials;
        this.overflow = overflow;
        this.minExponent = 1 - bias;
        this.signBit = 1 << (exponentBits + mantissaBits);
        int topField = (1 << exponentBits) - 1;
        int mantissaMask = (1 << mantissaBits) - 1;
        switch (specials) {
            case IEEE:
                maxFiniteCode = ((topField - 1) << mantissaBits) | mantissaMask;
                infinityCode = topField << mantissaBits;
                nanCode = infinityCode | (1 << (mantissaBits - 1));
                break;
            case NAN_ONLY_ALL_ONES:
                maxFiniteCode = (topField << mantissaBits) | (mantissaMask - 1);
                infinityCode = -1;
                nanCode = (topField << mantissaBits) | mantissaMask;
                break;
            default:
                maxFiniteCode = (topField << mantissaBits) | mantissaMask;
                infinityCode = -1;
                nanCode = -1;
                break;
        }
        this.decoded = new float[signBit << 1];
        for (int code = 0; code < decoded.length; code++) {
            decoded[code] = decodeSlowly(code, topField, mantissaMask);
        }
        this.maxFinite = decoded[maxFiniteCode];
        int smallestQuantum = minExponent - mantissaBits;
        this.floatRounding = mantissaBits >= 1 && mantissaBits <= 20 && 127 - smallestQuantum <= 254
                && 127 + smallestQuantum >= 1;
    }

    private float decodeSlowly(int code, int topField, int mantissaMask) {
        int magnitude = code & (signBit - 1);
        int field = magnitude >>> mantissaBits;
        int mantissa = magnitude & mantissaMask;
        float value;
        if (specials == Specials.IEEE && field == topField) {
            value = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else if (specials == Specials.NAN_ONLY_ALL_ONES && magnitude == nanCode) {
            value = Float.NaN;
        } else if (field == 0) {
            value = (float) Math.scalb((double) mantissa, minExponent - mantissaBits);
        } else {
            value = (float) Math.scalb((double) (mantissa | (1 << mantissaBits)), field - bias - mantissaBits);
        }
        return (code & signBit) != 0 ? -value : value;
    }

    /** The exponent bias. */
    int bias() {
        return bias;
    }

    /** Number of bits of a pattern, sign included. */
    int width() {
        return Integer.numberOfTrailingZeros(signBit) + 1;
    }

    /** The largest finite magnitude. */
    double maxFinite() {
        return maxFinite;
    }

    /**
     * Returns the pattern of a value, rounded to nearest, ties to even. NaN gives the canonical NaN with
     * the value's sign; an infinity gives infinity, or NaN in a format without infinities (saturation
     * applies to finite values only). A format without NaN ({@link Specials#NONE}) gives the largest
     * finite pattern for NaN and infinities; callers that can meet them handle them first.
     *
     * @param value any float32
     * @return the pattern, in {@code [0, 2^width)}
     */
    int encode(float value) {
        int sign = Float.floatToRawIntBits(value) < 0 ? signBit : 0;
        if (Float.isNaN(value)) {
            return sign | (nanCode >= 0 ? nanCode : maxFiniteCode);
        }
        double magnitude = Math.abs((double) value);
        if (magnitude == Double.POSITIVE_INFINITY) {
            return sign | (infinityCode >= 0 ? infinityCode : nanCode >= 0 ? nanCode : maxFiniteCode);
        }
        if (magnitude == 0) {
            return sign;
        }
        int quantumExponent = Math.max(Math.getExponent(magnitude), minExponent) - mantissaBits;
        double rounded = Math.scalb(Math.rint(Math.scalb(magnitude, -quantumExponent)), quantumExponent);
        if (rounded > maxFinite) {
            if (overflow == Overflow.SATURATE) {
                return sign | maxFiniteCode;
            }
            return sign | (infinityCode >= 0 ? infinityCode : nanCode >= 0 ? nanCode : maxFiniteCode);
        }
        return sign | encodeRepresentable(rounded);
    }

    /**
     * Returns {@code decode(encode(value))}, bit for bit, without the double arithmetic of {@link #encode}:
     * the quantum at the value's exponent is a power of two, so scaling by it and back is exact in float32,
     * and the scaled value (below 2^21) is rounded half to even with {@link FloatRounding}. NaN, infinities
     * and results beyond the largest finite value fail the final comparison and take the exact path.
     *
     * @param value any float32
     * @return the nearest value of the format, as {@link #decode} gives it
     */
    float roundTrip(float value) {
        if (floatRounding) {
            int exponent = ((Float.floatToRawIntBits(value) >>> 23) & 0xff) - 127;
            int quantum = Math.max(exponent, minExponent) - mantissaBits;
            // an infinity or NaN has exponent 128: the factors stay finite (the first is zero for one mantissa
            // bit) and the result is NaN or infinite, which the comparison below sends to the exact path
            float scaled = value * Float.intBitsToFloat(Math.max(0, 127 - quantum) << 23);
            float quantumValue = Float.intBitsToFloat(Math.min(254, 127 + quantum) << 23);
            float rounded = FloatRounding.roundHalfEven(scaled) * quantumValue;
            if (Math.abs(rounded) <= maxFinite) {
                return rounded;
            }
        }
        return decode(encode(value));
    }

    /**
     * Returns the pattern of a magnitude the format represents exactly, at most {@link #maxFinite()}.
     */
    int encodeRepresentable(double magnitude) {
        if (magnitude == 0) {
            return 0;
        }
        int exponent = Math.getExponent(magnitude);
        if (exponent < minExponent) {
            return (int) Math.scalb(magnitude, mantissaBits - minExponent);
        }
        int significand = (int) Math.scalb(magnitude, mantissaBits - exponent);
        return ((exponent + bias) << mantissaBits) | (significand - (1 << mantissaBits));
    }

    /**
     * Returns the value of a pattern known to be valid, without the checks of {@link #decode}.
     *
     * @param code a pattern in {@code [0, 2^width)}
     * @return the value
     */
    float valueOf(int code) {
        return decoded[code];
    }

    /**
     * Returns the value of a pattern. A code that is not a whole number in {@code [0, 2^width)} (a fault
     * may leave one) decodes to NaN.
     *
     * @param code the pattern as a float32
     * @return the value
     */
    float decode(float code) {
        int index = (int) code;
        return index == code && index >= 0 && index < decoded.length ? decoded[index] : Float.NaN;
    }

    @Override
    public String toString() {
        return "BinaryFloatFormat(e" + (width() - 1 - mantissaBits) + "m" + mantissaBits + ", bias " + bias + ", " + specials
                + ", " + overflow + ")";
    }
}
