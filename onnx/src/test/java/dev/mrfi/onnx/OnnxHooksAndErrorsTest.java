package dev.mrfi.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.nn.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxHooksAndErrorsTest {

    private static final Dataset DATA = TestData.first(8);
    private static OnnxModel resnet;

    @BeforeAll
    static void load() {
        resnet = OnnxModel.resnetFashionMnist();
    }

    @AfterAll
    static void close() {
        resnet.close();
    }

    private static float[] images() {
        return DATA.images().data();
    }

    private static TensorShape shape() {
        return DATA.images().shape();
    }

    /** Records every call; acts everywhere, since it does not say otherwise. */
    static class Recording implements ForwardHooks {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onInput(String module, float[] data, TensorShape shape) {
            calls.add("in " + module + " " + shape);
        }

        @Override
        public void onOutput(String module, float[] data, TensorShape shape) {
            calls.add("out " + module + " " + shape);
        }

        @Override
        public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
            calls.add("weight " + module + "." + weightName + " " + shape);
            return clean;
        }
    }

    @Test
    void hooksReceiveModuleNamesAndShapesInTheOrderOfTheContract() {
        Recording hooks = new Recording();
        float[] logits = resnet.forward(images(), shape(), hooks);
        assertThat(logits).isEqualTo(resnet.forward(images(), shape(), ForwardHooks.NONE));
        assertThat(hooks.calls).startsWith(
                "in  [8, 1, 28, 28]",
                "in conv1 [8, 1, 28, 28]",
                "weight conv1.weight [16, 1, 3, 3]",
                "weight conv1.bias [16]",
                "out conv1 [8, 16, 28, 28]",
                "in relu [8, 16, 28, 28]",
                "out relu [8, 16, 28, 28]");
        assertThat(hooks.calls).containsSubsequence(
                "in layer2.0.conv2 [8, 32, 14, 14]",
                "out layer2.0.conv2 [8, 32, 14, 14]",
                "in layer2.0 [8, 32, 14, 14]",
                "out layer2.0 [8, 32, 14, 14]",
                "in fc [8, 64]",
                "weight fc.weight [10, 64]",
                "weight fc.bias [10]",
                "out fc [8, 10]",
                "out  [8, 10]");
        assertThat(hooks.calls).endsWith("out fc [8, 10]", "out  [8, 10]");
    }

    @Test
    void anInputHookChangesOnlyItsModulesCopyWhileTheShortcutStaysClean() {
        Map<String, float[]> outputs = new HashMap<>();
        Recording zeroing = new Recording() {
            @Override
            public void onInput(String module, float[] data, TensorShape shape) {
                if (module.equals("layer1.0.conv1")) {
                    Arrays.fill(data, 0f);
                }
            }

            @Override
            public void onOutput(String module, float[] data, TensorShape shape) {
                outputs.put(module, data.clone());
            }
        };
        assertThat(resnet.forward(images(), shape(), zeroing))
                .isNotEqualTo(resnet.forward(images(), shape(), ForwardHooks.NONE));
        float[] shortcut = outputs.get("relu");
        float[] residual = outputs.get("layer1.0.conv2");
        float[] sum = outputs.get("layer1.0");
        assertThat(shortcut).contains(0f).isNotEqualTo(new float[shortcut.length]);
        for (int i = 0; i < sum.length; i++) {
            assertThat(sum[i]).isEqualTo(residual[i] + shortcut[i]);
        }
    }

    @Test
    void concurrentPassesWithDifferentHooksDoNotDisturbEachOther() throws Exception {
        float[] plain = resnet.forward(images(), shape(), ForwardHooks.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ForwardHooks hooks = i % 2 == 0 ? new Recording() : ForwardHooks.NONE;
                results.add(pool.submit(() -> resnet.forward(images(), shape(), hooks)));
            }
            for (Future<float[]> result : results) {
                assertThat(result.get()).isEqualTo(plain);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHookThatThrowsLeavesTheModelUsable() {
        ForwardHooks failing = new Recording() {
            @Override
            public void onOutput(String module, float[] data, TensorShape shape) {
                throw new IllegalStateException("hook failed at " + module);
            }
        };
        assertThatThrownBy(() -> resnet.forward(images(), shape(), failing)).hasMessage("hook failed at conv1");
        assertThat(resnet.forward(images(), shape(), new Recording()))
                .isEqualTo(resnet.forward(images(), shape(), ForwardHooks.NONE));
    }

    @Test
    void rejectsAnInputShapeTheModelDoesNotTake() {
        assertThatThrownBy(() -> resnet.forward(new float[28 * 56], TensorShape.of(1, 1, 28, 56), ForwardHooks.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input of shape [1, 1, 28, 56] does not fit the input 'input' of resnet-fashion-mnist.onnx,"
                        + " which takes [-1, 1, 28, 28] (-1: any size)");
        assertThatThrownBy(() -> resnet.forward(new float[3], TensorShape.of(1, 1, 28, 28), ForwardHooks.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input has 3 values but shape [1, 1, 28, 28] needs 784");
    }

    @Test
    void rejectsAFileThatIsNoOnnxModelNamingIt(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("garbage.onnx");
        Files.writeString(garbage, "this is not a model");
        assertThatThrownBy(() -> OnnxModel.load(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(garbage + " is not an ONNX model");
        assertThatThrownBy(() -> OnnxModel.load(dir.resolve("missing.onnx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read the ONNX model " + dir.resolve("missing.onnx"));
    }

    @Test
    void rejectsAModelOnnxRuntimeRefusesNamingIt(@TempDir Path dir) throws Exception {
        byte[] bytes;
        try (var in = OnnxModel.class.getResourceAsStream(OnnxModel.RESNET_RESOURCE)) {
            bytes = in.readAllBytes();
        }
        var model = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(bytes);
        var graph = model.getGraph().toBuilder();
        graph.setNode(0, graph.getNode(0).toBuilder().setOpType("NoSuchOp"));
        Path broken = dir.resolve("broken.onnx");
        Files.write(broken, model.toBuilder().setGraph(graph).build().toByteArray());
        assertThatThrownBy(() -> OnnxModel.load(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ONNX Runtime rejects " + broken + ": ")
                .hasMessageContaining("NoSuchOp");
    }
}
