package dev.mrfi.core.engine;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.HookPoint;
import dev.mrfi.api.host.SelectiveHooks;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.core.config.FaultInjectEntry;
import dev.mrfi.core.config.ObserveEntry;
import dev.mrfi.core.config.Operators;
import dev.mrfi.core.registry.PluginSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The run state of one trial: switches, per-site random streams and call counts, and per-site weight
 * buffers. Implements the host hooks. Not thread-safe: one trial per thread; create as many as needed
 * from the shared {@link InjectionPlan}.
 *
 * <p>For each entry at a hook, in configuration order: enabled check; {@code auto} range from the whole
 * tensor; layerwise quantize; then unless golden: select, gather, FI-only quantize, error mode, FI-only
 * dequantize, scatter; finally layerwise dequantize. A golden run still quantizes but injects nothing.
 * Beyond the layerwise passes, the work is proportional to the positions selected: an FI-only range is
 * resolved only when something was selected, and nothing is copied unless a fault sink is set.
 */
public final class Trial implements SelectiveHooks {

    private final InjectionPlan plan;
    private final long seed;
    private final FaultSink sink;
    private final Optional<FaultReplay> replay;
    private final Map<String, long[]> calls = new HashMap<>();
    private final Map<String, float[]> weightBuffers = new HashMap<>();
    private final Map<String, Observer> observers = new LinkedHashMap<>();
    private final Map<String, ObservedValue> observed = new LinkedHashMap<>();
    private final Set<Integer> disabledEntries = new HashSet<>();
    private final Set<Integer> enabledEntries = new HashSet<>();
    private boolean golden;
    private String onlyModule;
    private boolean injectionEnabled = true;
    private float[] gathered = new float[64];

    Trial(InjectionPlan plan, long seed, FaultSink sink, Optional<FaultReplay> replay) {
        this.plan = plan;
        this.seed = seed;
        this.sink = sink;
        this.replay = replay;
    }

    /**
     * Switches golden mode: quantization still applies, no faults are injected.
     *
     * @param golden true for fault-free passes
     */
    public void setGolden(boolean golden) {
        this.golden = golden;
    }

    /**
     * Returns whether the trial is in golden mode.
     *
     * @return true for fault-free passes
     */
    public boolean golden() {
        return golden;
    }

    /**
     * The global switch: when off, no entry quantizes or injects, and weights are the clean ones.
     *
     * @param enabled false to run the plain float model
     */
    public void setInjectionEnabled(boolean enabled) {
        this.injectionEnabled = enabled;
    }

    /**
     * Overrides one entry's {@code enabled} flag for this trial.
     *
     * @param index   the entry's position in {@code faultinject}
     * @param enabled the new state
     */
    public void setEntryEnabled(int index, boolean enabled) {
        if (enabled) {
            disabledEntries.remove(index);
            enabledEntries.add(index);
        } else {
            enabledEntries.remove(index);
            disabledEntries.add(index);
        }
    }

    /**
     * Limits injection to the sites of one module, for layer-wise sensitivity runs. Quantization of the
     * other modules still applies.
     *
     * @param module the module's full name, or null for no limit
     */
    public void restrictToModule(String module) {
        this.onlyModule = module;
    }

    private boolean active(FaultInjectEntry entry) {
        if (!injectionEnabled || disabledEntries.contains(entry.index())) {
            return false;
        }
        return entry.enabled() || enabledEntries.contains(entry.index());
    }

    /** Acts where the plan has a site or an observer, whatever the switches of this trial say. */
    @Override
    public boolean actsOn(HookPoint point) {
        return plan.hooks(point);
    }

    @Override
    public void onInput(String module, float[] data, TensorShape shape) {
        for (InjectionSite site : plan.inputSites(module)) {
            inject(site, data, shape);
        }
        observe(module, true, data, shape);
    }

    @Override
    public void onOutput(String module, float[] data, TensorShape shape) {
        for (InjectionSite site : plan.outputSites(module)) {
            inject(site, data, shape);
        }
        observe(module, false, data, shape);
    }

