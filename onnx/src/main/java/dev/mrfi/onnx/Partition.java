package dev.mrfi.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.HookPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The graph cut at the hooked tensors of one set of hook points: a list of steps that alternate between
 * running a part of the graph as its own session and handing a tensor to the hooks.
 *
 * <p>The cuts are positions in the graph's (topologically sorted) node list. At a cut, the outputs of the
 * modules that end there are hooked first, in place: every later reader sees the hooked value. Then the
 * inputs of the modules that start there are hooked on a copy that only that module's nodes read (they are
 * rewired to a renamed tensor), so a residual shortcut reading the same tensor stays clean. A hooked weight
 * becomes an input of the part that uses it. Tensors that skip over a cut are outputs of the part that
 * makes them and inputs of every later part that reads them.
 *
 * <p>Immutable once built; its sessions are shared by all threads and closed with the partition.
 */
final class Partition implements AutoCloseable {

    /** One step of a pass. */
    sealed interface Step permits HookStep, RunStep {
    }

    /**
     * Hands {@code tensor} to the hooks at {@code point} (for an input point, as input number {@code input}
     * of the module) and stores the result as {@code target}.
     */
    record HookStep(HookPoint point, int input, String tensor, String target) implements Step {
    }

    /** Input number {@code input} (1 or more) of a module with several activation inputs. */
    record ExtraInput(String module, int input) {
    }

    /** A hooked weight: the module's clean values go through the hooks into the part's input {@code inputName}. */
    record WeightFeed(HookPoint point, String inputName, float[] clean, TensorShape shape) {
    }

    /** Runs nodes {@code [firstNode, endNode)} as one session. */
    record RunStep(int firstNode, int endNode, OrtSession session, List<String> inputs, Set<String> outputs,
                   List<WeightFeed> weights) implements Step {
    }

    /** Makes a session of a model's bytes. */
    @FunctionalInterface
    interface SessionFactory {
        OrtSession create(byte[] model, String description) throws OrtException;
    }

    private final List<Step> steps;

