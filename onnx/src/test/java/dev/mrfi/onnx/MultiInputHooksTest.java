package dev.mrfi.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.HookPoint;
import dev.mrfi.api.host.SelectiveHooks;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.nn.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ONNX host numbers the inputs of multi-input nodes: the residual {@code Add} of the shipped ResNet
 * offers its two addends as input 0 and input 1, observers with {@code index: 0} and {@code index: 1} see
 * them apart, and hooks that do not ask for further inputs see the model exactly as before.
 */
class MultiInputHooksTest {

    private static final Dataset DATA = TestData.first(20);
    private static final String ADD = "layer2.0";
    private static OnnxModel resnet;

    @BeforeAll
    static void load() {
        resnet = OnnxModel.resnetFashionMnist();
    }

    @AfterAll
    static void close() {
        resnet.close();
    }

    /** Copies every input of the Add it is offered, by input number, and may scale input 1. */
    static final class AddInputs implements SelectiveHooks {
        final Map<Integer, List<float[]>> seen = new HashMap<>();
        final float scaleSecond;

        AddInputs(float scaleSecond) {
            this.scaleSecond = scaleSecond;
        }

        @Override
        public boolean actsOn(HookPoint point) {
            return point.equals(HookPoint.input(ADD));
        }

        @Override
        public boolean actsOnInput(String module, int input) {
            return module.equals(ADD) && input <= 1;
        }

        @Override
        public void onInput(String module, float[] data, TensorShape shape) {
            onInput(module, 0, data, shape);
        }

        @Override
        public void onInput(String module, int input, float[] data, TensorShape shape) {
            seen.computeIfAbsent(input, k -> new ArrayList<>()).add(Arrays.copyOf(data, shape.size()));
            if (input == 1) {
                for (int i = 0; i < shape.size(); i++) {
                    data[i] *= scaleSecond;
                }
            }
        }

        @Override
        public void onOutput(String module, float[] data, TensorShape shape) {
        }

        @Override
        public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
            return clean;
        }
    }

    @Test
    void theResidualAddOffersBothAddendsAsInputZeroAndOne() {
        float[] plain = TestData.logits(resnet, DATA, ForwardHooks.NONE);
        AddInputs watching = new AddInputs(1f);
        float[] watched = TestData.logits(resnet, DATA, watching);

        assertThat(watched).as("watching changes no bit").isEqualTo(plain);
        assertThat(watching.seen.keySet()).containsExactlyInAnyOrder(0, 1);
        float[] first = watching.seen.get(0).get(0);
        float[] second = watching.seen.get(1).get(0);
        assertThat(first).hasSameSizeAs(second);
        assertThat(first).isNotEqualTo(second);

        AddInputs zeroingSecond = new AddInputs(0f);
        assertThat(TestData.logits(resnet, DATA, zeroingSecond)).as("a change to input 1 reaches the output")
                .isNotEqualTo(plain);
    }

    @Test
    void observersWithIndexZeroAndOneSeeDifferentTensors() {
        EasyConfig config = Mrfi.load().configs().parse("""
                observe:
                  - {method: MinMax, position: pre, index: 0, module_fullname: [layer2.0]}
                  - {method: MinMax, position: pre, index: 1, module_fullname: [layer2.0]}
                  - {method: MinMax, position: pre, module_fullname: [layer2.0]}
                """, "add-inputs.yaml");
        Trial trial = InjectionPlan.build(config, resnet.describe()).newTrial(1L);
        float[] plain = TestData.logits(resnet, DATA, ForwardHooks.NONE);
        assertThat(TestData.logits(resnet, DATA, trial)).isEqualTo(plain);

        Map<String, Object> results = trial.observerResults();
        assertThat(results).containsOnlyKeys("layer2.0.pre.0", "layer2.0.pre.1", "layer2.0.pre.2");
        assertThat(results.get("layer2.0.pre.0")).isNotEqualTo(results.get("layer2.0.pre.1"));
        assertThat(results.get("layer2.0.pre.2")).as("no index means input 0").isEqualTo(results.get("layer2.0.pre.0"));
        AddInputs direct = new AddInputs(1f);
        TestData.logits(resnet, DATA, direct);
        assertThat(minMax(direct.seen.get(1))).isEqualTo(results.get("layer2.0.pre.1"));
    }

    private static List<Double> minMax(List<float[]> tensors) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] tensor : tensors) {
            for (float v : tensor) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return List.of((double) min, (double) max);
    }
}
