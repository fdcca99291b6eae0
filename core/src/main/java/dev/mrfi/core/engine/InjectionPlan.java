package dev.mrfi.core.engine;

import dev.mrfi.api.host.HookPoint;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.FaultInjectEntry;
import dev.mrfi.core.config.HookType;
import dev.mrfi.core.config.ObserveEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validated configuration matched against a model: for every module and hook point, the injection
 * sites in configuration order. Immutable and shared by all trials and threads; each trial runs through
 * its own {@link Trial}.
 */
public final class InjectionPlan {

    private static final Logger LOG = LoggerFactory.getLogger(InjectionPlan.class);

    private final EasyConfig config;
    private final List<ModuleDescriptor> modules;
    private final Map<String, List<InjectionSite>> inputs;
    private final Map<String, List<InjectionSite>> outputs;
    private final Map<String, List<InjectionSite>> weights;
    private final List<String> warnings;
    private final Map<String, List<ObserveEntry>> preObservers;
    private final Map<String, List<ObserveEntry>> afterObservers;

    private InjectionPlan(EasyConfig config, List<ModuleDescriptor> modules, Map<String, List<InjectionSite>> inputs,
                          Map<String, List<InjectionSite>> outputs, Map<String, List<InjectionSite>> weights,
                          List<String> warnings, Map<String, List<ObserveEntry>> preObservers,
                          Map<String, List<ObserveEntry>> afterObservers) {
        this.preObservers = preObservers;
        this.afterObservers = afterObservers;
        this.config = config;
        this.modules = modules;
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights;
        this.warnings = warnings;
    }

    /**
     * Matches every entry of a configuration against a model's modules. An entry that matches no
     * module, or names a weight a matched module lacks, is reported in {@link #warnings()} and logged.
     *
     * @param config  the validated configuration
     * @param modules every module of the model, as the host describes it
     * @return the plan
     */
    public static InjectionPlan build(EasyConfig config, List<ModuleDescriptor> modules) {
        Objects.requireNonNull(config, "config is null");
        Map<String, List<InjectionSite>> inputs = new LinkedHashMap<>();
        Map<String, List<InjectionSite>> outputs = new LinkedHashMap<>();
        Map<String, List<InjectionSite>> weights = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>(config.warnings());
        for (FaultInjectEntry entry : config.faultInject()) {
            int matched = 0;
            for (ModuleDescriptor module : modules) {
                if (!entry.matcher().matches(module.fullName(), module.typeName())) {
                    continue;
                }
                matched++;
                String prefix = module.fullName() + "/" + entry.hook().label();
                if (entry.hook() == HookType.WEIGHT) {
                    for (String weight : entry.weightNames()) {
                        if (!module.weights().containsKey(weight)) {
                            warnings.add("faultinject[" + entry.index() + "]: module '" + module.fullName() + "' ("
                                    + module.typeName() + ") has no weight '" + weight + "'; it has "
                                    + module.weights().keySet() + ". Skipped.");
                            continue;
                        }
                        weights.computeIfAbsent(weightKey(module.fullName(), weight), k -> new ArrayList<>())
                                .add(new InjectionSite(prefix + "/" + weight + "#" + entry.index(), module.fullName(), entry));
                    }
                } else {
                    Map<String, List<InjectionSite>> target = entry.hook() == HookType.ACTIVATION_IN ? inputs : outputs;
                    target.computeIfAbsent(module.fullName(), k -> new ArrayList<>())
                            .add(new InjectionSite(prefix + "#" + entry.index(), module.fullName(), entry));
                }
            }
            if (matched == 0) {
                warnings.add("faultinject[" + entry.index() + "] matches no module of the model (module_name "
                        + entry.matcher().names() + ", module_type " + entry.matcher().types() + ", module_fullname "
                        + entry.matcher().fullNames() + "); it injects nothing");
            }
        }
        Map<String, List<ObserveEntry>> pre = new HashMap<>();
        Map<String, List<ObserveEntry>> after = new HashMap<>();
        for (ObserveEntry entry : config.observe()) {
            int matched = 0;
            for (ModuleDescriptor module : modules) {
                if (entry.matcher().matches(module.fullName(), module.typeName())) {
                    matched++;
                    (entry.pre() ? pre : after).computeIfAbsent(module.fullName(), k -> new ArrayList<>()).add(entry);
                }
            }
            if (matched == 0) {
                warnings.add("observe[" + entry.index() + "] matches no module of the model; it observes nothing");
            }
        }
        for (String warning : warnings) {
            LOG.warn(warning);
        }
        return new InjectionPlan(config, List.copyOf(modules), freeze(inputs), freeze(outputs), freeze(weights),
                List.copyOf(warnings), freeze(pre), freeze(after));
    }

