package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.io.DataFileError;
import dev.mrfi.nn.io.DataFileException;
import dev.mrfi.nn.io.NpyArray;
import dev.mrfi.nn.io.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LeNet-5 for 28×28 grey-scale images, with PyTorch's layout and {@code state_dict} names, and the
 * weights trained on Fashion-MNIST that ship with this JAR.
 *
 * <p>Modules (full name: type), in execution order; the root {@code ""} has type {@code LeNet}:
 * <pre>
 * conv1: Conv2d(1, 6, 5, padding=2)   relu1: ReLU   pool1: MaxPool2d(2)
 * conv2: Conv2d(6, 16, 5)             relu2: ReLU   pool2: MaxPool2d(2)
 * flatten: Flatten
 * fc1: Linear(400, 120)   relu3: ReLU
 * fc2: Linear(120, 84)    relu4: ReLU
 * fc3: Linear(84, 10)
 * </pre>
 * The layers with weights carry PyTorch's names; PyTorch's LeNet applies ReLU and pooling as functions,
 * which have no names there, so here they are numbered in order of appearance per kind. Input
 * {@code [N, 1, 28, 28]} of {@code pixel / 255f}; output logits {@code [N, 10]}.
 */
public final class LeNet {

    /** The root module's type name. */
    public static final String TYPE_NAME = "LeNet";

    /** The class-path resource holding the bundled weights. */
    public static final String EMBEDDED_WEIGHTS = "/dev/mrfi/nn/lenet-fashion-mnist.npz";

    private static final Map<String, TensorShape> STATE_SHAPES = stateShapes(
            "conv1.weight", TensorShape.of(6, 1, 5, 5), "conv1.bias", TensorShape.of(6),
            "conv2.weight", TensorShape.of(16, 6, 5, 5), "conv2.bias", TensorShape.of(16),
            "fc1.weight", TensorShape.of(120, 400), "fc1.bias", TensorShape.of(120),
            "fc2.weight", TensorShape.of(84, 120), "fc2.bias", TensorShape.of(84),
            "fc3.weight", TensorShape.of(10, 84), "fc3.bias", TensorShape.of(10));

    private LeNet() {
    }

    private static Map<String, TensorShape> stateShapes(Object... keysAndShapes) {
        Map<String, TensorShape> shapes = new LinkedHashMap<>();
        for (int i = 0; i < keysAndShapes.length; i += 2) {
            shapes.put((String) keysAndShapes[i], (TensorShape) keysAndShapes[i + 1]);
        }
        return Collections.unmodifiableMap(shapes);
    }

    /**
     * Returns the {@code state_dict} keys and shapes a weights archive must hold.
     *
     * @return key to shape, in PyTorch's order
     */
    public static Map<String, TensorShape> stateShapes() {
        return STATE_SHAPES;
    }

    /**
     * Loads the weights bundled with this JAR: LeNet-5 trained on Fashion-MNIST (see
     * {@code tools/train/train_lenet.py}).
     *
     * @return the network
     * @throws UncheckedIOException if the bundled weights are missing or damaged, a packaging fault
     */
    public static Network embedded() {
        try (InputStream in = LeNet.class.getResourceAsStream(EMBEDDED_WEIGHTS)) {
            if (in == null) {
                throw new IOException("resource " + EMBEDDED_WEIGHTS + " is not on the class path");
            }
            String source = "resource " + EMBEDDED_WEIGHTS;
            return fromState(Npz.read(in, source), source);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled LeNet weights cannot be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * Loads weights saved from PyTorch's {@code state_dict} with {@code np.savez}, keys as in
     * {@link #stateShapes()}; any numeric dtype is converted to float32.
     *
     * @param file the {@code .npz} archive
     * @return the network
     * @throws DataFileException if the archive is malformed or its keys or shapes do not match, listing
     *                           every difference
     * @throws IOException       if the file cannot be read
     */
    public static Network fromNpz(Path file) throws IOException {
        Objects.requireNonNull(file, "file is null");
        return fromState(Npz.read(file), file.toString());
    }

    /**
     * Builds the network from a {@code state_dict}.
     *
     * @param state  key to array, keys and shapes as in {@link #stateShapes()}
     * @param source what to call the state in error messages, for example its file
     * @return the network
     * @throws DataFileException ({@link DataFileError#MODEL_WEIGHT_MISMATCH}) listing every missing key,
     *                           every key of the wrong shape and every unexpected key
     */
    public static Network fromState(Map<String, NpyArray> state, String source) throws DataFileException {
        Objects.requireNonNull(state, "state is null");
        checkState(state, source);
        Sequential root = Sequential.builder(TYPE_NAME)
                .add("conv1", new Conv2d(tensor(state, "conv1.weight"), tensor(state, "conv1.bias"), 1, 2))
                .add("relu1", new ReLU())
                .add("pool1", new MaxPool2d(2))
                .add("conv2", new Conv2d(tensor(state, "conv2.weight"), tensor(state, "conv2.bias"), 1, 0))
                .add("relu2", new ReLU())
                .add("pool2", new MaxPool2d(2))
                .add("flatten", new Flatten())
                .add("fc1", new Linear(tensor(state, "fc1.weight"), tensor(state, "fc1.bias")))
                .add("relu3", new ReLU())
                .add("fc2", new Linear(tensor(state, "fc2.weight"), tensor(state, "fc2.bias")))
                .add("relu4", new ReLU())
                .add("fc3", new Linear(tensor(state, "fc3.weight"), tensor(state, "fc3.bias")))
                .build();
        return new Network(root);
    }

    private static void checkState(Map<String, NpyArray> state, String source) throws DataFileException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TensorShape> expected : STATE_SHAPES.entrySet()) {
            NpyArray found = state.get(expected.getKey());
            if (found == null) {
                problems.add(expected.getKey() + ": missing; expected shape " + expected.getValue());
            } else if (!found.shape().equals(expected.getValue())) {
                problems.add(expected.getKey() + ": expected shape " + expected.getValue() + ", found " + found.shape());
            }
        }
        for (Map.Entry<String, NpyArray> found : state.entrySet()) {
            if (!STATE_SHAPES.containsKey(found.getKey())) {
                problems.add(found.getKey() + ": unexpected key (shape " + found.getValue().shape() + ")");
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("the weights do not fit LeNet-5:");
        for (int i = 0; i < problems.size(); i++) {
            message.append("\n  ").append(i + 1).append(") ").append(problems.get(i));
        }
        message.append("\nExpected keys: ").append(describe(STATE_SHAPES));
        Map<String, TensorShape> foundShapes = new LinkedHashMap<>();
        state.forEach((key, array) -> foundShapes.put(key, array.shape()));
        message.append("\nFound keys:    ").append(describe(foundShapes));
        message.append('\n').append(problems.size()).append(problems.size() == 1 ? " error" : " errors");
        throw new DataFileException(DataFileError.MODEL_WEIGHT_MISMATCH, source, message.toString());
    }

    private static String describe(Map<String, TensorShape> shapes) {
        List<String> items = new ArrayList<>();
        shapes.forEach((key, shape) -> items.add(key + " " + shape));
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static Tensor tensor(Map<String, NpyArray> state, String key) {
        NpyArray array = state.get(key);
        return new Tensor(array.shape(), array.data());
    }
}
