package dev.mrfi.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.mrfi.api.TensorShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ONNX model read from its protobuf: the graph, its initializers, and the PyTorch-style modules its
 * nodes belong to. Immutable after construction.
 */
final class OnnxGraph {

    private static final Set<String> WEIGHTED_OPS = Set.of("Conv", "Gemm", "MatMul", "BatchNormalization");
    private static final Set<String> NOT_MODULES = Set.of("Constant");

    /** A weight of a module: which initializer feeds which node input. */
    record WeightInput(String initializer, int node, int position, TensorShape shape, float[] clean) {
    }

    /**
     * A module: the nodes of one export scope, in graph order, the activation it reads (null if it reads
     * none), the one it produces, and its weights by PyTorch name. {@code inputs} are every activation its
     * first node reads from outside the module (two for an {@code Add}), {@code input} being the first,
     * and {@code inputPositions} their positions among that node's inputs.
     */
    record GraphModule(String name, String typeName, List<Integer> nodes, String input, List<String> inputs,
                       List<Integer> inputPositions, String output, Map<String, WeightInput> weights) {

        int firstNode() {
            return nodes.get(0);
        }

        int lastNode() {
            return nodes.get(nodes.size() - 1);
        }
    }

    private final String source;
    private final ModelProto model;
    private final Map<String, TensorProto> initializers;
    private final String inputName;
    private final String outputName;
    private final List<GraphModule> modules;

    private OnnxGraph(String source, ModelProto model) {
        this.source = source;
        this.model = model;
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> inits = new LinkedHashMap<>();
        for (TensorProto tensor : graph.getInitializerList()) {
            inits.put(tensor.getName(), tensor);
        }
        this.initializers = Collections.unmodifiableMap(inits);
        List<String> inputs = new ArrayList<>();
        for (ValueInfoProto input : graph.getInputList()) {
            if (!inits.containsKey(input.getName())) {
                inputs.add(input.getName());
            }
        }
        if (inputs.size() != 1 || graph.getOutputCount() < 1) {
            throw new IllegalArgumentException(source + ": a classification model needs one input and an output;"
                    + " this graph has inputs " + inputs + " and " + graph.getOutputCount() + " outputs");
        }
        this.inputName = inputs.get(0);
        this.outputName = graph.getOutput(0).getName();
        this.modules = List.copyOf(findModules(graph));
    }

