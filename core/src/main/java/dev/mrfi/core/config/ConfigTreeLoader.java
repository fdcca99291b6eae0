package dev.mrfi.core.config;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.NameSuggestions;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.problem.CoreErrorId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads per-module configuration trees in the layout the reference's {@code save_config} writes, and
 * validates them with the same messages as an EasyConfig, each at the YAML path of the node (for example
 * {@code sub_modules.conv2.activation.0.selector.args.rate}). Lists may be mappings keyed by index, as
 * the reference writes them, or YAML sequences. Thread-safe.
 */
public final class ConfigTreeLoader {

    /** The keys of a module node. */
    static final List<String> MODULE_KEYS = List.of("activation", "activation_out", "observers", "observers_pre",
            "sub_modules", "weights");
    private static final List<String> ATTRIBUTE_KEYS = List.of("enabled", "error_mode", "name", "quantization",
            "selector", "target");
    private static final List<String> STAGE_KEYS = List.of("args", "method");
    private static final List<String> QUANTIZATION_STAGE_KEYS = List.of("args", "layerwise", "method");

    private final EasyConfigLoader entries;

    /**
     * Creates a loader that resolves plugin names through a registry's block validator.
     *
     * @param blocks the block validator
     */
    public ConfigTreeLoader(PluginBlocks blocks) {
        this.entries = new EasyConfigLoader(Objects.requireNonNull(blocks, "blocks is null"));
    }

    /**
     * Tells whether a parsed document is a configuration tree rather than an EasyConfig: a mapping that
     * has a {@code sub_modules} key, or only module keys.
     *
     * @param document the parsed document
     * @return true for a tree
     */
    public static boolean isTree(Object document) {
        if (!(document instanceof Map) || ((Map<?, ?>) document).isEmpty()) {
            return false;
        }
        Map<?, ?> map = (Map<?, ?>) document;
        return map.containsKey("sub_modules") || MODULE_KEYS.containsAll(map.keySet());
    }

    /**
     * Loads a tree file and binds it to a model.
     *
     * @param file    the YAML or JSON file
     * @param modules the model's modules, root first; every module the file names must be one of them
     * @return the tree
     * @throws ConfigurationException listing every problem with its path
     */
    public ConfigTree load(Path file, List<ModuleDescriptor> modules) {
        return fromDocument(ConfigDocuments.read(file), modules);
    }

    /**
     * Validates a parsed tree document without a model: the modules are the ones the document names,
     * with no type and no weight shapes.
     *
     * @param document the parsed document
     * @return the tree
     * @throws ConfigurationException listing every problem with its path
     */
    public ConfigTree fromDocument(Object document) {
        return fromDocument(document, null);
    }

    /**
     * Validates a parsed tree document and binds it to a model.
     *
     * @param document the parsed document
     * @param modules  the model's modules, root first, or null to take the modules the document names
     * @return the tree
     * @throws ConfigurationException listing every problem with its path
     */
    public ConfigTree fromDocument(Object document, List<ModuleDescriptor> modules) {
        if (!(document instanceof Map)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, "",
                    "a configuration tree must be a mapping of module keys " + MODULE_KEYS + ", got "
                            + ValueTypes.describe(document)));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Parsed> parsed = new LinkedHashMap<>();
        walk((Map<?, ?>) document, "", "", parsed, problems, warnings);

