package dev.mrfi.quant.floating;

import dev.mrfi.api.IntegerCode;

/**
 * The element formats of OCP Microscaling (MX) v1.0 and how a value already divided by its block's scale
 * becomes an element. Rounding follows the reference emulation step by step in float32: the value's own
 * exponent {@code floor(log2|v|)} (clamped below at the format's smallest normal exponent) sets the
 * spacing, the scaled value is rounded (half to even or half away from zero) and scaled back, and the
 * result is clamped to the largest normal. Each step is exact or a single float32 operation, so the
 * result is bit for bit the reference's.
 */
enum MxElementFormat {

    FP8_E4M3("fp8_e4m3", 4, 3, 8, Fp8Quantization.E4M3),
    FP8_E5M2("fp8_e5m2", 5, 2, 15, Fp8Quantization.E5M2),
    FP6_E3M2("fp6_e3m2", 3, 2, 4, new BinaryFloatFormat(3, 2, 3,
            BinaryFloatFormat.Specials.NONE, BinaryFloatFormat.Overflow.SATURATE)),
    FP6_E2M3("fp6_e2m3", 2, 3, 2, new BinaryFloatFormat(2, 3, 1,
            BinaryFloatFormat.Specials.NONE, BinaryFloatFormat.Overflow.SATURATE)),
    FP4_E2M1("fp4_e2m1", 2, 1, 2, new BinaryFloatFormat(2, 1, 1,
            BinaryFloatFormat.Specials.NONE, BinaryFloatFormat.Overflow.SATURATE)),
    /** A signed 8-bit integer with an implicit scale of 2^-6: elements are k/64 for k in [-127, 127]. */
    INT8("int8", 0, 6, 0, null);

    private static final float INT8_STEP = 64f;

    private final String configName;
    private final int exponentBits;
    private final int mantissaBits;
    private final int codeBias;
    private final int signBit;
    private final int emax;
    private final int minExponent;
    /** 2^mantissaBits: one unit of the rounded value is the spacing at the element's exponent. */
    private final float unitsPerSpacing;
    private final float maxNormal;
    /** Null for INT8. */
    private final BinaryFloatFormat format;

    MxElementFormat(String configName, int exponentBits, int mantissaBits, int emax, BinaryFloatFormat format) {
        this.configName = configName;
        this.exponentBits = exponentBits;
        this.mantissaBits = mantissaBits;
        this.codeBias = format == null ? 0 : format.bias();
        this.signBit = format == null ? 0 : 1 << (format.width() - 1);
        this.emax = emax;
        this.minExponent = 2 - (1 << Math.max(exponentBits - 1, 0));
        this.unitsPerSpacing = Math.scalb(1f, mantissaBits);
        this.format = format;
        this.maxNormal = format == null ? 127f / INT8_STEP : (float) format.maxFinite();
    }

    String configName() {
        return configName;
    }

    /** The exponent of the largest normal element, which the shared scale leaves room for. */
    int emax() {
        return emax;
    }

    IntegerCode code() {
        return format == null ? IntegerCode.signed(8) : IntegerCode.unsigned(format.width());
    }

    static MxElementFormat byConfigName(String name) {
        for (MxElementFormat candidate : values()) {
            if (candidate.configName.equals(name)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown MX element format '" + name + "'");
    }

    /**
     * Rounds a finite value (already divided by the block's scale) to the nearest element.
     *
     * @param value          the scaled value
     * @param tiesToEven     true for half to even, false for half away from zero
     * @return the element's value, exactly representable in this format
     */
    float round(float value, boolean tiesToEven) {
        float magnitude = Math.abs(value);
        int exponent = 0;
        if (exponentBits > 0) {
            exponent = magnitude == 0f ? 0 : Math.max(FloatLog2.floorOfLog2(magnitude), minExponent);
        }
        float spacing = Math.scalb(1f, exponent);
        float units = magnitude / spacing * unitsPerSpacing;
        float rounded = (float) Math.floor(units + 0.5f);
        if (tiesToEven && (units - 0.5f) % 2f == 0f) {
            rounded -= 1f;
        }
        float element = rounded / unitsPerSpacing * spacing;
        return Math.copySign(Math.min(element, maxNormal), value);
    }

    /**
     * Returns {@code encode(round(value, tiesToEven))} bit for bit, without a logarithm, a division or a
     * remainder per value: the quantizers' hot loop. The element's exponent is {@code Math.getExponent}: it
     * differs from the float32 {@code floor(log2)} of {@link #round} only for values within 2^-23 (relative) of
     * the next power of two, and both spacings round those to that power of two. Dividing by a power of two
     * is multiplying by its inverse; the rounding steps are the same float32 operations as in {@link #round};
     * {@code (units - 0.5) % 2 == 0} is tested on an int, as units stays below 2^(mantissa bits + 2).
     *
     * @param value      a finite value already divided by its block's scale
     * @param tiesToEven true for half to even, false for half away from zero
     * @return the element's code
     */
    float code(float value, boolean tiesToEven) {
        float magnitude = Math.abs(value);
        int exponent = exponentBits > 0 ? Math.max(Math.getExponent(magnitude), minExponent) : 0;
        float units = magnitude * Float.intBitsToFloat((127 - exponent) << 23) * unitsPerSpacing;
        float rounded = (int) (units + 0.5f);
        float below = units - 0.5f;
        int whole = (int) below;
        if (tiesToEven && whole == below && (whole & 1) == 0) {
            rounded -= 1f;
        }
        float element = Math.min(rounded * (Float.intBitsToFloat((exponent + 127) << 23) / unitsPerSpacing), maxNormal);
        if (format == null) {
            return Math.copySign(element, value) * INT8_STEP;
        }
        int sign = Float.floatToRawIntBits(value) < 0 ? signBit : 0;
        if (element == 0f) {
            return sign;
        }
        int elementExponent = Math.getExponent(element);
        if (elementExponent < minExponent) {
            return sign | (int) (element * Float.intBitsToFloat((127 + mantissaBits - minExponent) << 23));
        }
        int mantissa = (Float.floatToRawIntBits(element) >>> (23 - mantissaBits)) & ((1 << mantissaBits) - 1);
        return sign | ((elementExponent + codeBias) << mantissaBits) | mantissa;
    }

    /** Returns the code of an element returned by {@link #round}. */
    float encode(float element) {
        return format == null ? element * INT8_STEP : format.encode(element);
    }

    /** Returns the element a code stands for; NaN for a code that is not one of this format's codes. */
    float decode(float code) {
        if (format != null) {
            return format.decode(code);
        }
        int k = (int) code;
        return k == code && k >= -128 && k <= 127 ? code / INT8_STEP : Float.NaN;
    }
}
