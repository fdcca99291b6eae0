package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementwiseAndPoolingTest {

    private static final float NAN = Float.NaN;

    private static Tensor run(Layer layer, Tensor input) {
        return new Network(layer).forward(input);
    }

    @Test
    void maxPoolTakesTheLargestValueOfEachWindow() {
        float[] input = {
            1, 2, 5, 0,
            3, 4, -1, -2,
            -9, -8, 7, 7,
            -7, -6, 7, 8,
        };

        Tensor output = run(new MaxPool2d(2), Tensor.of(input, 1, 1, 4, 4));

        assertThat(output.shape()).isEqualTo(TensorShape.of(1, 1, 2, 2));
        assertThat(output.data()).containsExactly(4, 5, -6, 8);
    }

    @Test
    void maxPoolWithSmallerStrideOverlapsWindowsAndDropsTheRemainder() {
        float[] input = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

        Tensor output = run(new MaxPool2d(2, 1), Tensor.of(input, 1, 1, 3, 4));

        assertThat(output.shape()).isEqualTo(TensorShape.of(1, 1, 2, 3));
        assertThat(output.data()).containsExactly(6, 7, 8, 10, 11, 12);
        assertThat(new MaxPool2d(2).outputShape(TensorShape.of(2, 3, 5, 7))).isEqualTo(TensorShape.of(2, 3, 2, 3));
    }

    @Test
    void maxPoolPropagatesNanLikePyTorch() {
        float[] input = {1, NAN, 2, 3, 4, 5, 6, 7};

        Tensor output = run(new MaxPool2d(2), Tensor.of(input, 1, 2, 2, 2));

        assertThat(output.data()[0]).isNaN();
        assertThat(output.data()[1]).isEqualTo(7);
    }

    @Test
    void maxPoolEqualsTheWindowMaximumForEveryKernelStrideAndSpecialValue() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        float[] specials = {NAN, -0f, 0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        int[][] windows = {{2, 2}, {2, 1}, {3, 2}, {3, 3}, {1, 1}};
        for (int[] window : windows) {
            int kernel = window[0];
            int stride = window[1];
            int height = 7 + random.nextInt(6);
            int width = 7 + random.nextInt(6);
            float[] input = new float[2 * 3 * height * width];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextInt(10) == 0 ? specials[random.nextInt(specials.length)]
                        : (float) random.nextGaussian();
            }
            Tensor output = run(new MaxPool2d(kernel, stride), Tensor.of(input, 2, 3, height, width));
            int outH = (height - kernel) / stride + 1;
            int outW = (width - kernel) / stride + 1;
            for (int plane = 0; plane < 6; plane++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        float expected = Float.NEGATIVE_INFINITY;
                        boolean nan = false;
                        for (int ky = 0; ky < kernel; ky++) {
                            for (int kx = 0; kx < kernel; kx++) {
                                float v = input[plane * height * width + (oy * stride + ky) * width + ox * stride + kx];
                                nan |= Float.isNaN(v);
                                // +0.0 is larger than -0.0 here, as for Math.max
                                if (Float.compare(v, expected) > 0) {
                                    expected = v;
                                }
                            }
                        }
                        float actual = output.data()[(plane * outH + oy) * outW + ox];
                        assertThat(Float.floatToIntBits(actual)).as("kernel %d stride %d at %d,%d,%d", kernel, stride,
                                plane, oy, ox).isEqualTo(Float.floatToIntBits(nan ? NAN : expected));
                    }
                }
            }
        }
    }

    @Test
    void avgPoolAveragesEachWindowPerChannel() {
        float[] input = {1, 2, 3, 4, 10, 20, 30, 41};

        Tensor output = run(new AvgPool2d(2), Tensor.of(input, 1, 2, 2, 2));

        assertThat(output.shape()).isEqualTo(TensorShape.of(1, 2, 1, 1));
        assertThat(output.data()).containsExactly(2.5f, 25.25f);
    }

    @Test
    void reluZeroesNegativesAndKeepsNan() {
        Tensor output = run(new ReLU(), Tensor.of(new float[] {-1, 0, 2.5f, NAN, Float.NEGATIVE_INFINITY}, 5));

        assertThat(output.data()).containsExactly(0, 0, 2.5f, NAN, 0);
    }

    @Test
    void reluWritesANewArraySoThePreviousOutputStaysAsItsHookSawIt() {
        List<float[]> outputs = new ArrayList<>();
        ForwardHooks recorder = new RecordingHooks() {
            @Override
            public void onOutput(String module, float[] data, TensorShape shape) {
                outputs.add(data);
            }
        };
        Sequential net = Sequential.indexed(new Linear(Tensor.of(new float[] {-1}, 1, 1), null), new ReLU());

        new Network(net).forward(Tensor.of(new float[] {3}, 1, 1), recorder);

        assertThat(outputs.get(0)).containsExactly(-3);
        assertThat(outputs.get(1)).containsExactly(0);
    }

    @Test
    void flattenKeepsTheBatchAndSharesTheArrayLikeAView() {
        float[] input = {1, 2, 3, 4, 5, 6, 7, 8};
        List<float[]> seen = new ArrayList<>();
        ForwardHooks recorder = new RecordingHooks() {
            @Override
            public void onInput(String module, float[] data, TensorShape shape) {
                seen.add(data);
            }

            @Override
            public void onOutput(String module, float[] data, TensorShape shape) {
                seen.add(data);
            }
        };

        Tensor output = new Network(new Flatten()).forward(Tensor.of(input, 2, 2, 1, 2), recorder);

        assertThat(output.shape()).isEqualTo(TensorShape.of(2, 4));
        assertThat(output.data()).containsExactly(input);
        assertThat(seen.get(1)).isSameAs(seen.get(0));
    }

    @Test
    void poolingRejectsInputSmallerThanTheWindow() {
        assertThatThrownBy(() -> new MaxPool2d(3).outputShape(TensorShape.of(1, 1, 2, 5)))
                .hasMessage("input of shape [1, 1, 2, 5] is smaller than the 3x3 window");
        assertThatThrownBy(() -> new AvgPool2d(2).outputShape(TensorShape.of(4, 4)))
                .hasMessage("expects input of shape [N, C, H, W], got [4, 4]");
    }
}
