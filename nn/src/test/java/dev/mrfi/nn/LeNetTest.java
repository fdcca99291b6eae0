package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import dev.mrfi.nn.io.DataFileError;
import dev.mrfi.nn.io.DataFileException;
import dev.mrfi.nn.io.Npy;
import dev.mrfi.nn.io.NpyArray;
import dev.mrfi.nn.io.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeNetTest {

    private static Network lenet;
    private static Dataset testSubset;

    @BeforeAll
    static void load() {
        lenet = LeNet.embedded();
        testSubset = FashionMnist.embedded();
    }

    private static Map<String, NpyArray> embeddedState() throws IOException {
        try (InputStream in = LeNet.class.getResourceAsStream(LeNet.EMBEDDED_WEIGHTS)) {
            return Npz.read(in, "embedded");
        }
    }

    @Test
    void hasPyTorchModuleNamesTypesAndWeightShapes() {
        List<ModuleDescriptor> modules = lenet.describe();

        assertThat(modules).extracting(ModuleDescriptor::fullName).containsExactly("", "conv1", "relu1", "pool1", "conv2",
                "relu2", "pool2", "flatten", "fc1", "relu3", "fc2", "relu4", "fc3");
        assertThat(modules).extracting(ModuleDescriptor::typeName).containsExactly("LeNet", "Conv2d", "ReLU", "MaxPool2d",
                "Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear", "ReLU", "Linear", "ReLU", "Linear");
        Map<String, TensorShape> weights = new LinkedHashMap<>();
        modules.forEach(module -> module.weights().forEach((name, shape) -> weights.put(module.fullName() + "." + name, shape)));
        assertThat(weights).containsExactlyEntriesOf(LeNet.stateShapes());
        assertThat(lenet.outputShape(TensorShape.of(5, 1, 28, 28))).isEqualTo(TensorShape.of(5, 10));
    }

    @Test
    void matchesPyTorchLogitsForTheFirstEightTestImages() throws IOException {
        NpyArray expected;
        try (InputStream in = LeNetTest.class.getResourceAsStream("lenet-first8-logits.npy")) {
            expected = Npy.read(in, "lenet-first8-logits.npy");
        }

        Tensor logits = lenet.forward(testSubset.slice(0, 8).images());

        assertThat(logits.shape()).isEqualTo(expected.shape()).isEqualTo(TensorShape.of(8, 10));
        double maxDifference = 0;
        for (int i = 0; i < logits.data().length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(logits.data()[i] - expected.data()[i]));
        }
        System.out.printf("LeNet logits vs PyTorch: max abs difference %.3g%n", maxDifference);
        assertThat(maxDifference).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void classifiesAtLeast85PercentOfTheEmbeddedTestImagesCorrectly() {
        int[] predictions = new int[testSubset.size()];
        for (int from = 0; from < testSubset.size(); from += 128) {
            int to = Math.min(testSubset.size(), from + 128);
            int[] batch = lenet.forward(testSubset.slice(from, to).images()).argmaxPerRow();
            System.arraycopy(batch, 0, predictions, from, batch.length);
        }

        double accuracy = testSubset.accuracy(predictions);

        System.out.printf("LeNet accuracy on the embedded %d test images: %.4f%n", testSubset.size(), accuracy);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void loadsTheSameNetworkFromAnNpzFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("lenet.npz");
        Npz.write(file, embeddedState());
        Tensor images = testSubset.slice(0, 16).images();

        Network fromFile = LeNet.fromNpz(file);

        assertThat(fromFile.forward(images)).isEqualTo(lenet.forward(images));
    }

    @Test
    void listsEveryMissingMisshapenAndUnexpectedWeight(@TempDir Path folder) throws IOException {
        Map<String, NpyArray> state = new LinkedHashMap<>(embeddedState());
        state.remove("fc3.bias");
        state.put("conv1.weight", NpyArray.of(TensorShape.of(6, 1, 3, 3), new float[54]));
        state.put("bn.weight", NpyArray.of(TensorShape.of(6), new float[6]));
        Path file = folder.resolve("broken.npz");
        Npz.write(file, state);

        assertThatThrownBy(() -> LeNet.fromNpz(file))
                .isInstanceOfSatisfying(DataFileException.class,
                        e -> assertThat(e.error()).isEqualTo(DataFileError.MODEL_WEIGHT_MISMATCH))
                .hasMessageStartingWith("[model/WeightMismatch] " + file + ": the weights do not fit LeNet-5:\n"
                        + "  1) conv1.weight: expected shape [6, 1, 5, 5], found [6, 1, 3, 3]\n"
                        + "  2) fc3.bias: missing; expected shape [10]\n"
                        + "  3) bn.weight: unexpected key (shape [6])\n"
                        + "Expected keys: conv1.weight [6, 1, 5, 5], conv1.bias [6], ")
                .hasMessageContaining("\nFound keys:    conv1.weight [6, 1, 3, 3], conv1.bias [6], ")
                .hasMessageEndingWith("fc3.weight [10, 84], bn.weight [6]\n3 errors");
    }
}
