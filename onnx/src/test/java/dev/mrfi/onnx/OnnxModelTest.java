package dev.mrfi.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.HookPoint;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.host.SelectiveHooks;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxModelTest {

    private static OnnxModel resnet;

    @BeforeAll
    static void load() {
        resnet = OnnxModel.resnetFashionMnist();
    }

    @AfterAll
    static void close() {
        resnet.close();
    }

    @Test
    void describesTheResNetModulesWithPyTorchNamesAndWeightShapes() {
        Map<String, ModuleDescriptor> modules = resnet.describe().stream()
                .collect(Collectors.toMap(ModuleDescriptor::fullName, m -> m));
        assertThat(resnet.describe().get(0).fullName()).isEmpty();
        assertThat(modules.get("conv1").typeName()).isEqualTo("Conv2d");
        assertThat(modules.get("conv1").weights()).containsEntry("weight", TensorShape.of(16, 1, 3, 3))
                .containsEntry("bias", TensorShape.of(16));
        assertThat(modules.get("layer1.0.conv1").typeName()).isEqualTo("Conv2d");
        assertThat(modules.get("layer2.0.downsample.0").typeName()).isEqualTo("Conv2d");
        assertThat(modules.get("layer2.0.downsample.0").weights()).containsEntry("weight", TensorShape.of(32, 16, 1, 1));
        assertThat(modules.get("layer2.0").typeName()).isEqualTo("Add");
        assertThat(modules.get("avgpool").typeName()).isEqualTo("AdaptiveAvgPool2d");
        assertThat(modules.get("relu").typeName()).isEqualTo("ReLU");
        assertThat(modules.get("fc").typeName()).isEqualTo("Linear");
        assertThat(modules.get("fc").weights().keySet()).containsExactly("weight", "bias");
        assertThat(modules.get("fc").weights()).containsEntry("weight", TensorShape.of(10, 64));
    }

    @Test
    void goldenAccuracyIsHighAndNoOpHooksAtEveryConvAndLinearInputChangeNoBit() {
        float[] plain = TestData.logits(resnet, TestData.ALL, dev.mrfi.api.host.ForwardHooks.NONE);
        assertThat(TestData.accuracy(plain, TestData.ALL)).isGreaterThanOrEqualTo(0.88);
        Set<String> convsAndLinears = resnet.describe().stream()
                .filter(m -> m.typeName().equals("Conv2d") || m.typeName().equals("Linear"))
                .map(ModuleDescriptor::fullName).collect(Collectors.toSet());
        float[] cut = TestData.logits(resnet, TestData.ALL,
                new NoOpHooks(p -> p.kind() == HookPoint.Kind.INPUT && convsAndLinears.contains(p.module())));
        assertThat(cut).isEqualTo(plain);
    }

    /** Acts, doing nothing, at the points a predicate picks. */
    record NoOpHooks(Predicate<HookPoint> where) implements SelectiveHooks {

        @Override
        public boolean actsOn(HookPoint point) {
            return where.test(point);
        }

        @Override
        public void onInput(String module, float[] data, TensorShape shape) {
        }

        @Override
        public void onOutput(String module, float[] data, TensorShape shape) {
        }

        @Override
        public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
            return clean;
        }
    }
}
