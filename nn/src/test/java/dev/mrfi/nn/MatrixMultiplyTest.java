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
}
