package dev.mrfi.api.quantization;

/**
 * Tensor statistics that quantizations need at run time, computed exactly as the reference does.
 *
 * @since 0.1
 */
public final class RangeStatistics {

    /**
     * HotSpot 17 vectorizes a {@code Math.max} reduction but folds the vector into one value on every
     * iteration, which costs more than the loads; each inner step here first takes the lane-wise maximum of
     * four slices, so one fold is paid per four vectors. Slices 64 KiB apart also keep four memory streams
     * in flight, which one sequential stream does not on one core: on a tensor larger than the caches the
     * pass reads about 1.6 times as fast as with 4 KiB slices (docs/performance.md). Tensors too short for
     * the wide slices take the narrow ones. {@code Math.max} is associative and commutative (NaN wins,
     * {@code abs} removes -0.0), so the order does not change the result.
     */
    private static final int WIDE_SLICE = 16_384;
    private static final int NARROW_SLICE = 1024;

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
        int end = offset + length;
        int wideEnd = offset + (length / (4 * WIDE_SLICE)) * (4 * WIDE_SLICE);
        int narrowEnd = wideEnd + ((end - wideEnd) / (4 * NARROW_SLICE)) * (4 * NARROW_SLICE);
        float max = Math.max(slicedMaxAbs(data, offset, wideEnd, WIDE_SLICE),
                slicedMaxAbs(data, wideEnd, narrowEnd, NARROW_SLICE));
        for (int i = narrowEnd; i < end; i++) {
            max = Math.max(max, Math.abs(data[i]));
        }
        return max;
    }

    /** The maximum of {@code |x|} over {@code [from, to)}, a whole number of groups of four slices. */
    private static float slicedMaxAbs(float[] data, int from, int to, int slice) {
        float max = 0f;
        for (int i = from; i < to; i += 4 * slice) {
            float group = 0f;
            for (int j = i, stop = i + slice; j < stop; j++) {
                group = Math.max(group, Math.max(Math.max(Math.abs(data[j]), Math.abs(data[j + slice])),
                        Math.max(Math.abs(data[j + 2 * slice]), Math.abs(data[j + 3 * slice]))));
            }
            max = Math.max(max, group);
        }
        return max;
    }
}
