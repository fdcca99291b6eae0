package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mrfi.api.TensorShape;
import org.junit.jupiter.api.Test;

class LinearTest {

    @Test
    void multipliesEachRowByTheTransposedWeightAndAddsTheBias() {
        Linear linear = new Linear(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), Tensor.of(new float[] {0.5f, -1}, 2));

        Tensor output = new Network(linear).forward(Tensor.of(new float[] {1, 0, -1, 2, 1, 0}, 2, 3));

        assertThat(output.shape()).isEqualTo(TensorShape.of(2, 2));
        assertThat(output.data()).containsExactly(-1.5f, -3f, 4.5f, 12f);
    }

    @Test
    void matchesDirectProductForOddSizesAndLargeBatches() {
        int[][] cases = {{1, 1, 1}, {3, 7, 5}, {37, 400, 120}, {300, 84, 10}, {513, 9, 6}};
        long seed = 10;
        for (int[] c : cases) {
            float[] x = Reference.random(c[0] * c[1], seed++);
            float[] weight = Reference.random(c[2] * c[1], seed++);
            float[] bias = Reference.random(c[2], seed++);
            Linear linear = new Linear(Tensor.of(weight, c[2], c[1]), Tensor.of(bias, c[2]));

            Tensor output = new Network(linear).forward(Tensor.of(x, c[0], c[1]));

            assertThat(output.data()).as("case %s", java.util.Arrays.toString(c))
                    .containsExactly(Reference.linear(x, c[0], c[1], weight, c[2], bias), within(1e-4f));
        }
    }

    @Test
    void appliesToTheLastDimensionOfHigherRankInput() {
        Linear linear = new Linear(Tensor.of(new float[] {1, 1}, 1, 2), null);

        Tensor output = new Network(linear).forward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2));

        assertThat(output.shape()).isEqualTo(TensorShape.of(2, 2, 1));
        assertThat(output.data()).containsExactly(3, 7, 11, 15);
    }

    @Test
    void rejectsInputWithWrongFeatureCount() {
        Linear linear = new Linear(Tensor.zeros(TensorShape.of(3, 4)), null);

        assertThatThrownBy(() -> linear.outputShape(TensorShape.of(2, 5)))
                .hasMessage("expects input of shape [..., 4], got [2, 5]");
    }
}
