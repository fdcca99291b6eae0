package dev.mrfi.core.config;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.NameSuggestions;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.core.problem.CoreErrorId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates EasyConfig documents. Every problem of a document, in every block, is collected
 * into one {@link ConfigurationException} with YAML paths. Thread-safe.
 */
public final class EasyConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(EasyConfigLoader.class);

    private static final List<String> TOP_KEYS = List.of("faultinject", "observe", "seed", "allow_inconsistent_bit_width");
    private static final List<String> ENTRY_KEYS = List.of("type", "enabled", "name", "quantization", "selector",
            "error_mode", "module_name", "module_type", "module_fullname", "activationid", "target");
    private static final Set<String> OBSERVE_ENTRY_KEYS = Set.of("position", "index", "module_name",
            "module_type", "module_fullname");

    private final PluginBlocks blocks;

    /**
     * Creates a loader that resolves plugin names through a registry's block validator, usually
     * {@code blocks}.
     *
     * @param blocks the block validator
     */
    public EasyConfigLoader(PluginBlocks blocks) {
        this.blocks = Objects.requireNonNull(blocks, "blocks is null");
    }

    /**
     * Loads a YAML or JSON file.
     *
     * @param file the file
     * @return the validated configuration
     * @throws ConfigurationException listing every problem
     */
    public EasyConfig load(Path file) {
        return fromDocument(ConfigDocuments.read(file));
    }

    /**
     * Loads YAML or JSON text.
     *
     * @param text   the document
     * @param source a name for messages
     * @return the validated configuration
     * @throws ConfigurationException listing every problem
     */
    public EasyConfig parse(String text, String source) {
        return fromDocument(ConfigDocuments.parse(text, source));
    }

    /**
     * Loads a built-in preset by name.
     *
     * @param name one of {@link Presets#NAMES}
     * @return the validated configuration
     * @throws ConfigurationException for an unknown name
     */
    public EasyConfig preset(String name) {
        return parse(Presets.text(name), "preset " + name);
    }

    /**
     * Validates a parsed document.
     *
     * @param document plain values as produced by {@link ConfigDocuments}
     * @return the validated configuration
     * @throws ConfigurationException listing every problem
     */
    public EasyConfig fromDocument(Object document) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (document == null) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.MISSING_KEY, "",
                    "the configuration is empty. Expected a mapping with 'faultinject' and/or 'observe' lists."));
        }
        if (!(document instanceof Map)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, "",
                    "the configuration must be a mapping with 'faultinject' and/or 'observe' lists, got "
                            + ValueTypes.describe(document)));
        }
        Map<?, ?> top = (Map<?, ?>) document;
        checkKeys(top, "", TOP_KEYS, problems);
        if (!top.containsKey("faultinject") && !top.containsKey("observe")) {
            problems.add(new ConfigProblem(CoreErrorId.MISSING_KEY, "faultinject",
                    "the configuration has neither a 'faultinject' nor an 'observe' list"));
        }
        OptionalLong seed = OptionalLong.empty();
        if (top.get("seed") != null) {
            Object raw = top.get("seed");
            if (raw instanceof Long || raw instanceof Integer) {
                seed = OptionalLong.of(((Number) raw).longValue());
            } else {
                problems.add(new ConfigProblem(ErrorId.WRONG_TYPE, "seed", "expected an integer seed, got "
                        + ValueTypes.describe(raw)));
            }
        }
        boolean allowInconsistent = bool(top, "allow_inconsistent_bit_width", "", false, problems);
        List<FaultInjectEntry> entries = new ArrayList<>();
        for (Map.Entry<Integer, Object> item : list(top, "faultinject", "", problems).entrySet()) {
            String path = "faultinject[" + item.getKey() + "]";
            try {
                entries.add(entry(item.getKey(), item.getValue(), path, allowInconsistent, warnings));
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        List<ObserveEntry> observers = new ArrayList<>();
        for (Map.Entry<Integer, Object> item : list(top, "observe", "", problems).entrySet()) {
            String path = "observe[" + item.getKey() + "]";
            try {
                observers.add(observeEntry(item.getKey(), item.getValue(), path));
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        for (String warning : warnings) {
            LOG.warn(warning);
        }
        return new EasyConfig(entries, observers, seed, allowInconsistent, warnings);
    }

    FaultInjectEntry entry(int index, Object raw, String path, boolean allowInconsistent, List<String> warnings) {
        Map<?, ?> map = mapping(raw, path, "an injector entry");
        List<ConfigProblem> problems = new ArrayList<>();
        checkKeys(map, path, ENTRY_KEYS, problems);
        if (map.containsKey("activationid")) {
            warnings.add(path + ".activationid: legacy key, ignored");
        }
        HookType hook = null;
        Object type = map.get("type");
        if (type == null) {
            problems.add(new ConfigProblem(CoreErrorId.MISSING_KEY, path + ".type",
                    "the entry has no 'type'. Allowed: " + HookType.SPELLINGS + "."));
        } else if (!(type instanceof String) || HookType.parse((String) type).isEmpty()) {
            problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, path + ".type", "unknown type "
                    + ValueTypes.describe(type) + ". Allowed: " + HookType.SPELLINGS + "."
                    + (type instanceof String ? NameSuggestions.hint((String) type, HookType.SPELLINGS) : "")));
        } else {
            hook = HookType.parse((String) type).get();
        }
        boolean enabled = bool(map, "enabled", path, true, problems);
        List<String> weightNames = List.of("weight");
        if (map.containsKey("name")) {
            if (hook != null && hook != HookType.WEIGHT) {
                problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, path + ".name",
                        "'name' selects weight tensors and applies only to entries of type weight"));
            } else {
                weightNames = strings(map.get("name"), path + ".name", problems);
                if (weightNames.isEmpty()) {
                    problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, path + ".name",
                            "the list of weight names is empty. Example: [weight, bias]"));
                }
            }
        }
        ModuleMatcher matcher = matcher(map, path, problems);
        if (matcher.isEmpty()) {
            problems.add(new ConfigProblem(CoreErrorId.MISSING_KEY, path + ".module_name",
                    "the entry names no modules. Give module_name, module_type or module_fullname"
                            + " (module_name: '' matches every module)."));
        }

        Optional<FaultInjectEntry.Bound<QuantizationProvider, Quantization>> quantization = Optional.empty();
        boolean layerwise = true;
        if (map.get("quantization") != null) {
            Object block = map.get("quantization");
            if (block instanceof Map) {
                layerwise = bool((Map<?, ?>) block, "layerwise", path + ".quantization", true, problems);
            }
            quantization = build(PluginKind.QUANTIZATION, QuantizationProvider.class, block, path + ".quantization",
                    PluginBlocks.QUANTIZATION_ENTRY_KEYS, problems);
        }
        Optional<FaultInjectEntry.Bound<SelectorProvider, Selector>> selector = Optional.empty();
        if (map.get("selector") != null) {
            selector = build(PluginKind.SELECTOR, SelectorProvider.class, map.get("selector"), path + ".selector",
                    Set.of(), problems);
        }
        Optional<FaultInjectEntry.Bound<ErrorModeProvider, ErrorMode>> errorMode = Optional.empty();
        if (map.get("error_mode") == null) {
            problems.add(new ConfigProblem(CoreErrorId.MISSING_KEY, path + ".error_mode",
                    "the entry has no 'error_mode'. Available: "
                            + blocks.registry().canonicalNames(PluginKind.ERROR_MODE) + "."));
        } else {
            errorMode = build(PluginKind.ERROR_MODE, ErrorModeProvider.class, map.get("error_mode"),
                    path + ".error_mode", Set.of(), problems);
        }
        InjectionTarget target = target(map.get("target"), path, problems);
        boolean quantizationFailed = map.get("quantization") != null && quantization.isEmpty();
        if (errorMode.isPresent() && !quantizationFailed && target.includesValues()) {
            checkCodes(path, quantization, errorMode.get(), allowInconsistent, problems, warnings);
        }
        if (target.includesScales() && !quantizationFailed) {
            ScaleTargets.check(path, quantization, layerwise, errorMode, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new FaultInjectEntry(index, hook, weightNames, enabled, matcher, quantization, layerwise, selector,
                errorMode.get(), target);
    }

    private static InjectionTarget target(Object raw, String path, List<ConfigProblem> problems) {
        if (raw == null) {
            return InjectionTarget.VALUES;
        }
        Optional<InjectionTarget> target = raw instanceof String ? InjectionTarget.parse((String) raw) : Optional.empty();
        if (target.isEmpty()) {
            problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, path + ".target", "unknown target "
                    + ValueTypes.describe(raw) + ". Allowed: " + InjectionTarget.SPELLINGS + "."
                    + (raw instanceof String ? NameSuggestions.hint((String) raw, InjectionTarget.SPELLINGS) : "")));
            return InjectionTarget.VALUES;
        }
        return target.get();
    }

    private static void checkCodes(String path,
                                   Optional<FaultInjectEntry.Bound<QuantizationProvider, Quantization>> quantization,
                                   FaultInjectEntry.Bound<ErrorModeProvider, ErrorMode> errorMode,
                                   boolean allowInconsistent, List<ConfigProblem> problems, List<String> warnings) {
        Optional<IntegerCode> expected = errorMode.operator().code();
        if (expected.isEmpty()) {
            return;
        }
        if (quantization.isEmpty()) {
            problems.add(new ConfigProblem(CoreErrorId.MISSING_QUANTIZATION, path + ".error_mode",
                    errorMode.name() + " flips bits of integer codes, but the entry has no quantization."
                            + " Add a quantization block, or use a float error mode such as FloatRandomBitFlip."));
            return;
        }
        IntegerCode produced = quantization.get().operator().code();
        IntegerCode read = expected.get();
        boolean consistent = produced.equals(read)
                || (!produced.signed() && read.signed() && read.bitWidth() == produced.bitWidth() + 1);
        if (consistent) {
            return;
        }
        String fix = produced.signed()
                ? "Set error_mode.bit_width to " + produced.bitWidth() + (read.signed() ? "" : " with signed: true")
                : "Set error_mode.bit_width to " + produced.bitWidth() + " with signed: false (or "
                        + (produced.bitWidth() + 1) + " with signed: true)";
        String message = errorMode.name() + " reads " + withArticle(read) + " code but " + quantization.get().name()
                + " produces " + withArticle(produced) + " code. " + fix
                + ", or set allow_inconsistent_bit_width: true to reproduce a reference experiment exactly.";
        if (allowInconsistent) {
            warnings.add(path + ".error_mode.bit_width: " + message);
        } else {
            problems.add(new ConfigProblem(CoreErrorId.INCONSISTENT_BIT_WIDTH, path + ".error_mode.bit_width", message));
        }
    }

    private static String withArticle(IntegerCode code) {
        return (code.signed() ? "a " : "an ") + code;
    }

    private <P extends PluginProvider, O> Optional<FaultInjectEntry.Bound<P, O>> build(
            PluginKind kind, Class<P> type, Object block, String path, Set<String> reserved,
            List<ConfigProblem> problems) {
        Optional<BoundPlugin<P>> bound = blocks.bindCollecting(kind, type, block, path, reserved, problems);
        if (bound.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Operators.create(bound.get()));
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }

    /**
     * Replaces (or, with {@code updateOnly}, updates) an entry's quantization block, as the reference's
     * {@code EasyConfig.set_quantization}; the entry is validated again, code widths included.
     *
     * @param config     the configuration
     * @param index      the entry's position
     * @param block      the block: {@code method} and parameters (and {@code layerwise}); with
     *                   {@code updateOnly}, only the keys to change
     * @param updateOnly true to merge into the existing block
     * @return the edited configuration
     * @throws ConfigurationException if the edited entry is invalid, or there is no block to update
     */
    public EasyConfig setQuantization(EasyConfig config, int index, Map<String, ?> block, boolean updateOnly) {
        return setBlock(config, index, "quantization", block, updateOnly);
    }

    /**
     * Replaces or updates an entry's selector block ({@code EasyConfig.set_selector}).
     *
     * @param config     the configuration
     * @param index      the entry's position
     * @param block      the block, or with {@code updateOnly} the keys to change
     * @param updateOnly true to merge into the existing block
     * @return the edited configuration
     * @throws ConfigurationException if the edited entry is invalid, or there is no block to update
     */
    public EasyConfig setSelector(EasyConfig config, int index, Map<String, ?> block, boolean updateOnly) {
        return setBlock(config, index, "selector", block, updateOnly);
    }

    /**
     * Replaces or updates an entry's error mode block ({@code EasyConfig.set_error_mode}).
     *
     * @param config     the configuration
     * @param index      the entry's position
     * @param block      the block, or with {@code updateOnly} the keys to change
     * @param updateOnly true to merge into the existing block
     * @return the edited configuration
     * @throws ConfigurationException if the edited entry is invalid
     */
    public EasyConfig setErrorMode(EasyConfig config, int index, Map<String, ?> block, boolean updateOnly) {
        return setBlock(config, index, "error_mode", block, updateOnly);
    }

    /**
     * Sets which modules an entry applies to ({@code EasyConfig.set_module_used}): the matchers given
     * replace all three, so a matcher not given is removed, as in the reference.
     *
     * @param config    the configuration
     * @param index     the entry's position
     * @param types     {@code module_type} values
     * @param names     {@code module_name} values
     * @param fullNames {@code module_fullname} values
     * @return the edited configuration
     * @throws ConfigurationException if all three are empty
     */
    public EasyConfig setModuleUsed(EasyConfig config, int index, List<String> types, List<String> names,
                                    List<String> fullNames) {
        Map<String, Object> raw = document(config.faultInject().get(index));
        raw.remove("module_type");
        raw.remove("module_name");
        raw.remove("module_fullname");
        if (!types.isEmpty()) {
            raw.put("module_type", List.copyOf(types));
        }
        if (!names.isEmpty()) {
            raw.put("module_name", List.copyOf(names));
        }
        if (!fullNames.isEmpty()) {
            raw.put("module_fullname", List.copyOf(fullNames));
        }
        return rebuild(config, index, raw);
    }

    /**
     * Replaces or updates several blocks of an entry at once, so that a change that must happen together
     * (a quantization's and its error mode's bit width) is validated only in its final state.
     *
     * @param config     the configuration
     * @param index      the entry's position
     * @param blocks     blocks by key: {@code quantization}, {@code selector}, {@code error_mode}
     * @param updateOnly true to merge each into the existing block
     * @return the edited configuration
     * @throws ConfigurationException if the edited entry is invalid, or there is no block to update
     */
    public EasyConfig setBlocks(EasyConfig config, int index, Map<String, ? extends Map<String, ?>> blocks,
                                boolean updateOnly) {
        Map<String, Object> raw = document(config.faultInject().get(index));
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, ? extends Map<String, ?>> item : blocks.entrySet()) {
            String key = item.getKey();
            String path = "faultinject[" + index + "]." + key;
            if (!List.of("quantization", "selector", "error_mode").contains(key)) {
                problems.add(new ConfigProblem(CoreErrorId.UNKNOWN_KEY, path, "unknown block '" + key
                        + "'. Allowed: [error_mode, quantization, selector]."
                        + NameSuggestions.hint(key, List.of("error_mode", "quantization", "selector"))));
            } else if (updateOnly && !(raw.get(key) instanceof Map)) {
                problems.add(new ConfigProblem(CoreErrorId.MISSING_KEY, path, "the entry has no " + key
                        + " block to update; give the whole block instead"));
            } else if (updateOnly) {
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) raw.get(key));
                merged.putAll(item.getValue());
                raw.put(key, merged);
            } else {
                raw.put(key, new LinkedHashMap<>(item.getValue()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return rebuild(config, index, raw);
    }

    private EasyConfig setBlock(EasyConfig config, int index, String key, Map<String, ?> block, boolean updateOnly) {
        return setBlocks(config, index, Map.of(key, block), updateOnly);
    }

    private EasyConfig rebuild(EasyConfig config, int index, Map<String, Object> raw) {
        List<String> warnings = new ArrayList<>();
        FaultInjectEntry edited = entry(index, raw, "faultinject[" + index + "]", config.allowInconsistentBitWidth(),
                warnings);
        warnings.forEach(LOG::warn);
        return config.withEntry(index, e -> edited);
    }

    /** An entry as plain document data, its parameters converted by their types. */
    static Map<String, Object> document(FaultInjectEntry entry) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("type", entry.hook().label());
        raw.put("enabled", entry.enabled());
        if (entry.hook() == HookType.WEIGHT) {
            raw.put("name", entry.weightNames());
        }
        if (!entry.matcher().names().isEmpty()) {
            raw.put("module_name", entry.matcher().names());
        }
        if (!entry.matcher().types().isEmpty()) {
            raw.put("module_type", entry.matcher().types());
        }
        if (!entry.matcher().fullNames().isEmpty()) {
            raw.put("module_fullname", entry.matcher().fullNames());
        }
        entry.quantization().ifPresent(q -> {
            Map<String, Object> block = block(q.plugin());
            block.put("layerwise", entry.layerwise());
            raw.put("quantization", block);
        });
        entry.selector().ifPresent(s -> raw.put("selector", block(s.plugin())));
        raw.put("error_mode", block(entry.errorMode().plugin()));
        if (entry.target() != InjectionTarget.VALUES) {
            raw.put("target", entry.target().label());
        }
        return raw;
    }

    private static Map<String, Object> block(BoundPlugin<?> plugin) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("method", plugin.provider().name());
        block.putAll(ConfigTree.parameters(plugin));
        return block;
    }

    /**
     * Binds an observer by its plugin name with default parameters, for experiments that add observers
     * to a configuration ({@link EasyConfig#withObserver}).
     *
     * @param method  the observer's name or alias, for example {@code RMSE}
     * @param pre     true to observe module inputs, false for outputs
     * @param matcher which modules it observes
     * @return the entry
     * @throws ConfigurationException for an unknown name, with a suggestion
     */
    public ObserveEntry observer(String method, boolean pre, ModuleMatcher matcher) {
        BoundPlugin<ObserverProvider> plugin = blocks.bind(PluginKind.OBSERVER, ObserverProvider.class,
                Map.of("method", method), "observe", Set.of());
        return new ObserveEntry(0, plugin, pre, matcher);
    }

    ObserveEntry observeEntry(int index, Object raw, String path) {
        Map<?, ?> map = mapping(raw, path, "an observer entry");
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<BoundPlugin<ObserverProvider>> observer = blocks.bindCollecting(PluginKind.OBSERVER,
                ObserverProvider.class, map, path, OBSERVE_ENTRY_KEYS, problems);
        boolean pre = false;
        Object position = map.get("position");
        if (position != null) {
            if ("pre".equals(position)) {
                pre = true;
            } else if (!"after".equals(position)) {
                problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, path + ".position", "unknown position "
                        + ValueTypes.describe(position) + ". Allowed: [after, pre]."));
            }
        }
        int input = 0;
        if (map.get("index") != null) {
            Object value = map.get("index");
            if (!(value instanceof Long) || (Long) value < 0 || (Long) value > Integer.MAX_VALUE) {
                problems.add(new ConfigProblem(ErrorId.OUT_OF_RANGE, path + ".index", "must be a whole number >= 0"
                        + " (which input of a module with several inputs), got " + ValueTypes.describe(value)));
            } else if (!pre && (Long) value != 0L) {
                problems.add(new ConfigProblem(ErrorId.OUT_OF_RANGE, path + ".index", "must be 0 with position"
                        + " 'after' (a module has one output), got " + value + ". Use position: pre to watch input "
                        + value));
            } else {
                input = (int) (long) (Long) value;
            }
        }
        ModuleMatcher matcher = matcher(map, path, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new ObserveEntry(index, observer.get(), pre, matcher, input);
    }

    private static ModuleMatcher matcher(Map<?, ?> map, String path, List<ConfigProblem> problems) {
        return new ModuleMatcher(
                map.get("module_name") == null ? List.of() : strings(map.get("module_name"), path + ".module_name", problems),
                map.get("module_type") == null ? List.of() : strings(map.get("module_type"), path + ".module_type", problems),
                map.get("module_fullname") == null ? List.of()
                        : strings(map.get("module_fullname"), path + ".module_fullname", problems));
    }

    private static Map<?, ?> mapping(Object raw, String path, String what) {
        if (!(raw instanceof Map)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, path,
                    what + " must be a mapping, got " + ValueTypes.describe(raw)));
        }
        return (Map<?, ?>) raw;
    }

    private static Map<Integer, Object> list(Map<?, ?> map, String key, String path, List<ConfigProblem> problems) {
        Object raw = map.get(key);
        Map<Integer, Object> items = new LinkedHashMap<>();
        if (raw == null) {
            return items;
        }
        if (!(raw instanceof List)) {
            problems.add(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, join(path, key), "expected a list, got "
                    + ValueTypes.describe(raw)));
            return items;
        }
        List<?> list = (List<?>) raw;
        for (int i = 0; i < list.size(); i++) {
            items.put(i, list.get(i));
        }
        return items;
    }

    private static List<String> strings(Object raw, String path, List<ConfigProblem> problems) {
        if (raw instanceof String) {
            return List.of((String) raw);
        }
        if (raw instanceof List) {
            List<String> result = new ArrayList<>();
            for (Object item : (List<?>) raw) {
                if (item instanceof String) {
                    result.add((String) item);
                } else {
                    problems.add(new ConfigProblem(ErrorId.WRONG_TYPE, path, "expected a string or a list of strings,"
                            + " got " + ValueTypes.describe(raw)));
                    return List.of();
                }
            }
            return result;
        }
        problems.add(new ConfigProblem(ErrorId.WRONG_TYPE, path, "expected a string or a list of strings, got "
                + ValueTypes.describe(raw)));
        return List.of();
    }

    private static boolean bool(Map<?, ?> map, String key, String path, boolean fallback, List<ConfigProblem> problems) {
        Object raw = map.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return ValueTypes.BOOLEAN.convert(raw);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(ErrorId.WRONG_TYPE, join(path, key), e.getMessage()));
            return fallback;
        }
    }

    private static void checkKeys(Map<?, ?> map, String path, List<String> allowed, List<ConfigProblem> problems) {
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (!(key instanceof String)) {
                problems.add(new ConfigProblem(CoreErrorId.UNKNOWN_KEY, join(path, name), "the key " + ValueTypes.describe(key)
                        + " is " + kindOf(key) + ", not a name. Allowed: " + allowed.stream().sorted().toList() + "."));
            } else if (!allowed.contains(name)) {
                String hint = name.equals("weight") ? " Weight tensors are chosen with 'name', for example name: [weight, bias]."
                        : NameSuggestions.hint(name, allowed);
                problems.add(new ConfigProblem(CoreErrorId.UNKNOWN_KEY, join(path, name), "unknown key "
                        + ValueTypes.describe(name) + ". Allowed: " + allowed.stream().sorted().toList() + "." + hint));
            }
        }
    }

    /**
     * Names the kind of a key that is not a string, as YAML writers produce them ({@code 1: x},
     * {@code ~: x}, {@code [a]: x}).
     *
     * @param key the key
     * @return for example {@code a number}
     */
    static String kindOf(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Number) {
            return "a number";
        }
        if (key instanceof Boolean) {
            return "a boolean";
        }
        if (key instanceof List) {
            return "a list";
        }
        if (key instanceof Map) {
            return "a mapping";
        }
        return "a " + key.getClass().getSimpleName();
    }

    /** Joins a path and a key; an empty key prints as {@code ''} so that its path is never empty. */
    private static String join(String path, String key) {
        String segment = key.isEmpty() ? "''" : key;
        return path.isEmpty() ? segment : path + "." + segment;
    }
}
