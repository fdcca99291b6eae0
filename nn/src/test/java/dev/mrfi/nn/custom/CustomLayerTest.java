package dev.mrfi.nn.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.nn.Layer;
import dev.mrfi.nn.LayerPass;
import dev.mrfi.nn.Linear;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.ReLU;
import dev.mrfi.nn.Sequential;
import dev.mrfi.nn.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Layers written in another package take part in a network exactly like the built-in ones. */
class CustomLayerTest {

    private static final TensorShape FEATURES = TensorShape.of(3);

    /** fc Linear(2, 3) → scale Scale(0.5, -2, -1) → act ReLU → res Residual(body Scale(2, 2, 2)). */
    private static Network network() {
        Linear fc = new Linear(Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2), Tensor.of(new float[] {0, 0, -10}, 3));
        return new Network(Sequential.builder("Net")
                .add("fc", fc)
                .add("scale", new Scale(0.5f, -2f, -1f))
                .add("act", new ReLU())
                .add("res", new Residual(new Scale(2f, 2f, 2f)))
                .build());
    }

    private static Tensor input() {
        return Tensor.of(new float[] {2, 3}, 1, 2);
    }

    @Test
    void describesCustomLayersWithTheirTypeNamesAndWeights() {
        assertThat(network().describe())
                .extracting(ModuleDescriptor::fullName, ModuleDescriptor::typeName, ModuleDescriptor::weights)
                .containsExactly(
                        tuple("", "Net", Map.of()),
                        tuple("fc", "Linear", Map.of("weight", TensorShape.of(3, 2), "bias", FEATURES)),
                        tuple("scale", "Scale", Map.of("factor", FEATURES)),
                        tuple("act", "ReLU", Map.of()),
                        tuple("res", "Residual", Map.of()),
                        tuple("res.body", "Scale", Map.of("factor", FEATURES)));
    }

    @Test
    void callsInputWeightAndOutputHooksOfCustomLayersUnderTheirFullNames() {
        Recording hooks = new Recording();

        network().forward(input(), hooks);

        assertThat(hooks.calls).containsExactly(
                "input  '' [1, 2]",
                "input  'fc' [1, 2]",
                "weight 'fc' weight [3, 2]",
                "weight 'fc' bias [3]",
                "output 'fc' [1, 3] [2.0, 3.0, -5.0]",
                "input  'scale' [1, 3]",
                "weight 'scale' factor [3]",
                "output 'scale' [1, 3] [1.0, -6.0, 5.0]",
                "input  'act' [1, 3]",
                "output 'act' [1, 3] [1.0, 0.0, 5.0]",
                "input  'res' [1, 3]",
                "input  'res.body' [1, 3]",
                "weight 'res.body' factor [3]",
                "output 'res.body' [1, 3] [2.0, 0.0, 10.0]",
                "output 'res' [1, 3] [3.0, 0.0, 15.0]",
                "output '' [1, 3] [3.0, 0.0, 15.0]");
    }

    @Test
    void computesWithTheCustomLayersForwardMath() {
        // fc: [2, 3, 2 + 3 - 10]; scale: [1, -6, 5]; relu: [1, 0, 5]; residual x + 2x: [3, 0, 15]
        assertThat(network().forward(input()).data()).containsExactly(3f, 0f, 15f);
    }

    @Test
    void computesWithTheWeightsTheHookReturns() {
        Recording faulty = new Recording() {
            @Override
            public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
                super.onWeight(module, weightName, clean, shape);
                if (!module.equals("scale")) {
                    return clean;
                }
                float[] flipped = clean.clone();
                flipped[1] = -flipped[1];
                return flipped;
            }
        };

        // scale now uses [0.5, 2, -1]: [1, 6, 5]; relu keeps it; residual triples it
        assertThat(network().forward(input(), faulty).data()).containsExactly(3f, 18f, 15f);
    }

    @Test
    void passesTheCustomLayersOutputThroughItsOutputHook() {
        ForwardHooks overwrite = new Recording() {
            @Override
            public void onOutput(String module, float[] data, TensorShape shape) {
                if (module.equals("scale")) {
                    data[1] = 4f;
                }
            }
        };

        assertThat(network().forward(input(), overwrite).data()).containsExactly(3f, 12f, 15f);
    }

    @Test
    void rejectsALayerThatComputesWithoutFetchingADeclaredWeight() {
        Layer unhooked = new DeclaresFactor() {
            @Override
            protected Tensor compute(Tensor input, LayerPass pass) {
                return input.copy();
            }
        };
        Network network = new Network(Sequential.indexed(unhooked));

        assertThatThrownBy(() -> network.forward(Tensor.of(new float[3], 1, 3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("module '0' (Offender) did not fetch weight 'factor' through LayerPass.weight, so its hooks"
                        + " were not called; declared: [factor]");
    }

    @Test
    void rejectsALayerThatFetchesAWeightItDoesNotDeclare() {
        Layer undeclared = new Layer() {
            @Override
            public String typeName() {
                return "Sneaky";
            }

            @Override
            public TensorShape outputShape(TensorShape input) {
                return input;
            }

            @Override
            protected Tensor compute(Tensor input, LayerPass pass) {
                pass.weight("hidden", new float[] {1f});
                return input.copy();
            }
        };
        Network network = new Network(Sequential.indexed(new ReLU(), undeclared));

        assertThatThrownBy(() -> network.forward(Tensor.of(new float[3], 1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("module '1' (Sneaky) asks for weight 'hidden', which it does not declare; declared: []");
    }

    @Test
    void rejectsAWeightArrayThatDoesNotFitTheDeclaredShape() {
        Layer misfit = new DeclaresFactor() {
            @Override
            protected Tensor compute(Tensor input, LayerPass pass) {
                pass.weight("factor", new float[2]);
                return input.copy();
            }
        };
        Network network = new Network(Sequential.indexed(misfit));

        assertThatThrownBy(() -> network.forward(Tensor.of(new float[3], 1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("module '0' (Offender) passes 2 values for weight 'factor', declared with shape [3], which"
                        + " needs 3");
    }

    @Test
    void namesTheCustomLayerWhenItRejectsAnInputShape() {
        Network network = network();

        assertThatThrownBy(() -> network.forward(Tensor.of(new float[3], 1, 3)))
                .hasMessage("module 'fc' (Linear): expects input of shape [..., 2], got [1, 3]");
        assertThatThrownBy(() -> new Network(Sequential.indexed(new Scale(1f, 1f))).outputShape(TensorShape.of(1, 3)))
                .hasMessage("module '0' (Scale): expects input of shape [..., 2], got [1, 3]");
    }

    /** A layer declaring one weight, {@code factor} [3], whose compute breaks the contract in some way. */
    private abstract static class DeclaresFactor extends Layer {

        @Override
        public String typeName() {
            return "Offender";
        }

        @Override
        public Map<String, TensorShape> weightShapes() {
            return Map.of("factor", FEATURES);
        }

        @Override
        public TensorShape outputShape(TensorShape input) {
            return input;
        }
    }

    /** Records every hook call as a line; output lines carry the values. */
    private static class Recording implements ForwardHooks {

        final List<String> calls = new ArrayList<>();

        @Override
        public void onInput(String module, float[] data, TensorShape shape) {
            calls.add("input  '" + module + "' " + shape);
        }

        @Override
        public void onOutput(String module, float[] data, TensorShape shape) {
            calls.add("output '" + module + "' " + shape + " " + Arrays.toString(data));
        }

        @Override
        public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
            calls.add("weight '" + module + "' " + weightName + " " + shape);
            return clean;
        }
    }
}
