package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import org.junit.jupiter.api.Test;

class SequentialTest {

    @Test
    void namesIndexedChildrenByPositionAsPyTorchDoes() {
        Sequential features = Sequential.indexed(new ReLU(), new MaxPool2d(2), new Flatten());
        Network network = new Network(Sequential.builder("Net").add("features", features).build());

        assertThat(features.children()).containsOnlyKeys("0", "1", "2");
        assertThat(network.describe()).extracting(ModuleDescriptor::fullName)
                .containsExactly("", "features", "features.0", "features.1", "features.2");
    }

    @Test
    void rejectsDuplicateDottedAndEmptyChildNames() {
        Sequential.Builder builder = Sequential.builder("Net").add("a", new ReLU());

        assertThatThrownBy(() -> builder.add("a", new ReLU()))
                .hasMessage("child name 'a' is used twice in Net; names so far: [a]");
        assertThatThrownBy(() -> builder.add("b.c", new ReLU()))
                .hasMessage("child name 'b.c' must be non-empty and contain no dot");
        assertThatThrownBy(() -> builder.add("", new ReLU()))
                .hasMessage("child name '' must be non-empty and contain no dot");
    }

    @Test
    void anEmptySequentialPassesItsInputThrough() {
        Tensor output = new Network(Sequential.indexed()).forward(Tensor.of(new float[] {1, 2}, 1, 2));

        assertThat(output).isEqualTo(Tensor.of(new float[] {1, 2}, 1, 2));
    }

    @Test
    void namesNestedModulesInShapeErrorsRelativeToItself() {
        Sequential features = Sequential.indexed(new MaxPool2d(4));

        assertThatThrownBy(() -> features.outputShape(TensorShape.of(1, 1, 2, 2)))
                .hasMessage("module '0' (MaxPool2d): input of shape [1, 1, 2, 2] is smaller than the 4x4 window");
    }
}