    private Partition(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    List<Step> steps() {
        return steps;
    }

    /**
     * Cuts the graph for a set of hook points.
     *
     * @param graph     the model
     * @param hooked    the points to offer to the hooks; points the model lacks are ignored
     * @param extraInputs inputs beyond the first of modules with several inputs, to offer as well
     * @param elemTypes the ONNX element type of every tensor the graph makes
     * @param sessions  makes the parts' sessions
     */
    static Partition build(OnnxGraph graph, Set<HookPoint> hooked, Set<ExtraInput> extraInputs,
                           Map<String, Integer> elemTypes, SessionFactory sessions) throws OrtException {
        GraphProto proto = graph.graph();
        int nodeCount = proto.getNodeCount();
        Map<Integer, List<HookStep>> outputsAt = new TreeMap<>();
        Map<Integer, List<HookStep>> inputsAt = new TreeMap<>();
        Map<Integer, Map<Integer, String>> renamed = new HashMap<>();
        Map<Integer, List<WeightFeed>> feedsByNode = new TreeMap<>();
        Map<String, String> renamedFrom = new HashMap<>();

        if (hooked.contains(HookPoint.input(""))) {
            inputsAt.computeIfAbsent(0, k -> new ArrayList<>()).add(
                    new HookStep(HookPoint.input(""), 0, graph.inputName(), graph.inputName()));
        }
        for (OnnxGraph.GraphModule module : graph.modules()) {
            if (module.input() != null && hooked.contains(HookPoint.input(module.name()))) {
                String copy = module.input() + "|mrfi.input:" + module.name();
                renamedFrom.put(copy, module.input());
                for (int index : module.nodes()) {
                    NodeProto node = proto.getNode(index);
                    for (int position = 0; position < node.getInputCount(); position++) {
                        if (node.getInput(position).equals(module.input())) {
                            renamed.computeIfAbsent(index, k -> new HashMap<>()).put(position, copy);
                        }
                    }
                }
                inputsAt.computeIfAbsent(module.firstNode(), k -> new ArrayList<>())
                        .add(new HookStep(HookPoint.input(module.name()), 0, module.input(), copy));
            }
            for (int k = 1; k < module.inputs().size(); k++) {
                if (extraInputs.contains(new ExtraInput(module.name(), k))) {
                    String tensor = module.inputs().get(k);
                    String copy = tensor + "|mrfi.input" + k + ":" + module.name();
                    renamedFrom.put(copy, tensor);
                    renamed.computeIfAbsent(module.firstNode(), key -> new HashMap<>())
                            .put(module.inputPositions().get(k), copy);
                    inputsAt.computeIfAbsent(module.firstNode(), key -> new ArrayList<>())
                            .add(new HookStep(HookPoint.input(module.name()), k, tensor, copy));
                }
            }
            if (module.output() != null && hooked.contains(HookPoint.output(module.name()))) {
                outputsAt.computeIfAbsent(module.lastNode() + 1, k -> new ArrayList<>())
                        .add(new HookStep(HookPoint.output(module.name()), 0, module.output(), module.output()));
            }
            for (Map.Entry<String, OnnxGraph.WeightInput> weight : module.weights().entrySet()) {
                HookPoint point = HookPoint.weight(module.name(), weight.getKey());
                if (hooked.contains(point)) {
                    OnnxGraph.WeightInput input = weight.getValue();
                    String name = "mrfi.weight:" + module.name() + "/" + weight.getKey();
                    renamed.computeIfAbsent(input.node(), k -> new HashMap<>()).put(input.position(), name);
                    feedsByNode.computeIfAbsent(input.node(), k -> new ArrayList<>())
                            .add(new WeightFeed(point, name, input.clean(), input.shape()));
                }
            }
        }
        if (hooked.contains(HookPoint.output(""))) {
            outputsAt.computeIfAbsent(nodeCount + 1, k -> new ArrayList<>()).add(
                    new HookStep(HookPoint.output(""), 0, graph.outputName(), graph.outputName()));
        }

        // hook steps at each cut: outputs of modules that end there, then inputs of those that start there
        Map<Integer, List<HookStep>> hooksAt = new TreeMap<>();
        outputsAt.forEach((position, list) -> hooksAt.computeIfAbsent(Math.min(position, nodeCount),
                k -> new ArrayList<>()).addAll(list));
        inputsAt.forEach((position, list) -> hooksAt.computeIfAbsent(position, k -> new ArrayList<>()).addAll(list));
        TreeSet<Integer> cuts = new TreeSet<>(hooksAt.keySet());
        cuts.add(0);
        cuts.add(nodeCount);

        List<NodeProto> nodes = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            NodeProto node = proto.getNode(i);
            Map<Integer, String> changes = renamed.get(i);
            if (changes != null) {
                NodeProto.Builder builder = node.toBuilder();
                changes.forEach(builder::setInput);
                node = builder.build();
            }
            nodes.add(node);
        }
        Set<String> topLevel = new HashSet<>(graph.producers().keySet());
        topLevel.add(graph.inputName());
        topLevel.addAll(graph.initializers().keySet());

        List<int[]> ranges = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                ranges.add(new int[] {previous, cut});
            }
            previous = cut;
        }
        List<Set<String>> consumed = new ArrayList<>();
        for (int[] range : ranges) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = range[0]; i < range[1]; i++) {
                for (String input : nodes.get(i).getInputList()) {
                    if (!input.isEmpty()) {
                        names.add(input);
                    }
                }
                outerReferences(nodes.get(i), topLevel, names);
            }
            consumed.add(names);
        }

        List<Step> steps = new ArrayList<>();
        List<OrtSession> opened = new ArrayList<>();
        try {
            for (int r = 0; r < ranges.size(); r++) {
                int first = ranges.get(r)[0];
                int end = ranges.get(r)[1];
                for (HookStep step : hooksAt.getOrDefault(first, List.of())) {
                    steps.add(step);
                }
                Set<String> produced = new LinkedHashSet<>();
                for (int i = first; i < end; i++) {
                    for (String output : nodes.get(i).getOutputList()) {
                        if (!output.isEmpty()) {
                            produced.add(output);
                        }
                    }
                }
                Set<String> neededLater = new HashSet<>();
                neededLater.add(graph.outputName());
                for (int later = r + 1; later < ranges.size(); later++) {
                    neededLater.addAll(consumed.get(later));
                }
                hooksAt.forEach((position, list) -> {
                    if (position >= end) {
                        list.forEach(step -> neededLater.add(step.tensor()));
                    }
                });
                Set<String> outputs = new LinkedHashSet<>();
                for (String name : produced) {
                    if (neededLater.contains(name)) {
                        outputs.add(name);
                    }
                }
                if (outputs.isEmpty()) {
                    continue;
                }
                List<String> inputs = new ArrayList<>();
                List<TensorProto> initializers = new ArrayList<>();
                for (String name : consumed.get(r)) {
                    if (produced.contains(name)) {
                        continue;
                    }
                    TensorProto initializer = graph.initializers().get(name);
                    if (initializer != null) {
                        initializers.add(initializer);
                    } else {
                        inputs.add(name);
                    }
                }
                List<WeightFeed> feeds = new ArrayList<>();
                feedsByNode.forEach((node, list) -> {
                    if (node >= first && node < end) {
                        feeds.addAll(list);
                    }
                });
                Set<String> fed = new HashSet<>();
                feeds.forEach(feed -> fed.add(feed.inputName()));
                GraphProto.Builder part = GraphProto.newBuilder()
                        .setName(proto.getName() + "_part" + r)
                        .addAllNode(nodes.subList(first, end))
                        .addAllInitializer(initializers);
                for (String input : inputs) {
                    if (input.equals(graph.inputName())) {
                        part.addInput(originalInput(proto, input));
                    } else if (fed.contains(input)) {
                        WeightFeed feed = feeds.stream().filter(f -> f.inputName().equals(input)).findFirst().orElseThrow();
                        part.addInput(valueInfo(input, TensorProto.DataType.FLOAT_VALUE, feed.shape().dims()));
                    } else {
                        String original = renamedFrom.getOrDefault(input, input);
                        if (original.equals(graph.inputName())) {
                            part.addInput(originalInput(proto, original).toBuilder().setName(input));
                        } else {
                            part.addInput(valueInfo(input, elemType(elemTypes, original), null));
                        }
                    }
                }
                List<String> inputOrder = new ArrayList<>();
                for (String input : inputs) {
                    if (!fed.contains(input)) {
                        inputOrder.add(input);
                    }
                }
                for (String output : outputs) {
                    part.addOutput(valueInfo(output, elemType(elemTypes, output), null));
                }
                byte[] bytes = graph.model().toBuilder().setGraph(part).build().toByteArray();
                OrtSession session = sessions.create(bytes, "nodes " + first + " to " + (end - 1) + " ("
                        + proto.getNode(first).getName() + " .. " + proto.getNode(end - 1).getName() + ")");
                opened.add(session);
                steps.add(new RunStep(first, end, session, List.copyOf(inputOrder), Set.copyOf(outputs),
                        List.copyOf(feeds)));
            }
            for (HookStep step : hooksAt.getOrDefault(nodeCount, List.of())) {
                steps.add(step);
            }
        } catch (OrtException | RuntimeException e) {
            opened.forEach(Partition::closeSession);
            throw e;
        }
        return new Partition(steps);
    }

    private static int elemType(Map<String, Integer> elemTypes, String tensor) {
        Integer type = elemTypes.get(tensor);
        if (type == null) {
            throw new IllegalArgumentException("the type of tensor '" + tensor + "' is unknown, so the graph cannot"
                    + " be cut there");
        }
        return type;
    }

    private static ValueInfoProto originalInput(GraphProto proto, String name) {
        for (ValueInfoProto input : proto.getInputList()) {
            if (input.getName().equals(name)) {
                return input;
            }
        }
        throw new IllegalStateException("no graph input " + name);
    }

    static ValueInfoProto valueInfo(String name, int elemType, int[] dims) {
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(elemType);
        if (dims != null) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (int dim : dims) {
                shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
            }
            tensor.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }

    /** Adds the top-level tensors that the subgraphs of a node (If, Loop, Scan) read. */
    private static void outerReferences(NodeProto node, Set<String> topLevel, Set<String> into) {
        for (AttributeProto attribute : node.getAttributeList()) {
            List<GraphProto> subgraphs = new ArrayList<>(attribute.getGraphsList());
            if (attribute.hasG()) {
                subgraphs.add(attribute.getG());
            }
            for (GraphProto subgraph : subgraphs) {
                for (NodeProto inner : subgraph.getNodeList()) {
                    for (String input : inner.getInputList()) {
                        if (topLevel.contains(input)) {
                            into.add(input);
                        }
                    }
                    outerReferences(inner, topLevel, into);
                }
            }
        }
    }

    @Override
    public void close() {
        for (Step step : steps) {
            if (step instanceof RunStep run) {
                closeSession(run.session());
            }
        }
    }

    private static void closeSession(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close an ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
