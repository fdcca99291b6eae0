package dev.mrfi.onnx;

import java.util.Map;
import java.util.Optional;

/** Turns the node names a PyTorch export writes into the modules' full names and type names. */
final class ModuleNames {

    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("Gemm", "Linear"),
            Map.entry("BatchNormalization", "BatchNorm2d"),
            Map.entry("Relu", "ReLU"),
            Map.entry("MaxPool", "MaxPool2d"),
            Map.entry("AveragePool", "AvgPool2d"),
            Map.entry("GlobalAveragePool", "AdaptiveAvgPool2d"),
            Map.entry("ReduceMean", "AdaptiveAvgPool2d"));

    private ModuleNames() {
    }

    /**
     * Returns the full dotted name of the module a node was exported from, or empty if the node carries no
     * module scope. The exporter writes one segment per module on the path, then the op:
     * {@code /layer2/layer2.0/downsample/downsample.0/Conv}. A segment that begins with the previous
     * segment and a dot ({@code layer2.0} after {@code layer2}) is a container's child already named with
     * its parent's prefix, so it replaces the previous segment instead of extending the path; the result
     * for the example is {@code layer2.0.downsample.0}.
     */
    static Optional<String> scope(String nodeName) {
        if (!nodeName.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = nodeName.substring(1).split("/", -1);
        if (segments.length < 2) {
            return Optional.empty();
        }
        String full = "";
        String parent = "";
        String previous = null;
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                return Optional.empty();
            }
            if (previous != null && segment.startsWith(previous + ".")) {
                full = join(parent, segment);
            } else {
                parent = full;
                full = join(full, segment);
            }
            previous = segment;
        }
        return Optional.of(full);
    }

    /** The name of a node without a module scope: its own name without the slash, or its op and output. */
    static String unscoped(String nodeName, String opType, String firstOutput) {
        String name = nodeName.startsWith("/") ? nodeName.substring(1) : nodeName;
        name = name.replace('/', '.');
        return name.isEmpty() ? opType + "(" + firstOutput + ")" : name;
    }

    /** PyTorch's type name for a module whose main op is {@code opType}, with a weight of rank {@code weightRank} (or -1). */
    static String typeName(String opType, int weightRank) {
        return switch (opType) {
            case "Conv" -> weightRank == 3 ? "Conv1d" : weightRank == 5 ? "Conv3d" : "Conv2d";
            case "MatMul" -> weightRank >= 0 ? "Linear" : "MatMul";
            default -> TYPE_NAMES.getOrDefault(opType, opType);
        };
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }
}
