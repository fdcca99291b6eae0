package dev.mrfi.cli;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.BoundPlugin;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.config.ConfigTree;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.FaultInjectEntry;
import dev.mrfi.core.config.HookType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mrfi modules}: every module of the model with its type, weight shapes and, given a configuration,
 * what is configured at its input, output, weights and observers (the columns of the reference's
 * configuration viewer), as text or JSON.
 */
@Command(name = "modules", mixinStandardHelpOptions = true,
        description = "List the model's modules (name, type, weight shapes) and, with --config or --preset, what"
                + " the configuration tree sets at each module's activation in, activation out, weights and observers.")
final class ModulesCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--model", description = "lenet (default), resnet (the shipped ResNet) or an .onnx file exported"
            + " from PyTorch.")
    String modelName;

    @Option(names = "--weights", description = "LeNet-5 weights as a NumPy .npz (default: the shipped model).")
    Path weights;

    @Option(names = "--config", description = "An EasyConfig or a configuration tree to bind to the model.")
    Path config;

    @Option(names = "--preset", description = "A built-in configuration to bind to the model, such as default_fi.")
    String preset;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() {
        if (config != null && preset != null) {
            throw new MrfiCommand.UserError("give --config or --preset, not both");
        }
        List<ModuleDescriptor> modules = Models.choose(modelName, weights).model().describe();
        ConfigTree tree = null;
        if (config != null || preset != null) {
            Mrfi mrfi = plugins.load();
            EasyConfig bound = config != null ? ConfigFiles.load(mrfi.blocks(), config, modules)
                    : new EasyConfigLoader(mrfi.blocks()).preset(preset);
            tree = ConfigTree.bind(bound, modules);
            for (String warning : tree.warnings()) {
                System.err.println("warning: " + warning);
            }
        }
        List<Map<String, Object>> rows = rows(modules, tree);
        System.out.print(format == Format.json ? ConfigDocuments.toJson(Map.of("modules", rows)) : text(rows));
        return 0;
    }

    private static List<Map<String, Object>> rows(List<ModuleDescriptor> modules, ConfigTree tree) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModuleDescriptor module : modules) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", module.fullName());
            row.put("type", module.typeName());
            Map<String, Object> weights = new LinkedHashMap<>();
            module.weights().forEach((name, shape) -> weights.put(name, dims(shape)));
            row.put("weights", weights);
            if (tree != null) {
                for (HookType hook : HookType.values()) {
                    List<Map<String, Object>> nodes = new ArrayList<>();
                    for (ConfigTree.Node node : tree.nodes()) {
                        if (node.module().equals(module.fullName()) && node.hook() == hook) {
                            nodes.add(node(node));
                        }
                    }
                    row.put(hook == HookType.WEIGHT ? "weight_faults" : hook.label(), nodes);
                }
                List<Map<String, Object>> observers = new ArrayList<>();
                for (ConfigTree.ObserverNode observer : tree.observers()) {
                    if (observer.module().equals(module.fullName())) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("index", observer.position());
                        item.put("position", observer.pre() ? "pre" : "after");
                        item.put("method", observer.observer().provider().name());
                        observers.add(item);
                    }
                }
                row.put("observers", observers);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Integer> dims(TensorShape shape) {
        List<Integer> dims = new ArrayList<>();
        for (int dim : shape.dims()) {
            dims.add(dim);
        }
        return dims;
    }

    private static Map<String, Object> node(ConfigTree.Node node) {
        FaultInjectEntry entry = node.entry();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("index", node.position());
        if (node.hook() == HookType.WEIGHT) {
            item.put("name", node.weightName());
        }
        item.put("enabled", entry.enabled());
        entry.quantization().ifPresent(q -> {
            item.put("quantization", block(q.plugin()));
            item.put("layerwise", entry.layerwise());
        });
        entry.selector().ifPresent(s -> item.put("selector", block(s.plugin())));
        item.put("error_mode", block(entry.errorMode().plugin()));
        return item;
    }

    private static String block(BoundPlugin<?> plugin) {
        return plugin.describe();
    }

    private static String text(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("name");
            out.append(String.format(Locale.ROOT, "%-12s %-10s %s%n", name.isEmpty() ? "(model)" : name, row.get("type"),
                    weightsText(row.get("weights"))));
            for (String column : List.of("activation_in", "activation_out", "weight_faults", "observers")) {
                Object nodes = row.get(column);
                if (!(nodes instanceof List) || ((List<?>) nodes).isEmpty()) {
                    continue;
                }
                for (Object item : (List<?>) nodes) {
                    out.append(String.format(Locale.ROOT, "  %-15s %s%n", column.replace('_', ' '), nodeText(item)));
                }
            }
        }
        return out.toString();
    }

    private static String weightsText(Object weights) {
        List<String> parts = new ArrayList<>();
        ((Map<?, ?>) weights).forEach((name, dims) -> parts.add(name + " " + dims));
        return String.join(", ", parts);
    }

    private static String nodeText(Object item) {
        Map<?, ?> node = (Map<?, ?>) item;
        StringBuilder text = new StringBuilder("#").append(node.get("index"));
        if (node.containsKey("name")) {
            text.append(' ').append(node.get("name"));
        }
        if (node.containsKey("method")) {
            return text.append(' ').append(node.get("method")).append(" (").append(node.get("position")).append(')')
                    .toString();
        }
        text.append(Boolean.TRUE.equals(node.get("enabled")) ? "" : " [disabled]");
        if (node.containsKey("quantization")) {
            text.append(' ').append(node.get("quantization"))
                    .append(Boolean.TRUE.equals(node.get("layerwise")) ? " layerwise" : " fi-only").append(" ->");
        }
        if (node.containsKey("selector")) {
            text.append(' ').append(node.get("selector")).append(" ->");
        }
        return text.append(' ').append(node.get("error_mode")).toString();
    }
}
