package dev.mrfi.api.config;

/**
 * A quantization range: either a fixed positive number or {@code auto}, the largest absolute value of
 * each tensor at run time.
 *
 * @param auto  true for a run-time range
 * @param value the fixed range; ignored (0) when {@code auto}
 *
 * @since 0.1
 */
public record DynamicRange(boolean auto, double value) {

    /** The run-time range. */
    public static final DynamicRange AUTO = new DynamicRange(true, 0.0);

    /**
     * Returns a fixed range.
     *
     * @param value the range
     * @return the range
     */
    public static DynamicRange of(double value) {
        return new DynamicRange(false, value);
    }

    @Override
    public String toString() {
        return auto ? "auto" : Double.toString(value);
    }
}
