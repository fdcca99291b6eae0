package dev.mrfi.nn;

/**
 * The matrix product behind {@link Conv2d} and {@link Linear}: {@code C += A·B} with A row-major in one
 * array and the rows of B and C as separate arrays.
 *
 * <p>Why rows as separate arrays: HotSpot 17's loop vectorizer only vectorizes a loop whose loads and
 * stores all use the same index expression; {@code c[cOff + j] += a * b[bOff + j]} stays scalar, while
 * {@code c[j] += a * b[j]} runs on SIMD registers, several times faster. The product works on blocks of
 * {@value #COLUMN_BLOCK} columns so the rows of C being updated stay in the L1 cache, and updates four
 * rows of C (two or one for the last rows) per row of B it loads.
 */
final class MatrixMultiply {

    static final int COLUMN_BLOCK = 256;

    private MatrixMultiply() {
    }

    /**
     * Adds {@code sum over p < k of a[aOffset + i*k + p] * b[p][j]} to {@code c[i][j]} for every
     * {@code i < m}, {@code j < n}.
     *
     * @param a       the left matrix, m×k, row-major from {@code aOffset}
     * @param aOffset where A starts in {@code a}
     * @param m       rows of A and C
     * @param k       columns of A, rows of B
     * @param b       the right matrix, k rows of at least n values
     * @param c       the accumulator, m rows of at least n values
     * @param n       columns of B and C
     */
    static void accumulate(float[] a, int aOffset, int m, int k, float[][] b, float[][] c, int n) {
        for (int from = 0; from < n; from += COLUMN_BLOCK) {
            int to = Math.min(n, from + COLUMN_BLOCK);
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                accumulateFourRows(a, aOffset + i * k, k, b, c[i], c[i + 1], c[i + 2], c[i + 3], from, to);
            }
            if (i + 2 <= m) {
                accumulateTwoRows(a, aOffset + i * k, k, b, c[i], c[i + 1], from, to);
                i += 2;
            }
            for (; i < m; i++) {
                accumulateOneRow(a, aOffset + i * k, k, b, c[i], from, to);
            }
        }
    }

    private static void accumulateFourRows(float[] a, int rowStart, int k, float[][] b,
                                           float[] c0, float[] c1, float[] c2, float[] c3, int from, int to) {
        int p = 0;
        // two rows of B per pass: each c[j] is loaded and stored once for two products, added in the same
        // order as two single passes, so the sums are the same bits
        for (; p + 2 <= k; p += 2) {
            float a0 = a[rowStart + p];
            float a1 = a[rowStart + k + p];
            float a2 = a[rowStart + 2 * k + p];
            float a3 = a[rowStart + 3 * k + p];
            float a0Next = a[rowStart + p + 1];
            float a1Next = a[rowStart + k + p + 1];
            float a2Next = a[rowStart + 2 * k + p + 1];
            float a3Next = a[rowStart + 3 * k + p + 1];
            float[] bRow = b[p];
            float[] bNext = b[p + 1];
            for (int j = from; j < to; j++) {
                float bValue = bRow[j];
                float bNextValue = bNext[j];
                c0[j] = (c0[j] + a0 * bValue) + a0Next * bNextValue;
                c1[j] = (c1[j] + a1 * bValue) + a1Next * bNextValue;
                c2[j] = (c2[j] + a2 * bValue) + a2Next * bNextValue;
                c3[j] = (c3[j] + a3 * bValue) + a3Next * bNextValue;
            }
        }
        for (; p < k; p++) {
            float a0 = a[rowStart + p];
            float a1 = a[rowStart + k + p];
            float a2 = a[rowStart + 2 * k + p];
            float a3 = a[rowStart + 3 * k + p];
            float[] bRow = b[p];
            for (int j = from; j < to; j++) {
                float bValue = bRow[j];
                c0[j] += a0 * bValue;
                c1[j] += a1 * bValue;
                c2[j] += a2 * bValue;
                c3[j] += a3 * bValue;
            }
        }
    }

    private static void accumulateTwoRows(float[] a, int rowStart, int k, float[][] b, float[] c0, float[] c1,
                                          int from, int to) {
        int p = 0;
        for (; p + 2 <= k; p += 2) {
            float a0 = a[rowStart + p];
            float a1 = a[rowStart + k + p];
            float a0Next = a[rowStart + p + 1];
            float a1Next = a[rowStart + k + p + 1];
            float[] bRow = b[p];
            float[] bNext = b[p + 1];
            for (int j = from; j < to; j++) {
                float bValue = bRow[j];
                float bNextValue = bNext[j];
                c0[j] = (c0[j] + a0 * bValue) + a0Next * bNextValue;
                c1[j] = (c1[j] + a1 * bValue) + a1Next * bNextValue;
            }
        }
        for (; p < k; p++) {
            float a0 = a[rowStart + p];
            float a1 = a[rowStart + k + p];
            float[] bRow = b[p];
            for (int j = from; j < to; j++) {
                float bValue = bRow[j];
                c0[j] += a0 * bValue;
                c1[j] += a1 * bValue;
            }
        }
    }

    private static void accumulateOneRow(float[] a, int rowStart, int k, float[][] b, float[] c, int from, int to) {
        for (int p = 0; p < k; p++) {
            float aValue = a[rowStart + p];
            float[] bRow = b[p];
            for (int j = from; j < to; j++) {
                c[j] += aValue * bRow[j];
            }
        }
    }
}
