package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MatrixMultiplyTest {

    @Test
    void accumulatesTheProductForEveryRowRemainderAndColumnBlock() {
        int[][] sizes = {{1, 1, 1}, {4, 3, 2}, {5, 7, 9}, {7, 300, 13}, {16, 100, 150}, {9, 600, 3}};
        long seed = 100;
        for (int[] size : sizes) {
            int m = size[0];
            int n = size[1];
            int k = size[2];
            float[] a = Reference.random(3 + m * k, seed++);
            float[][] b = new float[k][];
            for (int p = 0; p < k; p++) {
                b[p] = Reference.random(n, seed++);
            }
            float[][] c = new float[m][];
            for (int i = 0; i < m; i++) {
                c[i] = Reference.random(n, seed++);
            }
            float[][] expected = new float[m][n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = c[i][j];
                    for (int p = 0; p < k; p++) {
                        sum += (double) a[3 + i * k + p] * b[p][j];
                    }
                    expected[i][j] = (float) sum;
                }
            }

            MatrixMultiply.accumulate(a, 3, m, k, b, c, n);

            for (int i = 0; i < m; i++) {
                assertThat(c[i]).as("m=%d n=%d k=%d row %d", m, n, k, i).containsExactly(expected[i], within(1e-4f));
            }
        }
    }

    /**
     * The kernels that take two rows of B per pass add in the same order as one product at a time, so a
     * network's outputs do not change with the blocking: float32 bits equal to the plain loop, for every
     * row remainder (m mod 4) and both parities of the inner dimension k.
     */
    @Test
    void equalsThePlainFloat32LoopBitForBit() {
        long seed = 500;
        for (int m = 1; m <= 9; m++) {
            for (int k : new int[] {1, 2, 3, 8, 25, 150}) {
                int n = 37 + 300 * (m % 2);
                float[] a = Reference.random(m * k, seed++);
                float[][] b = new float[k][];
                for (int p = 0; p < k; p++) {
                    b[p] = Reference.random(n, seed++);
                }
                float[][] c = new float[m][];
                float[][] expected = new float[m][];
                for (int i = 0; i < m; i++) {
                    c[i] = Reference.random(n, seed++);
                    expected[i] = c[i].clone();
                    for (int p = 0; p < k; p++) {
                        for (int j = 0; j < n; j++) {
                            expected[i][j] += a[i * k + p] * b[p][j];
                        }
                    }
                }

                MatrixMultiply.accumulate(a, 0, m, k, b, c, n);

                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        assertThat(Float.floatToIntBits(c[i][j])).as("m=%d k=%d row %d column %d", m, k, i, j)
                                .isEqualTo(Float.floatToIntBits(expected[i][j]));
                    }
                }
            }
        }
    }
}
