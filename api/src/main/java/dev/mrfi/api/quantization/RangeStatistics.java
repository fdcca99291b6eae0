package dev.mrfi.api.quantization;

/**
 * Tensor statistics that quantizations need at run time, computed exactly as the reference does.
 */
public final class RangeStatistics {

    private RangeStatistics() {
    }

    /**
     * Returns the largest absolute value of a range of floats, computed in float32 in one pass. Used
     * for a dynamic range of {@code auto}.
     *
     * @param data   the values
     * @param offset index of the first value
     * @param length number of values
     * @return the maximum of {@code |x|}; NaN if any value is NaN; 0 for an empty range
     */
    public static float maxAbs(float[] data, int offset, int length) {
        float max = 0f;
        for (int i = offset, end = offset + length; i < end; i++) {
            // Math.max returns NaN when either argument is NaN, as torch.max does
            max = Math.max(max, Math.abs(data[i]));
        }
        return max;
    }
}
