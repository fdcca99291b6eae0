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
        this.bucketBits = format == null ? 8 : mantissaBits + 2;
        this.lowBinade = format == null ? -9 : minExponent - mantissaBits - 2;
        int highBinade = format == null ? 1 : emax + 1;
        this.firstBucket = (lowBinade + 127) << bucketBits;
        this.lastBucket = ((highBinade - lowBinade + 1) << bucketBits) - 1;
        this.even = new CodeTable(this, true);
        this.nearest = new CodeTable(this, false);
    }

    /** The element's binary float format; null for {@link #INT8}. */
    BinaryFloatFormat binaryFormat() {
        return format;
    }

    /** Mantissa bits of a float32 that pick a bucket of {@link CodeTable}. */
    private final int bucketBits;
    /** The binade of the first bucket; smaller magnitudes share its (zero) code. */
    private final int lowBinade;
    private final int firstBucket;
    private final int lastBucket;
    private final CodeTable even;
    private final CodeTable nearest;

    /**
     * The element codes of positive scaled values, by buckets of float32 bit patterns: magnitudes from
     * 2^lowBinade (a quarter of the smallest element, or less) to twice the saturation point are cut into
     * buckets of 2^bucketBits per binade, each narrower than half an element spacing, so at most one rounding
     * boundary falls in a bucket. Each bucket holds the code below its boundary, the code from it on, and the
     * boundary's bit pattern (positive floats order as their bits). Boundaries are found by bisection with
     * {@link #round} itself, so the table agrees with it bit for bit.
     */
    static final class CodeTable {
        final int[] boundary;
        final int[] below;
        final int[] from;
        final int[] step;

        CodeTable(MxElementFormat format, boolean tiesToEven) {
            int buckets = format.lastBucket + 1;
            int shift = 23 - format.bucketBits;
            boundary = new int[buckets];
            below = new int[buckets];
            from = new int[buckets];
            step = new int[buckets];
            for (int j = 0; j < buckets; j++) {
                int start = (format.firstBucket + j) << shift;
                int end = start + (1 << shift) - 1;
                int low = format.slowCode(start, tiesToEven);
                int high = format.slowCode(end, tiesToEven);
                below[j] = low;
                from[j] = high;
                step[j] = high - low;
                if (low == high) {
                    boundary[j] = Integer.MAX_VALUE;
                    continue;
                }
                int lo = start;
                int hi = end;
                while (lo < hi) {
                    int middle = (lo + hi) >>> 1;
                    if (format.slowCode(middle, tiesToEven) != low) {
                        hi = middle;
                    } else {
                        lo = middle + 1;
                    }
                }
                boundary[j] = lo;
            }
        }
    }

    /** The magnitude code of the positive float with these bits, by {@link #round} and {@link #encode}. */
    private int slowCode(int bits, boolean tiesToEven) {
        return (int) encode(round(Float.intBitsToFloat(bits), tiesToEven));
    }

    CodeTable table(boolean tiesToEven) {
        return tiesToEven ? even : nearest;
    }

    /** Right shift of a float32's magnitude bits that gives its bucket number (before subtracting the first). */
    int bucketShift() {
        return 23 - bucketBits;
    }

    int firstBucket() {
        return firstBucket;
    }

    int lastBucket() {
        return lastBucket;
    }

    /** True for the signed int8 element, whose code carries the value's sign as a float sign. */
    boolean signedCode() {
        return format == null;
    }

    /** The bit position of the sign in an FP element's code. */
    int signShift() {
        return format == null ? 0 : format.width() - 1;
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