        List<ModuleDescriptor> bound = modules;
        if (bound == null) {
            bound = parsed.keySet().stream().map(name -> new ModuleDescriptor(name, "", Map.of())).toList();
        } else {
            List<String> known = bound.stream().map(ModuleDescriptor::fullName).toList();
            for (Map.Entry<String, Parsed> module : parsed.entrySet()) {
                if (known.contains(module.getKey())) {
                    continue;
                }
                String message = "the model has no module '" + module.getKey() + "'."
                        + NameSuggestions.hint(module.getKey(), known) + " Its modules: "
                        + known.stream().filter(n -> !n.isEmpty()).toList() + ".";
                Parsed settings = module.getValue();
                if (settings.nodes.isEmpty() && settings.observers.isEmpty()) {
                    // an empty node configures nothing; the reference's trees list modules a model may lack
                    warnings.add(settings.path + ": " + message + " It configures nothing; ignored.");
                } else {
                    problems.add(new ConfigProblem(CoreErrorId.NO_MATCHING_MODULE, settings.path, message));
                }
            }
        }
        List<ConfigTree.Node> nodes = new ArrayList<>();
        List<ConfigTree.ObserverNode> observers = new ArrayList<>();
        for (ModuleDescriptor module : bound) {
            Parsed settings = parsed.get(module.fullName());
            if (settings == null) {
                continue;
            }
            for (ConfigTree.Node node : settings.nodes) {
                if (node.hook() == HookType.WEIGHT && modules != null
                        && !module.weights().containsKey(node.weightName())) {
                    problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, (settings.path.equals("(root)") ? "" : settings.path + ".") + "weights." + node.position()
                            + ".name", "module '" + module.fullName() + "' (" + module.typeName() + ") has no weight '"
                            + node.weightName() + "'; it has " + module.weights().keySet() + "."
                            + NameSuggestions.hint(node.weightName(), List.copyOf(module.weights().keySet()))));
                }
                nodes.add(new ConfigTree.Node(module.fullName(), module.typeName(), node.hook(), node.position(),
                        node.entry()));
            }
            observers.addAll(settings.observers);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new ConfigTree(bound, nodes, observers, warnings);
    }

    /** One module's settings as read, before binding. */
    private static final class Parsed {
        final String path;
        final List<ConfigTree.Node> nodes = new ArrayList<>();
        final List<ConfigTree.ObserverNode> observers = new ArrayList<>();

        Parsed(String path) {
            this.path = path;
        }
    }

    private void walk(Map<?, ?> module, String fullName, String path, Map<String, Parsed> parsed,
                      List<ConfigProblem> problems, List<String> warnings) {
        Parsed settings = new Parsed(path.isEmpty() ? "(root)" : path.substring(0, path.length() - 1));
        parsed.put(fullName, settings);
        for (Object key : module.keySet()) {
            if (!(key instanceof String) || !MODULE_KEYS.contains(key)) {
                String name = String.valueOf(key);
                problems.add(new ConfigProblem(CoreErrorId.UNKNOWN_KEY, path + name, "unknown key '" + name
                        + "' in a module node. Allowed: " + MODULE_KEYS + "."
                        + (name.equals("activation_in") ? " The input of a module is 'activation'."
                                : NameSuggestions.hint(name, MODULE_KEYS))));
            }
        }
        for (String hookKey : List.of("activation", "activation_out", "weights")) {
            HookType hook = hookKey.equals("activation") ? HookType.ACTIVATION_IN
                    : hookKey.equals("weights") ? HookType.WEIGHT : HookType.ACTIVATION_OUT;
            for (Map.Entry<Integer, Object> item : indexed(module.get(hookKey), path + hookKey, problems).entrySet()) {
                String itemPath = path + hookKey + "." + item.getKey();
                try {
                    FaultInjectEntry entry = attribute(item.getValue(), item.getKey(), hook, fullName, itemPath, warnings);
                    settings.nodes.add(new ConfigTree.Node(fullName, "", hook, item.getKey(), entry));
                } catch (ConfigurationException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        for (String observerKey : List.of("observers", "observers_pre")) {
            for (Map.Entry<Integer, Object> item : indexed(module.get(observerKey), path + observerKey, problems)
                    .entrySet()) {
                String itemPath = path + observerKey + "." + item.getKey();
                if (!(item.getValue() instanceof Map)) {
                    problems.add(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, itemPath, "an observer must be a mapping"
                            + " with a 'method' key, got " + ValueTypes.describe(item.getValue())));
                    continue;
                }
                Map<Object, Object> raw = new LinkedHashMap<>((Map<?, ?>) item.getValue());
                raw.remove("position");
                raw.put("position", observerKey.equals("observers_pre") ? "pre" : "after");
                raw.put("module_fullname", fullName);
                try {
                    ObserveEntry entry = entries.observeEntry(item.getKey(), raw, itemPath);
                    settings.observers.add(new ConfigTree.ObserverNode(fullName, observerKey.equals("observers_pre"),
                            item.getKey(), entry.observer(), entry.input()));
                } catch (ConfigurationException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        Object children = module.get("sub_modules");
        if (children == null) {
            return;
        }
        if (!(children instanceof Map)) {
            problems.add(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, path + "sub_modules",
                    "expected a mapping of module names to module nodes, got " + ValueTypes.describe(children)));
            return;
        }
        for (Map.Entry<?, ?> child : ((Map<?, ?>) children).entrySet()) {
            String name = String.valueOf(child.getKey());
            String childPath = path + "sub_modules." + name;
            if (child.getValue() == null) {
                walk(Map.of(), fullName.isEmpty() ? name : fullName + "." + name, childPath + ".", parsed, problems,
                        warnings);
            } else if (!(child.getValue() instanceof Map)) {
                problems.add(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, childPath, "a module node must be a mapping"
                        + " of " + MODULE_KEYS + ", got " + ValueTypes.describe(child.getValue())));
            } else {
                walk((Map<?, ?>) child.getValue(), fullName.isEmpty() ? name : fullName + "." + name, childPath + ".",
                        parsed, problems, warnings);
            }
        }
    }

    /** Reads a list node: a mapping keyed by index (the reference's form) or a YAML sequence. */
    private static Map<Integer, Object> indexed(Object raw, String path, List<ConfigProblem> problems) {
        Map<Integer, Object> items = new LinkedHashMap<>();
        if (raw == null) {
            return items;
        }
        if (raw instanceof List) {
            List<?> list = (List<?>) raw;
            for (int i = 0; i < list.size(); i++) {
                items.put(i, list.get(i));
            }
            return items;
        }
        if (!(raw instanceof Map)) {
            problems.add(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, path, "expected a mapping keyed by index"
                    + " (0: {...}) or a list, got " + ValueTypes.describe(raw)));
            return items;
        }
        for (Map.Entry<?, ?> item : ((Map<?, ?>) raw).entrySet()) {
            String key = String.valueOf(item.getKey());
            if (!key.matches("\\d{1,6}")) {
                problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, path + "." + key, "list keys are indices"
                        + " (0, 1, ...), got '" + key + "'"));
                continue;
            }
            items.put(Integer.parseInt(key), item.getValue());
        }
        return items;
    }

    /**
     * Turns one injector node into an EasyConfig entry addressed to its module and validates it, then
     * moves the paths of parameter problems under {@code args}, where they are in the file.
     */
    private FaultInjectEntry attribute(Object raw, int index, HookType hook, String module, String path,
                                       List<String> warnings) {
        if (!(raw instanceof Map)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, path, "an injector node must"
                    + " be a mapping of " + ATTRIBUTE_KEYS + ", got " + ValueTypes.describe(raw)));
        }
        Map<?, ?> attributes = (Map<?, ?>) raw;
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", hook.label());
        entry.put("module_fullname", module);
        for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
            String key = String.valueOf(attribute.getKey());
            Object value = attribute.getValue();
            switch (key) {
                case "enabled" -> entry.put("enabled", value);
                case "target" -> entry.put("target", value);
                case "name" -> {
                    if (hook != HookType.WEIGHT) {
                        problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, path + ".name",
                                "'name' names the weight of a node under 'weights', not of an activation node"));
                    } else {
                        entry.put("name", value);
                    }
                }
                case "quantization", "selector", "error_mode" -> {
                    Map<String, Object> block = flatten(value, path + "." + key,
                            key.equals("quantization") ? QUANTIZATION_STAGE_KEYS : STAGE_KEYS, problems);
                    if (block != null) {
                        entry.put(key, block);
                    }
                }
                default -> problems.add(new ConfigProblem(CoreErrorId.UNKNOWN_KEY, path + "." + key, "unknown key '" + key
                        + "' in an injector node. Allowed: " + ATTRIBUTE_KEYS + "." + NameSuggestions.hint(key,
                        ATTRIBUTE_KEYS)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        try {
            return entries.entry(index, entry, path, false, warnings);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.problems().stream().map(p -> underArgs(p, path)).toList());
        }
    }

    private static Map<String, Object> flatten(Object raw, String path, List<String> allowed,
                                               List<ConfigProblem> problems) {
        if (!(raw instanceof Map)) {
            problems.add(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, path, "expected a mapping with 'method' and"
                    + " 'args', got " + ValueTypes.describe(raw)));
            return null;
        }
        Map<String, Object> block = new LinkedHashMap<>();
        for (Map.Entry<?, ?> item : ((Map<?, ?>) raw).entrySet()) {
            String key = String.valueOf(item.getKey());
            if (!allowed.contains(key)) {
                problems.add(new ConfigProblem(CoreErrorId.UNKNOWN_KEY, path + "." + key, "unknown key '" + key + "'."
                        + " Allowed: " + allowed + "; parameters go under 'args'." + NameSuggestions.hint(key, allowed)));
            } else if (key.equals("args")) {
                if (item.getValue() != null && !(item.getValue() instanceof Map)) {
                    problems.add(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, path + ".args", "expected a mapping of"
                            + " parameters, got " + ValueTypes.describe(item.getValue())));
                } else if (item.getValue() != null) {
                    for (Map.Entry<?, ?> arg : ((Map<?, ?>) item.getValue()).entrySet()) {
                        String name = String.valueOf(arg.getKey());
                        if (Set.of("method", "layerwise").contains(name)) {
                            problems.add(new ConfigProblem(CoreErrorId.UNKNOWN_KEY, path + ".args." + name,
                                    "'" + name + "' belongs beside 'args', not inside it"));
                        } else {
                            block.put(name, arg.getValue());
                        }
                    }
                }
            } else {
                block.put(key, item.getValue());
            }
        }
        return block;
    }

    /** Moves {@code path.stage.param} to {@code path.stage.args.param}, where parameters are in a tree. */
    private static ConfigProblem underArgs(ConfigProblem problem, String path) {
        for (String stage : List.of(".quantization.", ".selector.", ".error_mode.")) {
            String prefix = path + stage;
            if (problem.path().startsWith(prefix)) {
                String rest = problem.path().substring(prefix.length());
                if (!rest.equals("method") && !rest.equals("layerwise") && !rest.startsWith("args.")) {
                    return new ConfigProblem(problem.id(), prefix + "args." + rest, problem.message());
                }
            }
        }
        return problem;
    }
}