    private static <T> Map<String, List<T>> freeze(Map<String, List<T>> map) {
        Map<String, List<T>> frozen = new HashMap<>();
        map.forEach((key, value) -> frozen.put(key, List.copyOf(value)));
        return Collections.unmodifiableMap(frozen);
    }

    static String weightKey(String module, String weight) {
        return module + "\u0000" + weight;
    }

    /**
     * Starts a trial: the per-thread run state with its own random streams.
     *
     * @param seed the trial's seed
     * @return a new trial; use it on one thread at a time
     */
    public Trial newTrial(long seed) {
        return new Trial(this, seed, FaultSink.NONE, Optional.empty());
    }

    /**
     * Starts a trial that reports every injected value.
     *
     * @param seed the trial's seed
     * @param sink receives each fault
     * @return a new trial
     */
    public Trial newTrial(long seed, FaultSink sink) {
        return new Trial(this, seed, sink, Optional.empty());
    }

    /**
     * Starts a trial that injects the faults of a recorded manifest instead of drawing new ones.
     *
     * @param replay the recorded faults
     * @param sink   receives each fault injected
     * @return a new trial
     */
    public Trial replayTrial(FaultReplay replay, FaultSink sink) {
        return new Trial(this, 0L, sink, Optional.of(replay));
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public EasyConfig config() {
        return config;
    }

    /**
     * Returns the model's modules.
     *
     * @return the modules, as described by the host
     */
    public List<ModuleDescriptor> modules() {
        return modules;
    }

    /**
     * Returns non-fatal findings: entries that match nothing, missing weights, relaxed checks.
     *
     * @return the warnings
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns every site, in a stable order.
     *
     * @return the sites
     */
    public List<InjectionSite> sites() {
        List<InjectionSite> all = new ArrayList<>();
        inputs.values().forEach(all::addAll);
        outputs.values().forEach(all::addAll);
        weights.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(InjectionSite::name));
        return all;
    }

    /**
     * Tells whether a trial of this plan acts at a hook point: an injection site or an observer is there.
     * Hosts use it, through {@link Trial#actsOn}, to offer only these tensors.
     *
     * @param point the hook point
     * @return true if a site or observer is at the point
     */
    public boolean hooks(HookPoint point) {
        return switch (point.kind()) {
            case INPUT -> !inputSites(point.module()).isEmpty() || !observers(point.module(), true).isEmpty();
            case OUTPUT -> !outputSites(point.module()).isEmpty() || !observers(point.module(), false).isEmpty();
            case WEIGHT -> !weightSites(point.module(), point.weight()).isEmpty();
        };
    }

    /**
     * Tells whether a trial of this plan acts on one input of a module with several inputs: for input 0
     * as {@link #hooks} says for the module's input point, for the others when an observer watches it.
     *
     * @param module the module's full name
     * @param input  the input's position, from 0
     * @return true if something acts there
     * @since 0.2
     */
    public boolean hooksInput(String module, int input) {
        if (input == 0) {
            return hooks(HookPoint.input(module));
        }
        for (ObserveEntry entry : observers(module, true)) {
            if (entry.input() == input) {
                return true;
            }
        }
        return false;
    }

    List<ObserveEntry> observers(String module, boolean pre) {
        return (pre ? preObservers : afterObservers).getOrDefault(module, List.of());
    }

    List<InjectionSite> inputSites(String module) {
        return inputs.getOrDefault(module, List.of());
    }

    List<InjectionSite> outputSites(String module) {
        return outputs.getOrDefault(module, List.of());
    }

    List<InjectionSite> weightSites(String module, String weight) {
        return weights.getOrDefault(weightKey(module, weight), List.of());
    }
}