    /**
     * Parses a model.
     *
     * @throws IllegalArgumentException naming the source if the bytes are no ONNX model or not one this host runs
     */
    static OnnxGraph parse(String source, byte[] bytes) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(source + " is not an ONNX model (the protobuf does not parse: "
                    + e.getMessage() + ")", e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new IllegalArgumentException(source + " is not an ONNX model: it holds no graph with nodes");
        }
        return new OnnxGraph(source, model);
    }

    private List<GraphModule> findModules(GraphProto graph) {
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            if (NOT_MODULES.contains(node.getOpType())) {
                continue;
            }
            Optional<String> scope = ModuleNames.scope(node.getName());
            String name;
            if (scope.isPresent()) {
                name = scope.get();
            } else {
                String base = ModuleNames.unscoped(node.getName(), node.getOpType(),
                        node.getOutputCount() == 0 ? "" : node.getOutput(0));
                name = base;
                for (int n = 1; taken.contains(name) || byName.containsKey(name); n++) {
                    name = base + "_" + n;
                }
                taken.add(name);
            }
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
        }
        List<GraphModule> found = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : byName.entrySet()) {
            found.add(module(graph, entry.getKey(), entry.getValue()));
        }
        found.sort((a, b) -> Integer.compare(a.firstNode(), b.firstNode()));
        return found;
    }

    private GraphModule module(GraphProto graph, String name, List<Integer> nodes) {
        Set<String> produced = new HashSet<>();
        for (int index : nodes) {
            produced.addAll(graph.getNode(index).getOutputList());
        }
        List<String> inputs = new ArrayList<>();
        List<Integer> inputPositions = new ArrayList<>();
        List<String> firstInputs = graph.getNode(nodes.get(0)).getInputList();
        for (int position = 0; position < firstInputs.size(); position++) {
            String candidate = firstInputs.get(position);
            if (!candidate.isEmpty() && !initializers.containsKey(candidate) && !produced.contains(candidate)) {
                inputs.add(candidate);
                inputPositions.add(position);
            }
        }
        String input = inputs.isEmpty() ? null : inputs.get(0);
        NodeProto last = graph.getNode(nodes.get(nodes.size() - 1));
        String output = last.getOutputCount() == 0 ? null : last.getOutput(0);
        Integer main = null;
        for (int index : nodes) {
            if (WEIGHTED_OPS.contains(graph.getNode(index).getOpType())) {
                main = index;
                break;
            }
        }
        Map<String, WeightInput> weights = new LinkedHashMap<>();
        String op = (main == null ? last : graph.getNode(main)).getOpType();
        if (main != null) {
            weight(weights, "weight", main, 1);
            if (op.equals("MatMul")) {
                for (int index : nodes) {
                    NodeProto node = graph.getNode(index);
                    if (node.getOpType().equals("Add")) {
                        for (int position = 0; position < node.getInputCount(); position++) {
                            weight(weights, "bias", index, position);
                        }
                    }
                }
            } else {
                weight(weights, "bias", main, 2);
            }
        }
        int weightRank = weights.containsKey("weight") ? weights.get("weight").shape().rank() : -1;
        return new GraphModule(name, ModuleNames.typeName(op, weightRank), List.copyOf(nodes), input,
                List.copyOf(inputs), List.copyOf(inputPositions), output, Collections.unmodifiableMap(weights));
    }

    private void weight(Map<String, WeightInput> weights, String name, int nodeIndex, int position) {
        NodeProto node = model.getGraph().getNode(nodeIndex);
        if (weights.containsKey(name) || position >= node.getInputCount()) {
            return;
        }
        TensorProto tensor = initializers.get(node.getInput(position));
        if (tensor == null || tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            return;
        }
        int[] dims = new int[tensor.getDimsCount()];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = Math.toIntExact(tensor.getDims(d));
        }
        TensorShape shape = TensorShape.of(dims);
        weights.put(name, new WeightInput(tensor.getName(), nodeIndex, position, shape, floats(tensor, shape.size())));
    }

    private float[] floats(TensorProto tensor, int size) {
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException(source + ": initializer '" + tensor.getName() + "' keeps its data in an"
                    + " external file, which this host does not read; export with the weights inside the model");
        }
        float[] values = new float[size];
        if (!tensor.getRawData().isEmpty()) {
            if (tensor.getRawData().size() != 4L * size) {
                throw new IllegalArgumentException(source + ": initializer '" + tensor.getName() + "' holds "
                        + tensor.getRawData().size() + " bytes, not the " + 4L * size + " its shape needs");
            }
            ByteBuffer.wrap(tensor.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else if (tensor.getFloatDataCount() == size) {
            for (int i = 0; i < size; i++) {
                values[i] = tensor.getFloatData(i);
            }
        } else {
            throw new IllegalArgumentException(source + ": initializer '" + tensor.getName() + "' holds "
                    + tensor.getFloatDataCount() + " values, not the " + size + " its shape needs");
        }
        return values;
    }

    String source() {
        return source;
    }

    ModelProto model() {
        return model;
    }

    GraphProto graph() {
        return model.getGraph();
    }

    Map<String, TensorProto> initializers() {
        return initializers;
    }

    String inputName() {
        return inputName;
    }

    String outputName() {
        return outputName;
    }

    List<GraphModule> modules() {
        return modules;
    }

    /** The graph's name, which PyTorch sets to the exported class's name in some versions, else empty. */
    String graphName() {
        return model.getGraph().getName();
    }

    /** Maps every tensor a node produces to the index of that node. */
    Map<String, Integer> producers() {
        Map<String, Integer> producers = new HashMap<>();
        for (int i = 0; i < graph().getNodeCount(); i++) {
            for (String output : graph().getNode(i).getOutputList()) {
                if (!output.isEmpty()) {
                    producers.put(output, i);
                }
            }
        }
        return producers;
    }
}