    private void observe(String module, boolean pre, float[] data, TensorShape shape) {
        List<ObserveEntry> entries = plan.observers(module, pre);
        if (!entries.isEmpty() && shape.size() > data.length) {
            throw new InjectionException("at " + module + (pre ? " (input)" : " (output)") + ": the tensor of shape "
                    + shape + " needs " + shape.size() + " values but the array holds " + data.length);
        }
        for (int i = 0; i < entries.size(); i++) {
            String key = module + (pre ? ".pre." : ".") + i;
            ObserveEntry entry = entries.get(i);
            Observer observer = observers.computeIfAbsent(key,
                    k -> Operators.observer(entry.observer()));
            observed.computeIfAbsent(key, k -> new ObservedValue(k, module, pre, entry.observer().provider().name(),
                    observer));
            try {
                if (golden) {
                    observer.updateGolden(data, 0, shape.size(), shape);
                } else {
                    observer.update(data, 0, shape.size(), shape);
                }
            } catch (RuntimeException e) {
                throw new InjectionException("observer " + entry.observer().provider().name() + " at " + key
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Returns every observer's result, keyed as the reference does: {@code fc3.0} for the first observer
     * of module {@code fc3}'s output, {@code fc3.pre.0} for its input, {@code .0} for the root module.
     * Observers that never ran are absent.
     *
     * @return results by key, in first-use order
     */
    public Map<String, Object> observerResults() {
        Map<String, Object> results = new LinkedHashMap<>();
        observers.forEach((key, observer) -> results.put(key, observer.result()));
        return results;
    }

    /**
     * Returns every observer that has run, with the module it observes and its plugin name, in the order
     * they first ran.
     *
     * @return the observed values
     */
    public List<ObservedValue> observed() {
        return List.copyOf(observed.values());
    }

    /**
     * One observer of a trial: where it observes, what it is, and its current result.
     *
     * @param key      the reference's key, for example {@code fc3.0} or {@code conv1.pre.0}
     * @param module   the module's full name
     * @param pre      true for the module's input, false for its output
     * @param name     the observer's plugin name, for example {@code RMSE}
     * @param observer the observer
     */
    public record ObservedValue(String key, String module, boolean pre, String name, Observer observer) {

        /**
         * Returns the observer's result now.
         *
         * @return the result
         */
        public Object result() {
            return observer.result();
        }
    }

    /** Resets every observer that has run. */
    public void resetObservers() {
        observers.values().forEach(Observer::reset);
    }

    @Override
    public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
        List<InjectionSite> sites = plan.weightSites(module, weightName);
        boolean any = false;
        for (InjectionSite site : sites) {
            any |= active(site.entry());
        }
        if (!any) {
            return clean;
        }
        float[] buffer = weightBuffers.computeIfAbsent(InjectionPlan.weightKey(module, weightName),
                k -> new float[clean.length]);
        System.arraycopy(clean, 0, buffer, 0, clean.length);
        for (InjectionSite site : sites) {
            inject(site, buffer, shape);
        }
        return buffer;
    }

    private void inject(InjectionSite site, float[] data, TensorShape shape) {
        FaultInjectEntry entry = site.entry();
        if (!active(entry)) {
            return;
        }
        int size = shape.size();
        if (size > data.length) {
            throw new InjectionException("at " + site.name() + ": the tensor of shape " + shape + " needs " + size
                    + " values but the array holds " + data.length);
        }
        Quantization quantization = entry.quantization().isPresent() ? entry.quantization().get().operator() : null;
        boolean layerwise = quantization != null && entry.layerwise();
        // a layerwise range is resolved before the tensor changes; an FI-only one in injectFaults
        Quantizer quantizer = layerwise ? quantization.forTensor(data, 0, shape) : null;
        if (layerwise) {
            quantizer.quantize(data, 0, size);
        }
        if (!golden && (onlyModule == null || onlyModule.equals(site.module()))) {
            long call = calls.computeIfAbsent(site.name(), k -> new long[1])[0]++;
            Quantization fiOnly = layerwise ? null : quantization;
            try {
                if (!entry.target().includesValues()) {
                    // target: scales leaves the codes as quantized
                } else if (replay.isPresent()) {
                    replayFaults(site, call, data, shape, fiOnly);
                } else {
                    injectFaults(site, call, data, shape, fiOnly);
                }
                if (entry.target().includesScales()) {
                    quantizer = ScaleFaults.inject(site, call, seed, quantizer, sink, replay);
                }
            } catch (InjectionException e) {
                throw new InjectionException("at " + site.name() + " (call " + call + "): " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new InjectionException("at " + site.name() + " (call " + call + "): a plugin of this entry failed ("
                        + pluginsOf(entry) + "): " + e, e);
            }
        }
        if (layerwise) {
            quantizer.dequantize(data, 0, size);
        }
    }

    /**
     * Draws, gathers and injects the faults of one call. With FI-only quantization ({@code fiOnly} not null)
     * the range comes from the whole tensor, which is still unchanged here; it is resolved only when at
     * least one position is selected, since an {@code auto} range costs a pass over the tensor.
     */
    private void injectFaults(InjectionSite site, long call, float[] data, TensorShape shape, Quantization fiOnly) {
        FaultInjectEntry entry = site.entry();
        SplittableRandom random = SiteRandom.stream(seed, site.name(), call);
        int[] indices;
        try {
            indices = entry.selector().isPresent() ? entry.selector().get().operator().select(shape, random) : null;
        } catch (RuntimeException e) {
            throw pluginFailure("selector", entry.selector().get().plugin().provider(), e);
        }
        int count = indices == null ? shape.size() : indices.length;
        if (count == 0) {
            return;
        }
        if (indices != null) {
            for (int index : indices) {
                if (index < 0 || index >= shape.size()) {
                    throw new InjectionException("selector " + entry.selector().get().name() + " ("
                        + PluginSource.describe(entry.selector().get().plugin().provider()) + ") chose position " + index
                            + ", outside the tensor of shape " + shape + " (" + shape.size() + " elements)");
                }
            }
        }
        Quantizer quantizer = fiOnly == null ? null : fiOnly.forTensor(data, 0, shape);
        float[] values = gather(data, indices, count);
        float[] before = sink == FaultSink.NONE ? null : java.util.Arrays.copyOf(values, count);
        if (quantizer != null) {
            GatheredCodes.quantize(quantizer, data, indices, values, count);
            if (before != null) {
                System.arraycopy(values, 0, before, 0, count);
            }
        }
        try {
            entry.errorMode().operator().apply(values, 0, count, random);
        } catch (RuntimeException e) {
            throw pluginFailure("error mode", entry.errorMode().plugin().provider(), e);
        }
        if (entry.errorMode().operator().code().isPresent()) {
            checkNoNewNaN(entry, data, indices, values, count);
        }
        if (before != null) {
            for (int k = 0; k < count; k++) {
                int index = indices == null ? k : indices[k];
                sink.accept(new FaultRecord(site.name(), call, entry.hook().label(), index, shape.coordinates(index),
                        before[k], values[k], entry.errorMode().name()));
            }
        }
        if (quantizer != null) {
            GatheredCodes.dequantize(quantizer, data, indices, values, count);
        }
        scatter(data, indices, values, count);
    }

    private static InjectionException pluginFailure(String kind, dev.mrfi.api.PluginProvider provider,
                                                    RuntimeException e) {
        String reason = e instanceof InjectionException ? e.getMessage() : e.toString();
        return new InjectionException(kind + " " + provider.name() + " (" + PluginSource.describe(provider) + ") failed: "
                + reason, e);
    }

    /** An integer error mode works on whole-number codes; a NaN it did not receive is a plugin fault. */
    private static void checkNoNewNaN(FaultInjectEntry entry, float[] data, int[] indices, float[] values, int count) {
        for (int k = 0; k < count; k++) {
            if (Float.isNaN(values[k]) && !Float.isNaN(data[indices == null ? k : indices[k]])) {
                throw new InjectionException("error mode " + PluginSource.describe(entry.errorMode().plugin().provider())
                        + " wrote NaN into an integer code at position " + (indices == null ? k : indices[k]));
            }
        }
    }

    private static String pluginsOf(FaultInjectEntry entry) {
        StringBuilder text = new StringBuilder();
        entry.quantization().ifPresent(q -> text.append("quantization ").append(PluginSource.describe(q.plugin().provider())).append("; "));
        entry.selector().ifPresent(q -> text.append("selector ").append(PluginSource.describe(q.plugin().provider())).append("; "));
        text.append("error mode ").append(PluginSource.describe(entry.errorMode().plugin().provider()));
        return text.toString();
    }

    private void replayFaults(InjectionSite site, long call, float[] data, TensorShape shape, Quantization fiOnly) {
        List<FaultRecord> faults = replay.get().faults(site.name(), call);
        int count = faults.size();
        int[] indices = new int[count];
        float[] values = gather(data, null, 0);
        if (values.length < count) {
            values = new float[count];
            gathered = values;
        }
        for (int k = 0; k < count; k++) {
            FaultRecord fault = faults.get(k);
            if (fault.flatIndex() < 0 || fault.flatIndex() >= shape.size()) {
                throw new InjectionException("the manifest's position " + fault.flatIndex()
                        + " is outside the tensor of shape " + shape);
            }
            indices[k] = fault.flatIndex();
            values[k] = fault.after();
            sink.accept(fault);
        }
        if (fiOnly != null && count > 0) {
            GatheredCodes.dequantize(fiOnly.forTensor(data, 0, shape), data, indices, values, count);
        }
        scatter(data, indices, values, count);
    }

    private float[] gather(float[] data, int[] indices, int count) {
        if (gathered.length < count) {
            gathered = new float[Math.max(count, gathered.length * 2)];
        }
        if (indices == null) {
            System.arraycopy(data, 0, gathered, 0, count);
        } else {
            for (int k = 0; k < count; k++) {
                gathered[k] = data[indices[k]];
            }
        }
        return gathered;
    }

    private static void scatter(float[] data, int[] indices, float[] values, int count) {
        if (indices == null) {
            System.arraycopy(values, 0, data, 0, count);
        } else {
            // duplicate positions: the last write wins, as in the reference on CPU
            for (int k = 0; k < count; k++) {
                data[indices[k]] = values[k];
            }
        }
    }
}
