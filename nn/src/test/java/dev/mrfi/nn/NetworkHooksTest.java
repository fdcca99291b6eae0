package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkHooksTest {

    private static final float[] CONV_WEIGHT = {1, -1, 0.5f, 2};
    private static final float[] CONV_BIAS = {0.25f};
    private static final float[] FC_WEIGHT = {1, 2, 3, 4, -1, -2, -3, -4};
    private static final float[] FC_BIAS = {10, 20};

    /** conv [1,1,2,2] → relu → head (Sequential: 0 Flatten, 1 Linear(4, 2)), for input [N, 1, 3, 3]. */
    private static Network tinyNetwork() {
        Sequential head = Sequential.indexed(new Flatten(), new Linear(Tensor.of(FC_WEIGHT, 2, 4), Tensor.of(FC_BIAS, 2)));
        return new Network(Sequential.builder("Tiny")
                .add("conv", new Conv2d(Tensor.of(CONV_WEIGHT, 1, 1, 2, 2), Tensor.of(CONV_BIAS, 1), 1, 0))
                .add("relu", new ReLU())
                .add("head", head)
                .build());
    }

    private static Tensor input() {
        return Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -2, -3, -4, -5, -6, -7, -8, -9}, 2, 1, 3, 3);
    }

    @Test
    void describesEveryModuleRootFirstWithFullNamesTypesAndWeights() {
        assertThat(tinyNetwork().describe())
                .extracting(ModuleDescriptor::fullName, ModuleDescriptor::typeName, ModuleDescriptor::weights)
                .containsExactly(
                        tuple("", "Tiny", Map.of()),
                        tuple("conv", "Conv2d", Map.of("weight", TensorShape.of(1, 1, 2, 2), "bias", TensorShape.of(1))),
                        tuple("relu", "ReLU", Map.of()),
                        tuple("head", "Sequential", Map.of()),
                        tuple("head.0", "Flatten", Map.of()),
                        tuple("head.1", "Linear", Map.of("weight", TensorShape.of(2, 4), "bias", TensorShape.of(2))));
    }

    @Test
    void callsHooksInExecutionOrderWithFullNamesAndShapes() {
        RecordingHooks hooks = new RecordingHooks();

        tinyNetwork().forward(input(), hooks);

        assertThat(hooks.calls).containsExactly(
                "input  '' [2, 1, 3, 3]",
                "input  'conv' [2, 1, 3, 3]",
                "weight 'conv' weight [1, 1, 2, 2]",
                "weight 'conv' bias [1]",
                "output 'conv' [2, 1, 2, 2]",
                "input  'relu' [2, 1, 2, 2]",
                "output 'relu' [2, 1, 2, 2]",
                "input  'head' [2, 1, 2, 2]",
                "input  'head.0' [2, 1, 2, 2]",
                "output 'head.0' [2, 4]",
                "input  'head.1' [2, 4]",
                "weight 'head.1' weight [2, 4]",
                "weight 'head.1' bias [2]",
                "output 'head.1' [2, 2]",
                "output 'head' [2, 2]",
                "output '' [2, 2]");
    }

    @Test
    void computesWithTheWeightsTheHookReturns() {
        Network network = tinyNetwork();
        ForwardHooks zeroFcWeight = new RecordingHooks() {
            @Override
            public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
                return module.equals("head.1") && weightName.equals("weight") ? new float[clean.length] : clean;
            }
        };

        Tensor output = network.forward(input(), zeroFcWeight);

        assertThat(output.data()).containsExactly(10, 20, 10, 20);
        assertThat(network.forward(input()).data()).isNotEqualTo(output.data());
    }

    @Test
    void neverModifiesTheCleanWeightsAndFaultsDoNotCarryOverToTheNextPass() {
        Network network = tinyNetwork();
        Tensor plain = network.forward(input());
        Map<float[], float[]> snapshots = new IdentityHashMap<>();
        ForwardHooks faulty = new RecordingHooks() {
            @Override
            public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
                snapshots.put(clean, clean.clone());
                float[] copy = clean.clone();
                copy[0] = -copy[0] * 100;
                return copy;
            }
        };

        Tensor faulted = network.forward(input(), faulty);
        network.forward(input(), faulty);

        assertThat(faulted).isNotEqualTo(plain);
        assertThat(snapshots).hasSize(4);
        snapshots.forEach((clean, before) -> assertThat(clean).containsExactly(before));
        assertThat(network.forward(input())).isEqualTo(plain);
    }

    @Test
    void neverModifiesTheCallersInputEvenWhenHooksChangeActivations() {
        float[] values = input().data();
        float[] before = values.clone();
        ForwardHooks zeroing = new RecordingHooks() {
            @Override
            public void onInput(String module, float[] data, TensorShape shape) {
                Arrays.fill(data, 0f);
            }
        };

        Tensor output = tinyNetwork().forward(values, TensorShape.of(2, 1, 3, 3), zeroing);

        assertThat(values).containsExactly(before);
        assertThat(output.data()).containsExactly(10, 20, 10, 20);
    }

    @Test
    void changesMadeByAnOutputHookReachTheNextModule() {
        ForwardHooks negateConv = new RecordingHooks() {
            @Override
            public void onOutput(String module, float[] data, TensorShape shape) {
                if (module.equals("conv")) {
                    Arrays.fill(data, -1f);
                }
            }
        };

        Tensor output = tinyNetwork().forward(input(), negateConv);

        // relu zeroes the whole activation, so only the bias is left
        assertThat(output.data()).containsExactly(10, 20, 10, 20);
    }

    @Test
    void rejectsAWeightHookAnswerOfTheWrongLength() {
        ForwardHooks broken = new RecordingHooks() {
            @Override
            public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
                return new float[1];
            }
        };

        assertThatThrownBy(() -> tinyNetwork().forward(input(), broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the weight hook returned 1 values for 'conv' weight of shape [1, 1, 2, 2], which needs 4");
    }

    @Test
    void checksShapesBeforeCallingAnyHook() {
        RecordingHooks hooks = new RecordingHooks();

        assertThatThrownBy(() -> tinyNetwork().forward(Tensor.zeros(TensorShape.of(2, 1, 3, 4)), hooks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("module 'head.1' (Linear): expects input of shape [..., 4], got [2, 6]");
        assertThat(hooks.calls).isEmpty();
    }

    @Test
    void rejectsAnInputArrayThatDoesNotMatchItsShape() {
        assertThatThrownBy(() -> tinyNetwork().forward(new float[5], TensorShape.of(2, 1, 3, 3), ForwardHooks.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input has 5 values but shape [2, 1, 3, 3] needs 18");
    }

    @Test
    void reportsTheOutputShape() {
        assertThat(tinyNetwork().outputShape(TensorShape.of(7, 1, 3, 3))).isEqualTo(TensorShape.of(7, 2));
    }
}
