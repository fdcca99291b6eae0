package dev.mrfi.errormode;

/**
 * An IEEE-754 format whose bit pattern a float error mode faults. A float32 value is converted to the
 * format, its pattern changed, and the result converted back to float32 (rounding to nearest, ties to
 * even). NaN conversions behave as x86 hardware and numpy do: float32 to float64 quiets the NaN and keeps
 * its payload, float64 to float32 quiets it and keeps the payload's top 22 bits, float16 as {@link Half}.
 */
enum FloatFormat {
    /** IEEE-754 binary16: every value is rounded to half precision on the way. */
    FLOAT16("float16", 16) {
        @Override
        long bits(float value) {
            return Half.fromFloat(value);
        }

        @Override
        float value(long bits) {
            return Half.toFloat((int) bits);
        }
    },
    /** IEEE-754 binary32, the values' own format: the pattern is faulted in place. */
    FLOAT32("float32", 32) {
        @Override
        long bits(float value) {
            return Float.floatToRawIntBits(value) & 0xffff_ffffL;
        }

        @Override
        float value(long bits) {
            return Float.intBitsToFloat((int) bits);
        }
    },
    /** IEEE-754 binary64: faults in the low 29 mantissa bits mostly vanish when rounded back. */
    FLOAT64("float64", 64) {
        @Override
        long bits(float value) {
            int raw = Float.floatToRawIntBits(value);
            if ((raw & 0x7fff_ffff) > 0x7f80_0000) {
                long sign = (long) (raw >>> 31) << 63;
                return sign | 0x7ff8_0000_0000_0000L | ((long) (raw & 0x7f_ffff) << 29);
            }
            return Double.doubleToRawLongBits(value);
        }

        @Override
        float value(long bits) {
            if ((bits & 0x7fff_ffff_ffff_ffffL) > 0x7ff0_0000_0000_0000L) {
                int sign = (int) (bits >>> 63) << 31;
                return Float.intBitsToFloat(sign | 0x7fc0_0000 | (int) ((bits & 0xf_ffff_ffff_ffffL) >>> 29));
            }
            return (float) Double.longBitsToDouble(bits);
        }
    };

    private final String configName;
    private final int width;

    FloatFormat(String configName, int width) {
        this.configName = configName;
        this.width = width;
    }

    /**
     * Returns the bit pattern of a float32 value converted to this format.
     *
     * @param value the value
     * @return the pattern in the low {@link #width()} bits
     */
    abstract long bits(float value);

    /**
     * Returns the float32 value of a pattern of this format.
     *
     * @param bits the pattern in the low {@link #width()} bits
     * @return the value rounded to float32
     */
    abstract float value(long bits);

    /** Returns the number of bits of the format. */
    int width() {
        return width;
    }

    /** Returns the name configurations use, for example {@code float16}. */
    String configName() {
        return configName;
    }

    /**
     * Returns the format of a configuration name.
     *
     * @param name one of {@code float16}, {@code float32}, {@code float64}
     * @return the format
     * @throws IllegalArgumentException for any other name
     */
    static FloatFormat named(String name) {
        for (FloatFormat format : values()) {
            if (format.configName.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown float type '" + name + "'");
    }

    @Override
    public String toString() {
        return configName;
    }
}
