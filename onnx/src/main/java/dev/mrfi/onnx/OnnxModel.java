package dev.mrfi.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.HookPoint;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.host.SelectiveHooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A classifier exported to ONNX (for example by {@code torch.onnx.export}), run by ONNX Runtime, offered to
 * the injector as a {@link ClassificationModel}.
 *
 * <pre>{@code
 * try (OnnxModel resnet = OnnxModel.load(Path.of("resnet.onnx"))) {
 *     InjectionPlan plan = InjectionPlan.build(config, resnet.describe());
 *     float[] logits = resnet.forward(images, TensorShape.of(n, 1, 28, 28), plan.newTrial(seed));
 * }
 * }</pre>
 *
 * <p>Modules. Nodes are grouped into PyTorch modules by the scope in their names: the node
 * {@code /layer2/layer2.0/downsample/downsample.0/Conv} belongs to module {@code layer2.0.downsample.0}.
 * Ops a block runs itself (the residual {@code Add} of a ResNet block) belong to the block, here
 * {@code layer2.0}. A second call of a module gets the exporter's suffix ({@code relu_1}). Nodes without a
 * scope are modules of their own, named after the node (or its op and output). Type names follow PyTorch
 * ({@code Conv2d}, {@code Linear}, {@code BatchNorm2d}, {@code ReLU}, {@code MaxPool2d}, {@code AvgPool2d},
 * {@code AdaptiveAvgPool2d}), else the op type. The float initializers of a {@code Conv}, {@code Gemm},
 * {@code MatMul} (with the {@code Add} after it) or {@code BatchNormalization} are its {@code weight} and
 * {@code bias}, with the shapes stored in the file. {@code Constant} nodes are no module.
 *
 * <p>Hooks. A pass with {@link ForwardHooks#NONE}, or with {@link SelectiveHooks} that act nowhere, runs
 * the model as one session. Otherwise the graph is cut at the tensors the hooks act on (for hooks that are
 * not {@code SelectiveHooks}: every module's input, output and weights) and the parts run one after another,
 * the hooks being called on Java arrays in between. A module's input hook receives the tensor the first
 * node of the module reads; its output hook the first output of its last node. The cut graphs are built once
 * per set of hooked points and kept until {@link #close()}.
 *
 * <p>Input hooks work on a copy: only the hooked module reads the result, while other readers of the same
 * tensor, such as a residual shortcut, see the clean value. (The reference changes the tensor in place, so
 * there the shortcut sees the fault too unless its users clone; MRFI-J chooses the clone.) Output hooks work
 * in place: every later reader sees the hooked value. Hooked weights are fed each pass from
 * {@link ForwardHooks#onWeight}; the model's own weights never change.
 *
 * <p>Thread-safe: passes may run concurrently, each with its own hooks. Each session uses
 * {@code intraOpThreads} threads (default 1), so that trials run in parallel do not oversubscribe the cores.
 */
public final class OnnxModel implements ClassificationModel, AutoCloseable {

    /** The ResNet for Fashion-MNIST shipped in this module: 1x28x28 inputs, pixels / 255, ten classes. */
    public static final String RESNET_RESOURCE = "resnet-fashion-mnist.onnx";

    private final OnnxGraph graph;
    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession whole;
    private final long[] declaredInput;
    private final List<ModuleDescriptor> modules;
    private final List<HookPoint> points;
    private final List<Partition.ExtraInput> extraInputs;
    private final Map<String, Integer> elemTypes;
    private final Map<BitSet, Partition> partitions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private OnnxModel(OnnxGraph graph, int intraOpThreads) {
        this.graph = graph;
        this.environment = OrtEnvironment.getEnvironment();
        try {
            this.options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot configure ONNX Runtime: " + e.getMessage(), e);
        }
        try {
            this.whole = environment.createSession(graph.model().toByteArray(), options);
        } catch (OrtException e) {
            options.close();
            throw new IllegalArgumentException("ONNX Runtime rejects " + graph.source() + ": " + e.getMessage(), e);
        }
        try {
            this.declaredInput = declaredShape(graph);
            this.elemTypes = Collections.unmodifiableMap(elemTypes(graph, environment));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        List<ModuleDescriptor> described = new ArrayList<>();
        String rootType = graph.graphName().isBlank() || graph.graphName().startsWith("torch_jit")
                || graph.graphName().startsWith("main_graph") ? "OnnxModel" : graph.graphName();
        described.add(new ModuleDescriptor("", rootType, Map.of()));
        List<HookPoint> all = new ArrayList<>(List.of(HookPoint.input(""), HookPoint.output("")));
        List<Partition.ExtraInput> extras = new ArrayList<>();
        for (OnnxGraph.GraphModule module : graph.modules()) {
            Map<String, TensorShape> weights = new java.util.LinkedHashMap<>();
            module.weights().forEach((name, weight) -> weights.put(name, weight.shape()));
            described.add(new ModuleDescriptor(module.name(), module.typeName(), weights));
            if (module.input() != null) {
                all.add(HookPoint.input(module.name()));
            }
            if (module.output() != null) {
                all.add(HookPoint.output(module.name()));
            }
            module.weights().keySet().forEach(name -> all.add(HookPoint.weight(module.name(), name)));
            for (int k = 1; k < module.inputs().size(); k++) {
                extras.add(new Partition.ExtraInput(module.name(), k));
            }
        }
        this.modules = List.copyOf(described);
        this.points = List.copyOf(all);
        this.extraInputs = List.copyOf(extras);
    }

    /**
     * Loads a model file with one intra-op thread per session.
     *
     * @param file an {@code .onnx} file with one float input, batch first, and the logits as first output
     * @return the model; close it to free the native sessions
     * @throws IllegalArgumentException naming the file if it cannot be read, is no ONNX model, or ONNX
     *                                  Runtime rejects it
     */
    public static OnnxModel load(Path file) {
        return load(file, 1);
    }

    /**
     * Loads a model file.
     *
     * @param file           an {@code .onnx} file
     * @param intraOpThreads threads each ONNX Runtime session may use within one op, at least 1
     * @return the model
     * @throws IllegalArgumentException naming the file if it cannot be read, is no ONNX model, or ONNX
     *                                  Runtime rejects it
     */
    public static OnnxModel load(Path file, int intraOpThreads) {
        Objects.requireNonNull(file, "file is null");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the ONNX model " + file + ": " + e, e);
        }
        return of(file.toString(), bytes, intraOpThreads);
    }

    /**
     * Loads a model from its bytes.
     *
     * @param source         a name for messages, such as the file name
     * @param bytes          the serialized ONNX model
     * @param intraOpThreads threads each session may use within one op, at least 1
     * @return the model
     * @throws IllegalArgumentException naming the source if the bytes are no ONNX model this host runs
     */
    public static OnnxModel of(String source, byte[] bytes, int intraOpThreads) {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(bytes, "bytes is null");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + intraOpThreads);
        }
        return new OnnxModel(OnnxGraph.parse(source, bytes), intraOpThreads);
    }

    /**
     * Loads the shipped ResNet for Fashion-MNIST ({@link #RESNET_RESOURCE}) with one intra-op thread.
     *
     * @return the model
     */
    public static OnnxModel resnetFashionMnist() {
        return resnetFashionMnist(1);
    }

    /**
     * Loads the shipped ResNet for Fashion-MNIST.
     *
     * @param intraOpThreads threads each session may use within one op, at least 1
     * @return the model
     */
    public static OnnxModel resnetFashionMnist(int intraOpThreads) {
        try (InputStream in = OnnxModel.class.getResourceAsStream(RESNET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESNET_RESOURCE + " is missing from the mrfi-onnx JAR");
            }
            return of(RESNET_RESOURCE, in.readAllBytes(), intraOpThreads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + RESNET_RESOURCE, e);
        }
    }

    @Override
    public List<ModuleDescriptor> describe() {
        return modules;
    }

    /**
     * Returns every point at which this model can call the hooks: the root's input and output, then each
     * module's input, output and weights, in graph order.
     *
     * @return the points
     */
    public List<HookPoint> hookPoints() {
        return points;
    }

    @Override
    public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(shape, "shape is null");
        Objects.requireNonNull(hooks, "hooks is null");
        if (closed) {
            throw new IllegalStateException("the model " + graph.source() + " is closed");
        }
        checkInput(input, shape);
        BitSet hooked = hookedBy(hooks);
        try (Pass pass = new Pass()) {
            if (hooked.isEmpty()) {
                OrtSession.Result result = pass.keep(whole.run(Map.of(graph.inputName(), pass.tensor(input, shape))));
                return floats(result.get(0), "the model's output '" + graph.outputName() + "'");
            }
            return pass.run(partition(hooked), input, shape, hooks);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run " + graph.source() + " on a batch of shape "
                    + shape + ": " + e.getMessage(), e);
        }
    }

    private BitSet hookedBy(ForwardHooks hooks) {
        BitSet hooked = new BitSet(points.size() + extraInputs.size());
        if (hooks == ForwardHooks.NONE) {
            return hooked;
        }
        SelectiveHooks selective = hooks instanceof SelectiveHooks s ? s : null;
        for (int i = 0; i < points.size(); i++) {
            if (selective == null || selective.actsOn(points.get(i))) {
                hooked.set(i);
            }
        }
        // further inputs of multi-input nodes (an Add's second addend) only for hooks that ask for them
        for (int i = 0; i < extraInputs.size(); i++) {
            Partition.ExtraInput extra = extraInputs.get(i);
            if (selective != null && selective.actsOnInput(extra.module(), extra.input())) {
                hooked.set(points.size() + i);
            }
        }
        return hooked;
    }

    private Partition partition(BitSet hooked) {
        return partitions.computeIfAbsent(hooked, key -> {
            Set<HookPoint> set = new LinkedHashSet<>();
            Set<Partition.ExtraInput> extras = new LinkedHashSet<>();
            key.stream().forEach(i -> {
                if (i < points.size()) {
                    set.add(points.get(i));
                } else {
                    extras.add(extraInputs.get(i - points.size()));
                }
            });
            try {
                Partition partition = Partition.build(graph, set, extras, elemTypes, (bytes, what) -> {
                    try {
                        return environment.createSession(bytes, options);
                    } catch (OrtException e) {
                        throw new IllegalStateException("ONNX Runtime rejects the part of " + graph.source() + " with "
                                + what + ", cut for the hook points " + set + ": " + e.getMessage(), e);
                    }
                });
                checkHookedTypes(partition);
                return partition;
            } catch (OrtException e) {
                throw new IllegalStateException("cannot cut " + graph.source() + ": " + e.getMessage(), e);
            }
        });
    }

    /** Rejects, before any pass runs, hooks on tensors that are not float. */
    private void checkHookedTypes(Partition partition) {
        for (Partition.Step step : partition.steps()) {
            if (step instanceof Partition.HookStep hook) {
                Integer type = elemTypes.get(hook.tensor());
                if (type != null && type != ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
                    partition.close();
                    throw new IllegalArgumentException(graph.source() + ": module '" + hook.point().module()
                            + "' has a " + ai.onnx.proto.OnnxMl.TensorProto.DataType.forNumber(type) + " tensor '"
                            + hook.tensor() + "' at " + hook.point() + "; only float tensors can be hooked");
                }
            }
        }
    }

    private void checkInput(float[] input, TensorShape shape) {
        if (input.length != shape.size()) {
            throw new IllegalArgumentException("input has " + input.length + " values but shape " + shape + " needs "
                    + shape.size());
        }
        boolean fits = shape.rank() == declaredInput.length;
        for (int i = 0; fits && i < declaredInput.length; i++) {
            fits = declaredInput[i] < 0 || declaredInput[i] == shape.dim(i);
        }
        if (!fits || shape.rank() == 0 || shape.dim(0) == 0) {
            throw new IllegalArgumentException("input of shape " + shape + " does not fit the input '" + graph.inputName()
                    + "' of " + graph.source() + ", which takes " + describeShape(declaredInput)
                    + " (-1: any size)");
        }
    }

    private static String describeShape(long[] dims) {
        return Arrays.toString(dims);
    }

    private static long[] declaredShape(OnnxGraph graph) {
        for (ValueInfoProto input : graph.graph().getInputList()) {
            if (input.getName().equals(graph.inputName())) {
                if (input.getType().getTensorType().getElemType()
                        != ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
                    throw new IllegalArgumentException(graph.source() + ": the input '" + input.getName()
                            + "' is not a float tensor; this host feeds float32 batches");
                }
                List<TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
                long[] shape = new long[dims.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = dims.get(i).hasDimValue() ? dims.get(i).getDimValue() : -1;
                }
                return shape;
            }
        }
        throw new IllegalStateException("no input " + graph.inputName());
    }

    /**
     * Finds the element type of every tensor a node makes, by asking ONNX Runtime for the types of a copy
     * of the graph that outputs all of them.
     */
    private static Map<String, Integer> elemTypes(OnnxGraph graph, OrtEnvironment environment) {
        GraphProto.Builder probe = graph.graph().toBuilder();
        Set<String> outputs = new LinkedHashSet<>();
        for (ValueInfoProto output : probe.getOutputList()) {
            outputs.add(output.getName());
        }
        for (NodeProto node : graph.graph().getNodeList()) {
            for (String output : node.getOutputList()) {
                if (!output.isEmpty() && outputs.add(output)) {
                    probe.addOutput(ValueInfoProto.newBuilder().setName(output));
                }
            }
        }
        Map<String, Integer> types = new HashMap<>();
        try (OrtSession.SessionOptions plain = new OrtSession.SessionOptions()) {
            plain.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = environment.createSession(
                    graph.model().toBuilder().setGraph(probe).build().toByteArray(), plain)) {
                for (Map.Entry<String, NodeInfo> output : session.getOutputInfo().entrySet()) {
                    if (output.getValue().getInfo() instanceof TensorInfo info) {
                        // the Java enum numbers types its own way; the names are ONNX's
                        String name = info.onnxType.name().substring("ONNX_TENSOR_ELEMENT_DATA_TYPE_".length());
                        types.put(output.getKey(), ai.onnx.proto.OnnxMl.TensorProto.DataType.valueOf(name).getNumber());
                    }
                }
            }
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime cannot infer the tensor types of " + graph.source() + ": "
                    + e.getMessage(), e);
        }
        return types;
    }

    private float[] floats(OnnxValue value, String what) {
        if (!(value instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(graph.source() + ": " + what + " is not a float tensor ("
                    + value.getInfo() + "); only float tensors can be hooked or returned");
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] data = new float[buffer.remaining()];
        buffer.get(data);
        return data;
    }

    private static TensorShape shapeOf(OnnxTensor tensor) {
        long[] dims = tensor.getInfo().getShape();
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = Math.toIntExact(dims[i]);
        }
        return TensorShape.of(shape);
    }

    /** The native values of one pass, all closed when it ends, also when a hook throws. */
    private final class Pass implements AutoCloseable {

        private final List<AutoCloseable> owned = new ArrayList<>();

        <T extends AutoCloseable> T keep(T value) {
            owned.add(value);
            return value;
        }

        OnnxTensor tensor(float[] data, TensorShape shape) throws OrtException {
            long[] dims = new long[shape.rank()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = shape.dim(i);
            }
            return keep(OnnxTensor.createTensor(environment, FloatBuffer.wrap(data), dims));
        }

        float[] run(Partition partition, float[] input, TensorShape shape, ForwardHooks hooks) throws OrtException {
            Map<String, OnnxTensor> values = new HashMap<>();
            values.put(graph.inputName(), tensor(input, shape));
            for (Partition.Step step : partition.steps()) {
                if (step instanceof Partition.HookStep hook) {
                    OnnxTensor tensor = values.get(hook.tensor());
                    String module = hook.point().module();
                    float[] data = floats(tensor, "tensor '" + hook.tensor() + "' at " + hook.point());
                    TensorShape dims = shapeOf(tensor);
                    if (hook.point().kind() == HookPoint.Kind.INPUT) {
                        hooks.onInput(module, hook.input(), data, dims);
                    } else {
                        hooks.onOutput(module, data, dims);
                    }
                    values.put(hook.target(), tensor(data, dims));
                } else {
                    Partition.RunStep part = (Partition.RunStep) step;
                    Map<String, OnnxTensor> inputs = new HashMap<>();
                    for (String name : part.inputs()) {
                        inputs.put(name, values.get(name));
                    }
                    for (Partition.WeightFeed feed : part.weights()) {
                        float[] weights = hooks.onWeight(feed.point().module(), feed.point().weight(), feed.clean(),
                                feed.shape());
                        if (weights == null || weights.length != feed.clean().length) {
                            throw new IllegalStateException("the hooks returned " + (weights == null ? "null"
                                    : weights.length + " values") + " for weight " + feed.point() + " of "
                                    + feed.clean().length + " values");
                        }
                        inputs.put(feed.inputName(), tensor(weights, feed.shape()));
                    }
                    OrtSession.Result result = keep(part.session().run(inputs, part.outputs()));
                    for (String name : part.outputs()) {
                        values.put(name, (OnnxTensor) result.get(name).orElseThrow());
                    }
                }
            }
            return floats(values.get(graph.outputName()), "the model's output '" + graph.outputName() + "'");
        }

        @Override
        public void close() {
            RuntimeException failure = null;
            for (int i = owned.size() - 1; i >= 0; i--) {
                try {
                    owned.get(i).close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new IllegalStateException("cannot free an ONNX Runtime value: " + e, e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Closes every session; passes must have ended. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        partitions.values().forEach(Partition::close);
        partitions.clear();
        if (whole != null) {
            try {
                whole.close();
            } catch (OrtException e) {
                throw new IllegalStateException("cannot close the session of " + graph.source() + ": " + e.getMessage(), e);
            }
        }
        options.close();
    }

    @Override
    public String toString() {
        return "OnnxModel(" + graph.source() + ", " + graph.modules().size() + " modules)";
    }
}
