package dev.mrfi.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * A second network, with no code written for it: the shipped LeNet-5 exported from PyTorch
 * ({@code tools/train/export_lenet_onnx.py}; its ReLU and pooling are functional calls, so their nodes
 * have no module scope). Through ONNX Runtime it answers as the pure-Java LeNet does, and the same
 * configuration and seed fault it the same way.
 */
class AnotherExportedNetworkTest {

    private static OnnxModel exportedLeNet() throws IOException {
        try (InputStream in = AnotherExportedNetworkTest.class.getResourceAsStream("lenet-fashion-mnist.onnx")) {
            return OnnxModel.of("lenet-fashion-mnist.onnx", in.readAllBytes(), 1);
        }
    }

    private static ClassificationModel javaLeNet() {
        Network network = LeNet.embedded();
        return new ClassificationModel() {
            @Override
            public List<ModuleDescriptor> describe() {
                return network.describe();
            }

            @Override
            public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
                return network.forward(input, shape, hooks).data();
            }
        };
    }

    @Test
    void theExportedLeNetHasThePyTorchModulesAndAnswersAsTheJavaLeNet() throws IOException {
        Dataset data = TestData.first(500);
        ClassificationModel java = javaLeNet();
        try (OnnxModel onnx = exportedLeNet()) {
            Map<String, ModuleDescriptor> modules = new java.util.HashMap<>();
            onnx.describe().forEach(m -> modules.put(m.fullName(), m));
            assertThat(modules.get("conv1").typeName()).isEqualTo("Conv2d");
            assertThat(modules.get("conv1").weights()).containsEntry("weight", TensorShape.of(6, 1, 5, 5));
            assertThat(modules.get("fc3").typeName()).isEqualTo("Linear");
            assertThat(modules.get("fc3").weights()).containsEntry("weight", TensorShape.of(10, 84));

            float[] fromOnnx = TestData.logits(onnx, data, ForwardHooks.NONE);
            float[] fromJava = TestData.logits(java, data, ForwardHooks.NONE);
            assertThat(fromOnnx).containsExactly(fromJava, Offset.offset(2e-4f));
        }
    }

    @Test
    void theSameConfigurationAndSeedFaultBothHostsAlike() throws IOException {
        Dataset data = TestData.first(1000);
        ClassificationModel java = javaLeNet();
        Mrfi mrfi = Mrfi.load();
        for (String preset : List.of("default_fi", "weight_fi")) {
            EasyConfig config = mrfi.configs().preset(preset).withBer(3e-4, OptionalInt.empty());
            try (OnnxModel onnx = exportedLeNet()) {
                double onnxAccuracy = TestData.accuracy(TestData.logits(onnx, data,
                        InjectionPlan.build(config, onnx.describe()).newTrial(9)), data);
                double javaAccuracy = TestData.accuracy(TestData.logits(java, data,
                        InjectionPlan.build(config, java.describe()).newTrial(9)), data);
                double golden = TestData.accuracy(TestData.logits(onnx, data, ForwardHooks.NONE), data);
                assertThat(onnxAccuracy).as(preset).isLessThan(golden).isCloseTo(javaAccuracy, Offset.offset(0.01));
            }
        }
    }
}
