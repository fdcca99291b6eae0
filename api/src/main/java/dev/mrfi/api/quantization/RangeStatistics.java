package dev.mrfi.api.quantization;

/**
 * Tensor statistics that quantizations need at run time, computed exactly as the reference does.
 *
 * @since 0.1
 */
public final class RangeStatistics {

    /**
     * HotSpot 17 vectorizes a {@code Math.max} reduction but folds the vector into one value on every
     * iteration, which costs more than the loads; each outer step here first takes the lane-wise maximum of
     * four slices this far apart, so one fold is paid per four vectors. {@code Math.max} is associative and
     * commutative (NaN wins, {@code abs} removes -0.0), so the order does not change the result.
     */
    private static final int SLICE = 1024;

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
        int i = offset;
        int end = offset + length;
        for (; end - i >= 4 * SLICE; i += 4 * SLICE) {
            float block = 0f;
            for (int j = i, stop = i + SLICE; j < stop; j++) {
                block = Math.max(block, Math.max(Math.max(Math.abs(data[j]), Math.abs(data[j + SLICE])),
                        Math.max(Math.abs(data[j + 2 * SLICE]), Math.abs(data[j + 3 * SLICE]))));
            }
            max = Math.max(max, block);
        }
        for (; i < end; i++) {
            max = Math.max(max, Math.abs(data[i]));
        }
        return max;
    }
}
