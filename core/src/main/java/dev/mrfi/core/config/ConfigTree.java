package dev.mrfi.core.config;

import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.observer.ObserverProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A configuration bound to a model: one node per module with its own injector settings for activation
 * in, activation out and each weight, and its observers, as the reference's per-module configuration
 * tree. Immutable; the {@code with...} methods edit every node a {@link NodeQuery} finds at once (the
 * reference's broadcasting assignment) and return a new tree.
 *
 * <p>Build one with {@link #bind(EasyConfig, List)} from an EasyConfig, or load a tree file with
 * {@link ConfigTreeLoader}. {@link #toEasyConfig()} gives the equivalent flat configuration that the
 * engine plans from: one entry per node, addressed to its module by full name, numbered by the node's
 * index in its module's list (which names its random streams, as {@code #0} does for an EasyConfig's
 * first entry). {@link #toYaml()} writes the reference's {@code save_config} format.
 */
public final class ConfigTree {

    private final List<ModuleDescriptor> modules;
    private final List<Node> nodes;
    private final List<ObserverNode> observers;
    private final List<String> warnings;

    /**
     * One injector of one module.
     *
     * @param module   the module's full name
     * @param type     the module's type name, or empty when the tree was loaded without a model
     * @param hook     where it acts
     * @param position its index in the module's list for that hook
     * @param entry    its settings: quantization, selector, error mode, enable flag
     */
    public record Node(String module, String type, HookType hook, int position, FaultInjectEntry entry) {

        /**
         * Returns the weight a weight node faults.
         *
         * @return the parameter name, or empty for activation nodes
         */
        public String weightName() {
            return hook == HookType.WEIGHT ? entry.weightNames().get(0) : "";
        }
    }

    /**
     * One observer of one module.
     *
     * @param module   the module's full name
     * @param pre      true for the module's input ({@code observers_pre}), false for its output
     * @param position its index in the module's list
     * @param observer the observer and its parameters
     * @param input    which input of a module with several inputs it watches ({@code index}); 0 otherwise
     */
    public record ObserverNode(String module, boolean pre, int position, BoundPlugin<ObserverProvider> observer,
                               int input) {

        /**
         * A node that watches the module's first (or only) input, or its output.
         *
         * @param module   the module's full name
         * @param pre      true for the module's input, false for its output
         * @param position its index in the module's list
         * @param observer the observer and its parameters
         */
        public ObserverNode(String module, boolean pre, int position, BoundPlugin<ObserverProvider> observer) {
            this(module, pre, position, observer, 0);
        }
    }

    ConfigTree(List<ModuleDescriptor> modules, List<Node> nodes, List<ObserverNode> observers, List<String> warnings) {
        this.modules = List.copyOf(modules);
        this.nodes = List.copyOf(nodes);
        this.observers = List.copyOf(observers);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Expands an EasyConfig over a model's modules, as the reference does when it wraps a model: each
     * entry is copied to every module it matches, weight entries once per weight name the module has.
     *
     * @param config  the validated configuration
     * @param modules the model's modules, root first
     * @return the tree
     */
    public static ConfigTree bind(EasyConfig config, List<ModuleDescriptor> modules) {
        List<Node> nodes = new ArrayList<>();
        List<ObserverNode> observers = new ArrayList<>();
        for (ModuleDescriptor module : modules) {
            for (HookType hook : HookType.values()) {
                int position = 0;
                for (FaultInjectEntry entry : config.faultInject()) {
                    if (entry.hook() != hook || !entry.matcher().matches(module.fullName(), module.typeName())) {
                        continue;
                    }
                    List<List<String>> targets = new ArrayList<>();
                    if (hook == HookType.WEIGHT) {
                        entry.weightNames().stream().filter(module.weights()::containsKey).forEach(w -> targets.add(List.of(w)));
                    } else {
                        targets.add(entry.weightNames());
                    }
                    for (List<String> weights : targets) {
                        nodes.add(new Node(module.fullName(), module.typeName(), hook, position,
                                entry.relocated(position, exactly(module.fullName()), weights)));
                        position++;
                    }
                }
            }
            for (boolean pre : new boolean[] {false, true}) {
                int position = 0;
                for (ObserveEntry entry : config.observe()) {
                    if (entry.pre() == pre && entry.matcher().matches(module.fullName(), module.typeName())) {
                        observers.add(new ObserverNode(module.fullName(), pre, position++, entry.observer(), entry.input()));
                    }
                }
            }
        }
        return new ConfigTree(modules, nodes, observers, config.warnings());
    }

    static ModuleMatcher exactly(String fullName) {
        return new ModuleMatcher(List.of(), List.of(), List.of(fullName));
    }

    /**
     * Returns the modules the tree has a node for, root first, in model order.
     *
     * @return the modules
     */
    public List<ModuleDescriptor> modules() {
        return modules;
    }

    /**
     * Returns every injector node, by module in model order, then activation in, activation out, weights.
     *
     * @return the nodes
     */
    public List<Node> nodes() {
        return nodes;
    }

    /**
     * Returns the injector nodes a query finds ({@code get_configs}).
     *
     * @param query which nodes
     * @return the nodes, in tree order
     */
    public List<Node> nodes(NodeQuery query) {
        return nodes.stream().filter(query::matches).toList();
    }

    /**
     * Returns every observer node.
     *
     * @return the observers, by module in model order
     */
    public List<ObserverNode> observers() {
        return observers;
    }

    /**
     * Returns non-fatal findings made while building the tree.
     *
     * @return the warnings
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Edits every node a query finds.
     *
     * @param query which nodes
     * @param edit  the edit of each node's settings
     * @return the edited tree
     * @throws ConfigurationException if an edit is invalid for some node
     */
    public ConfigTree with(NodeQuery query, UnaryOperator<FaultInjectEntry> edit) {
        List<Node> edited = new ArrayList<>();
        for (Node node : nodes) {
            edited.add(query.matches(node)
                    ? new Node(node.module(), node.type(), node.hook(), node.position(), edit.apply(node.entry()))
                    : node);
        }
        return new ConfigTree(modules, edited, observers, warnings);
    }

    /**
     * Enables or disables every node a query finds ("enable only layer 3" is
     * {@code withEnabled(all(), false).withEnabled(all().named("conv3"), true)}).
     *
     * @param query   which nodes
     * @param enabled the flag
     * @return the edited tree
     */
    public ConfigTree withEnabled(NodeQuery query, boolean enabled) {
        return with(query, e -> e.withEnabled(enabled));
    }

    /**
     * Sets the rate of every rate-driven selector among the nodes a query finds; other nodes stay.
     *
     * @param query which nodes
     * @param rate  the rate, a probability
     * @return the edited tree
     * @throws ConfigurationException if the rate is out of a selector's range
     */
    public ConfigTree withRate(NodeQuery query, double rate) {
        return with(query, e -> e.withRate(rate));
    }

    /**
     * Sets the quantization range of the nodes a query finds, where the scheme has a range.
     *
     * @param query which nodes
     * @param range the range
     * @return the edited tree
     * @throws ConfigurationException if the range is out of a scheme's range
     */
    public ConfigTree withDynamicRange(NodeQuery query, DynamicRange range) {
        return with(query, e -> e.withDynamicRange(range));
    }

    /**
     * Returns the flat configuration the engine plans from: one entry per node, addressed to its module
     * by full name and numbered by its index in the module's list; observers likewise.
     *
     * @return the configuration
     */
    public EasyConfig toEasyConfig() {
        List<FaultInjectEntry> entries = new ArrayList<>();
        for (Node node : nodes) {
            entries.add(node.entry().relocated(node.position(), exactly(node.module()), node.entry().weightNames()));
        }
        List<ObserveEntry> observe = new ArrayList<>();
        for (ObserverNode node : observers) {
            observe.add(new ObserveEntry(node.position(), node.observer(), node.pre(), exactly(node.module()), node.input()));
        }
        return new EasyConfig(entries, observe, OptionalLong.empty(), false, warnings);
    }

    /**
     * Returns the tree as plain document data in the reference's {@code save_config} layout: the root
     * module's keys at the top, {@code sub_modules} nested by the dots of the full names, lists as
     * mappings keyed by integer index, every module present, keys sorted.
     *
     * @return the document
     */
    public Map<String, Object> toDocument() {
        Map<String, Object> root = emptyModule();
        for (ModuleDescriptor module : modules) {
            moduleNode(root, module.fullName());
        }
        for (Node node : nodes) {
            Map<String, Object> attributes = new TreeMap<>();
            FaultInjectEntry entry = node.entry();
            attributes.put("enabled", entry.enabled());
            entry.quantization().ifPresent(q -> {
                Map<String, Object> stage = stage(q.plugin());
                stage.put("layerwise", entry.layerwise());
                attributes.put("quantization", stage);
            });
            entry.selector().ifPresent(s -> attributes.put("selector", stage(s.plugin())));
            attributes.put("error_mode", stage(entry.errorMode().plugin()));
            if (entry.target() != InjectionTarget.VALUES) {
                attributes.put("target", entry.target().label());
            }
            String key = switch (node.hook()) {
                case ACTIVATION_IN -> "activation";
                case ACTIVATION_OUT -> "activation_out";
                case WEIGHT -> "weights";
            };
            if (node.hook() == HookType.WEIGHT) {
                attributes.put("name", node.weightName());
            }
            list(moduleNode(root, node.module()), key).put(node.position(), attributes);
        }
        for (ObserverNode node : observers) {
            Map<String, Object> attributes = new TreeMap<>(parameters(node.observer()));
            attributes.put("method", node.observer().provider().name());
            if (node.input() != 0) {
                attributes.put("index", node.input());
            }
            list(moduleNode(root, node.module()), node.pre() ? "observers_pre" : "observers")
                    .put(node.position(), attributes);
        }
        return root;
    }

    /**
     * Returns the tree as YAML in the reference's {@code save_config} layout; {@link ConfigTreeLoader}
     * reads it back into an equal tree.
     *
     * @return the YAML text
     */
    public String toYaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        // SnakeYAML writes integer keys bare (0:), as the reference's files have them
        return new Yaml(options).dump(toDocument());
    }

    /**
     * Saves the tree as YAML: written to a temporary file beside the target, then moved over it, so the
     * target is either the old file or the whole new one.
     *
     * @param file the target
     * @throws UncheckedIOException if the file cannot be written
     */
    public void save(Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, toYaml());
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A module node with every key present: lists keyed by integer index, sub-modules by name. */
    private static Map<String, Object> emptyModule() {
        Map<String, Object> module = new TreeMap<>();
        for (String key : ConfigTreeLoader.MODULE_KEYS) {
            module.put(key, key.equals("sub_modules") ? new TreeMap<String, Object>() : new TreeMap<Integer, Object>());
        }
        return module;
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, Object> list(Map<String, Object> module, String key) {
        return (Map<Integer, Object>) module.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> children(Map<String, Object> module) {
        return (Map<String, Object>) module.get("sub_modules");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> moduleNode(Map<String, Object> root, String fullName) {
        Map<String, Object> node = root;
        if (fullName.isEmpty()) {
            return node;
        }
        for (String segment : fullName.split("\\.", -1)) {
            node = (Map<String, Object>) children(node).computeIfAbsent(segment, k -> emptyModule());
        }
        return node;
    }

    private static Map<String, Object> stage(BoundPlugin<?> plugin) {
        Map<String, Object> stage = new TreeMap<>();
        stage.put("method", plugin.provider().name());
        stage.put("args", new TreeMap<>(parameters(plugin)));
        return stage;
    }

    /** The explicitly given parameters as plain data, by the parameter types' own conversion. */
    static Map<String, Object> parameters(BoundPlugin<? extends PluginProvider> plugin) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> value : plugin.config().values().entrySet()) {
            ParameterSpec<?> spec = plugin.provider().parameters().find(value.getKey()).orElseThrow();
            values.put(value.getKey(), plain(spec, value.getValue()));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> Object plain(ParameterSpec<T> spec, Object value) {
        return spec.type().toDocument((T) value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigTree && toYaml().equals(((ConfigTree) other).toYaml())
                && moduleNames().equals(((ConfigTree) other).moduleNames());
    }

    private List<String> moduleNames() {
        return modules.stream().map(ModuleDescriptor::fullName).toList();
    }

    @Override
    public int hashCode() {
        return Objects.hash(toYaml(), moduleNames());
    }

    @Override
    public String toString() {
        return "ConfigTree(" + modules.size() + " modules, " + nodes.size() + " injector nodes, " + observers.size()
                + " observers)";
    }
}
