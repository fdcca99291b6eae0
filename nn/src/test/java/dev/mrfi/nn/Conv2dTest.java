package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import org.junit.jupiter.api.Test;

class Conv2dTest {

    private static Tensor run(Layer layer, Tensor input) {
        return new Network(layer).forward(input, ForwardHooks.NONE);
    }

    @Test
    void convolvesOneChannelWithoutPadding() {
        Conv2d conv = new Conv2d(Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2), Tensor.of(new float[] {1}, 1), 1, 0);
        Tensor input = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);

        Tensor output = run(conv, input);

        // (0,0): 1·1 + 2·2 + 3·4 + 4·5 = 37, (0,1): 47, (1,0): 67, (1,1): 77; plus bias 1
        assertThat(output.shape()).isEqualTo(TensorShape.of(1, 1, 2, 2));
        assertThat(output.data()).containsExactly(38, 48, 68, 78);
    }

    @Test
    void treatsPaddingAsZeros() {
        float[] kernel = {0, 0, 0, 0, 1, 2, 0, 3, 0};
        Conv2d conv = new Conv2d(Tensor.of(kernel, 1, 1, 3, 3), null, 1, 1);

        Tensor output = run(conv, Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2));

        // out(y,x) = x(y,x) + 2·x(y,x+1) + 3·x(y+1,x), zero outside the image
        assertThat(output.data()).containsExactly(14, 14, 11, 4);
    }

    @Test
    void stepsByTheStride() {
        float[] input = new float[16];
        for (int i = 0; i < 16; i++) {
            input[i] = i;
        }
        Conv2d conv = new Conv2d(Tensor.of(new float[] {2}, 1, 1, 1, 1), null, 2, 0);

        Tensor output = run(conv, Tensor.of(input, 1, 1, 4, 4));

        assertThat(output.shape()).isEqualTo(TensorShape.of(1, 1, 2, 2));
        assertThat(output.data()).containsExactly(0, 4, 16, 20);
    }

    @Test
    void matchesDirectConvolutionForBatchesChannelsStridesAndPadding() {
        int[][] cases = {
            // n, c, h, w, o, kh, kw, strideH, strideW, padH, padW
            {3, 2, 9, 7, 5, 3, 3, 1, 1, 1, 1},
            {2, 3, 10, 11, 6, 3, 2, 2, 1, 0, 2},
            {1, 1, 28, 28, 6, 5, 5, 1, 1, 2, 2},
            {2, 6, 14, 14, 16, 5, 5, 1, 1, 0, 0},
            {2, 4, 5, 5, 7, 5, 5, 3, 2, 4, 3},
            {1, 2, 3, 3, 3, 1, 1, 1, 1, 3, 0},
        };
        long seed = 1;
        for (int[] c : cases) {
            float[] x = Reference.random(c[0] * c[1] * c[2] * c[3], seed++);
            float[] weight = Reference.random(c[4] * c[1] * c[5] * c[6], seed++);
            float[] bias = seed % 2 == 0 ? null : Reference.random(c[4], seed);
            Conv2d conv = new Conv2d(Tensor.of(weight, c[4], c[1], c[5], c[6]),
                    bias == null ? null : Tensor.of(bias, c[4]), c[7], c[8], c[9], c[10]);

            Tensor output = run(conv, Tensor.of(x, c[0], c[1], c[2], c[3]));

            float[] expected = Reference.conv2d(x, c[0], c[1], c[2], c[3], weight, c[4], c[5], c[6], bias, c[7], c[8],
                    c[9], c[10]);
            assertThat(output.data()).as("case %s", java.util.Arrays.toString(c)).containsExactly(expected, within(1e-4f));
        }
    }

    /**
     * Both ways of unfolding (one copy per kernel tap for stride 1, the padding written out first; one per
     * output row otherwise) give each output as the float32 sum bias + w·x in weight order, bit for bit.
     */
    @Test
    void everyOutputIsTheFloat32SumInWeightOrderWhateverTheUnfolding() {
        int[][] cases = {
            // n, c, h, w, o, kh, kw, strideH, strideW, padH, padW
            {3, 1, 28, 28, 6, 5, 5, 1, 1, 0, 0},
            {5, 6, 12, 12, 16, 5, 5, 1, 1, 0, 0},
            {2, 3, 7, 9, 4, 7, 3, 1, 1, 0, 0},
            {1, 2, 6, 5, 3, 1, 1, 1, 1, 0, 0},
            {2, 3, 10, 11, 6, 3, 2, 2, 1, 0, 2},
            {1, 2, 9, 7, 5, 3, 3, 1, 1, 1, 1},
            {3, 1, 28, 28, 6, 5, 5, 1, 1, 2, 2},
            {2, 2, 5, 6, 3, 3, 3, 1, 1, 0, 2},
            {1, 3, 4, 4, 2, 5, 5, 1, 1, 3, 1},
        };
        long seed = 40;
        for (int[] c : cases) {
            float[] x = Reference.random(c[0] * c[1] * c[2] * c[3], seed++);
            float[] weight = Reference.random(c[4] * c[1] * c[5] * c[6], seed++);
            float[] bias = Reference.random(c[4], seed++);
            Conv2d conv = new Conv2d(Tensor.of(weight, c[4], c[1], c[5], c[6]), Tensor.of(bias, c[4]), c[7], c[8],
                    c[9], c[10]);

            Tensor output = run(conv, Tensor.of(x, c[0], c[1], c[2], c[3]));

            float[] expected = Reference.conv2dInWeightOrder(x, c[0], c[1], c[2], c[3], weight, c[4], c[5], c[6], bias,
                    c[7], c[8], c[9], c[10]);
            assertThat(bits(output.data())).as("case %s", java.util.Arrays.toString(c)).containsExactly(bits(expected));
        }
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToIntBits(values[i]);
        }
        return bits;
    }

    @Test
    void describesWeightAndOptionalBias() {
        Conv2d withBias = new Conv2d(Tensor.zeros(TensorShape.of(4, 3, 2, 2)), Tensor.zeros(TensorShape.of(4)), 1, 0);
        Conv2d withoutBias = new Conv2d(Tensor.zeros(TensorShape.of(4, 3, 2, 2)), null, 1, 0);

        assertThat(withBias.weightShapes()).containsExactly(
                java.util.Map.entry("weight", TensorShape.of(4, 3, 2, 2)), java.util.Map.entry("bias", TensorShape.of(4)));
        assertThat(withoutBias.weightShapes()).containsOnlyKeys("weight");
        assertThat(withBias.typeName()).isEqualTo("Conv2d");
    }

    @Test
    void rejectsInputWithWrongChannelCountNamingTheModule() {
        Conv2d conv = new Conv2d(Tensor.zeros(TensorShape.of(4, 3, 2, 2)), null, 1, 0);
        Network network = new Network(Sequential.builder("Net").add("conv", conv).build());

        assertThatThrownBy(() -> network.forward(Tensor.zeros(TensorShape.of(1, 2, 5, 5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("module 'conv' (Conv2d): expects input of shape [N, 3, H, W], got [1, 2, 5, 5]");
    }

    @Test
    void rejectsInputSmallerThanTheKernel() {
        Conv2d conv = new Conv2d(Tensor.zeros(TensorShape.of(1, 1, 5, 5)), null, 1, 1);

        assertThatThrownBy(() -> conv.outputShape(TensorShape.of(1, 1, 2, 2)))
                .hasMessageContaining("smaller than the 5x5 kernel with padding (1, 1)");
    }

    @Test
    void rejectsBiasOfWrongShape() {
        assertThatThrownBy(() -> new Conv2d(Tensor.zeros(TensorShape.of(4, 3, 2, 2)), Tensor.zeros(TensorShape.of(3)), 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Conv2d bias must have shape [4], got [3]");
    }
}
