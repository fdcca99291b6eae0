package dev.mrfi.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.mrfi.api.PluginKind;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.NameSuggestions;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.core.config.BoundPlugin;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.config.ConfigTreeLoader;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.PluginBlocks;
import dev.mrfi.core.engine.FaultSink;
import dev.mrfi.core.config.ConfigTree;
import dev.mrfi.core.experiment.ExperimentToolkit;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.core.problem.CoreErrorId;
import dev.mrfi.core.registry.DiscoveredPlugins;
import dev.mrfi.core.registry.PluginFolders;
import dev.mrfi.core.registry.PluginLoadProblem;
import dev.mrfi.core.registry.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The library's entry point: the plugins found on the class path and in plugin folders, and configured
 * operators built from configuration blocks. Immutable and thread-safe.
 *
 * <pre>{@code
 * Mrfi mrfi = Mrfi.load(List.of(Path.of("plugins")));   // built-ins plus every JAR in plugins/
 * Quantization q = mrfi.quantization(ConfigDocuments.parse(yaml, "config.yaml"));
 * }</pre>
 *
 * <p>{@link #load(List)} fails if any plugin cannot be loaded; {@link #loadLenient(List)} uses every plugin
 * that loads and reports the others in {@link #loadProblems()}. Either way two plugins of one kind that
 * claim the same name are an error naming both sources. A plugin folder is read once, when loading; see
 * {@link PluginFolders} for how its JARs are isolated.
 */
public final class Mrfi {

    /** Keys of a quantization block that belong to the injector, not to the quantization method. */
    public static final Set<String> QUANTIZATION_ENTRY_KEYS = PluginBlocks.QUANTIZATION_ENTRY_KEYS;

    private final Injector injector;
    private final PluginRegistry registry;
    private final PluginBlocks blocks;

    private Mrfi(Injector injector) {
        this.injector = injector;
        this.registry = injector.getInstance(PluginRegistry.class);
        this.blocks = injector.getInstance(PluginBlocks.class);
    }

    /**
     * Loads every plugin visible to this class's class loader.
     *
     * @return the library
     * @throws ConfigurationException if plugins clash or fail to load
     */
    public static Mrfi load() {
        return load(Mrfi.class.getClassLoader());
    }

    /**
     * Loads every plugin visible to a class loader.
     *
     * @param loader the class loader
     * @return the library
     * @throws ConfigurationException if plugins clash or fail to load
     */
    public static Mrfi load(ClassLoader loader) {
        return of(DiscoveredPlugins.discover(loader));
    }

    /**
     * Loads the plugins on this class's class path and in plugin folders, failing if anything cannot be
     * loaded.
     *
     * @param pluginFolders folders of plugin JARs, in order; may be empty
     * @return the library
     * @throws ConfigurationException listing every provider, JAR or folder that failed to load (each with
     *                                its JAR and provider class) and every name clash (with both sources)
     */
    public static Mrfi load(List<Path> pluginFolders) {
        return of(DiscoveredPlugins.discoverLeniently(Mrfi.class.getClassLoader(), pluginFolders)
                .requireNoLoadProblems());
    }

    /**
     * Loads the plugins on this class's class path and in plugin folders, keeping every plugin that loads.
     * A provider, JAR or folder that fails is reported in {@link #loadProblems()}, and a configuration
     * that names a plugin that is missing for that reason is rejected with a message mentioning the failure.
     *
     * @param pluginFolders folders of plugin JARs, in order; may be empty
     * @return the library
     * @throws ConfigurationException if two plugins of one kind claim the same name or alias
     */
    public static Mrfi loadLenient(List<Path> pluginFolders) {
        return of(DiscoveredPlugins.discoverLeniently(Mrfi.class.getClassLoader(), pluginFolders));
    }

    /**
     * Uses the given, already discovered plugins.
     *
     * @param plugins the plugins
     * @return the library
     */
    public static Mrfi of(DiscoveredPlugins plugins) {
        return of(plugins, new Module[0]);
    }

    /**
     * Wires the library for a set of discovered plugins, with parts of {@link MrfiModule} replaced: for
     * example {@code binder -> binder.bind(FaultSink.class).toInstance(mySink)} makes every experiment
     * report its faults to {@code mySink}.
     *
     * @param plugins   the plugins
     * @param overrides modules whose bindings replace the library's
     * @return the library
     */
    public static Mrfi of(DiscoveredPlugins plugins, Module... overrides) {
        Module base = new MrfiModule(Objects.requireNonNull(plugins, "plugins is null"));
        return new Mrfi(Guice.createInjector(overrides.length == 0 ? base : Modules.override(base).with(overrides)));
    }

    /**
     * Returns the EasyConfig loader.
     *
     * @return the loader, shared and thread-safe
     */
    public EasyConfigLoader configs() {
        return injector.getInstance(EasyConfigLoader.class);
    }

    /**
     * Returns the configuration tree loader.
     *
     * @return the loader, shared and thread-safe
     */
    public ConfigTreeLoader trees() {
        return injector.getInstance(ConfigTreeLoader.class);
    }

    /**
     * Returns the fault sink experiments report to, as bound in the Guice module.
     *
     * @return the sink; {@link FaultSink#NONE} unless overridden
     */
    public FaultSink faultSink() {
        return injector.getInstance(FaultSink.class);
    }

    /**
     * Creates experiments on a model that report every fault to {@link #faultSink()}.
     *
     * @param config    the validated configuration
     * @param model     the classifier
     * @param data      the labelled examples
     * @param batchSize examples per forward pass
     * @param threads   worker threads for trials
     * @param seed      the experiment seed
     * @return the experiments
     */
    public Experiments experiments(EasyConfig config, ClassificationModel model, LabeledData data, int batchSize,
                                   int threads, long seed) {
        return new Experiments(config, model, data, batchSize, threads, seed, faultSink());
    }

    /**
     * Creates the experiment toolkit (the reference's experiment helpers) on a model, reporting every
     * fault to {@link #faultSink()}.
     *
     * @param config    the validated configuration; for a tree, {@link ConfigTree#toEasyConfig()}
     * @param model     the classifier
     * @param data      the labelled examples
     * @param batchSize examples per forward pass
     * @param threads   worker threads for trials
     * @param seed      the experiment seed
     * @return the toolkit
     * @since 0.2
     */
    public ExperimentToolkit toolkit(EasyConfig config, ClassificationModel model, LabeledData data, int batchSize,
                                     int threads, long seed) {
        return new ExperimentToolkit(configs(), config, model, data, batchSize, threads, seed, faultSink());
    }

    /**
     * Returns the plugin registry.
     *
     * @return the registry
     */
    public PluginRegistry registry() {
        return registry;
    }

    /**
     * Returns the providers, plugin JARs and folders that failed to load; always empty unless the
     * library was loaded with {@link #loadLenient(List)}.
     *
     * @return an unmodifiable list
     */
    public List<PluginLoadProblem> loadProblems() {
        return registry.loadProblems();
    }

    /**
     * Returns the block validator that resolves methods through this library's registry.
     *
     * @return the validator
     */
    public PluginBlocks blocks() {
        return blocks;
    }

    /**
     * Builds a quantization from a block in the reference's flat form, for example
     * {@code {method: SymmericQuantization, bit_width: 16, dynamic_range: auto}}.
     *
     * @param block the block as parsed
     * @param path  the block's YAML path, for messages
     * @return the configured quantization
     * @throws ConfigurationException listing every problem of the block
     */
    public Quantization quantization(Object block, String path) {
        BoundPlugin<QuantizationProvider> bound = blocks.bind(PluginKind.QUANTIZATION, QuantizationProvider.class,
                block, path, QUANTIZATION_ENTRY_KEYS);
        return bound.provider().create(bound.config());
    }

    /**
     * Builds the quantization of a document whose top level holds a {@code quantization} block.
     *
     * @param document the document as parsed by {@link ConfigDocuments}
     * @return the configured quantization
     * @throws ConfigurationException listing every problem of the document
     */
    public Quantization quantization(Object document) {
        if (!(document instanceof Map)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, "",
                    "the document must be a mapping with a 'quantization' key, got " + ValueTypes.describe(document)));
        }
        Map<?, ?> map = (Map<?, ?>) document;
        List<ConfigProblem> problems = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!"quantization".equals(key)) {
                problems.add(new ConfigProblem(CoreErrorId.UNKNOWN_KEY, String.valueOf(key), "unknown key '" + key
                        + "'. Allowed: [quantization]." + NameSuggestions.hint(String.valueOf(key), List.of("quantization"))));
            }
        }
        if (!map.containsKey("quantization")) {
            problems.add(new ConfigProblem(CoreErrorId.MISSING_KEY, "quantization", "the document has no 'quantization' block"));
        }
        Quantization result = null;
        if (map.containsKey("quantization")) {
            try {
                result = quantization(map.get("quantization"), "quantization");
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return result;
    }
}
