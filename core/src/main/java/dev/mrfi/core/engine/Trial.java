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
 *
 * <p>A layerwise entry with sparse faults (a selector that chose at most a sixteenth of the tensor) runs
 * as one {@link LayerwisePass}: the selected positions' codes are computed and faulted first, then the
 * tensor is round-tripped in one fused pass and the faulty codes are dequantized over their positions,
 * which gives bit for bit the result of the steps above with one read and one write of each value (plus
 * one read for an {@code auto} range). For a weight, that pass also makes the copy that keeps the clean
 * weights untouched.
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
    private float[] codesBefore = new float[64];
    private final LayerwisePass pass = new LayerwisePass();

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

    /** Acts on input 0 as on the module's input point, on the others where an observer watches them. */
    @Override
    public boolean actsOnInput(String module, int input) {
        return plan.hooksInput(module, input);
    }

    @Override
    public void onInput(String module, float[] data, TensorShape shape) {
        onInput(module, 0, data, shape);
    }

    /** Injects into input 0 only (injection entries have no input index); observers watch the input they name. */
    @Override
    public void onInput(String module, int input, float[] data, TensorShape shape) {
        if (input == 0) {
            for (InjectionSite site : plan.inputSites(module)) {
                inject(site, data, data, shape);
            }
        }
        observe(module, true, input, data, shape);
    }

    @Override
    public void onOutput(String module, float[] data, TensorShape shape) {
        for (InjectionSite site : plan.outputSites(module)) {
            inject(site, data, data, shape);
        }
        observe(module, false, 0, data, shape);
    }

    private void observe(String module, boolean pre, int input, float[] data, TensorShape shape) {
        List<ObserveEntry> entries = plan.observers(module, pre);
        if (!entries.isEmpty() && shape.size() > data.length) {
            throw new InjectionException("at " + module + (pre ? " (input)" : " (output)") + ": the tensor of shape "
                    + shape + " needs " + shape.size() + " values but the array holds " + data.length);
        }
        for (int i = 0; i < entries.size(); i++) {
            ObserveEntry entry = entries.get(i);
            if (entry.input() != input) {
                continue;
            }
            String key = module + (pre ? ".pre." : ".") + i;
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
        // the first active site reads the clean weights and writes the buffer (the protective copy is part of
        // its pass); later sites work on the buffer; values past the shape are copied as they are
        float[] source = clean;
        for (InjectionSite site : sites) {
            if (active(site.entry())) {
                inject(site, source, buffer, shape);
                source = buffer;
            }
        }
        if (clean.length > shape.size()) {
            System.arraycopy(clean, shape.size(), buffer, shape.size(), clean.length - shape.size());
        }
        return buffer;
    }

    /**
     * Runs one active entry on a tensor read from {@code src} and written to {@code data}, which may be the
     * same array; when they differ, {@code data} receives every value of the tensor.
     */
    private void inject(InjectionSite site, float[] src, float[] data, TensorShape shape) {
        FaultInjectEntry entry = site.entry();
        if (!active(entry)) {
            return;
        }
        int size = shape.size();
        if (size > data.length || size > src.length) {
            throw new InjectionException("at " + site.name() + ": the tensor of shape " + shape + " needs " + size
                    + " values but the array holds " + Math.min(src.length, data.length));
        }
        Quantization quantization = entry.quantization().isPresent() ? entry.quantization().get().operator() : null;
        boolean layerwise = quantization != null && entry.layerwise();
        // a layerwise range is resolved before the tensor changes; an FI-only one in injectFaults
        Quantizer quantizer = layerwise ? quantization.forTensor(src, 0, shape) : null;
        boolean injecting = !golden && (onlyModule == null || onlyModule.equals(site.module()));
        if (injecting && entry.target().includesScales()) {
            injectWithScales(site, src, data, shape, quantizer, entry);
            return;
        }
        if (!injecting) {
            if (layerwise) {
                quantizer.roundTrip(src, 0, data, 0, size);
            } else if (src != data) {
                System.arraycopy(src, 0, data, 0, size);
            }
            return;
        }
        if ((replay.isPresent() || !layerwise) && src != data) {
            System.arraycopy(src, 0, data, 0, size);
        }
        long call = calls.computeIfAbsent(site.name(), k -> new long[1])[0]++;
        Quantization fiOnly = layerwise ? null : quantization;
        try {
            if (replay.isPresent()) {
                if (layerwise) {
                    quantizer.quantize(data, 0, size);
                }
                replayFaults(site, call, data, shape, fiOnly);
                if (layerwise) {
                    quantizer.dequantize(data, 0, size);
                }
            } else if (layerwise) {
                injectLayerwise(site, call, src, data, shape, quantizer);
            } else {
                injectFaults(site, call, data, shape, fiOnly);
            }
        } catch (InjectionException e) {
            throw new InjectionException("at " + site.name() + " (call " + call + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InjectionException("at " + site.name() + " (call " + call + "): a plugin of this entry failed ("
                    + pluginsOf(entry) + "): " + e, e);
        }
    }

    /**
     * An entry whose faults reach the quantizer's scales (validation makes it layerwise): the step-by-step
     * order, since the dequantization must use the corrupted scales. {@code target: scales} leaves the codes
     * as quantized.
     */
    private void injectWithScales(InjectionSite site, float[] src, float[] data, TensorShape shape, Quantizer quantizer,
                                  FaultInjectEntry entry) {
        int size = shape.size();
        if (src != data) {
            System.arraycopy(src, 0, data, 0, size);
        }
        quantizer.quantize(data, 0, size);
        long call = calls.computeIfAbsent(site.name(), k -> new long[1])[0]++;
        try {
            if (entry.target().includesValues()) {
                if (replay.isPresent()) {
                    replayFaults(site, call, data, shape, null);
                } else {
                    injectFaults(site, call, data, shape, null);
                }
            }
            quantizer = ScaleFaults.inject(site, call, seed, quantizer, sink, replay);
        } catch (InjectionException e) {
            throw new InjectionException("at " + site.name() + " (call " + call + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InjectionException("at " + site.name() + " (call " + call + "): a plugin of this entry failed ("
                    + pluginsOf(entry) + "): " + e, e);
        }
        quantizer.dequantize(data, 0, size);
    }

    /**
     * A layerwise entry's call. Sparse faults take the fused pass: each selected position's code is computed
     * at its own index of the destination (the quantizer may depend on the position) and the error mode
     * runs on all of them at once, with the random stream in the same state as on the dense path; then one
     * {@link LayerwisePass} writes the tensor. Dense selections quantize the whole tensor in place first.
     */
    private void injectLayerwise(InjectionSite site, long call, float[] src, float[] data, TensorShape shape,
                                 Quantizer quantizer) {
        int size = shape.size();
        SplittableRandom random = SiteRandom.stream(seed, site.name(), call);
        int[] indices = select(site.entry(), shape, random);
        int count = indices == null ? size : indices.length;
        if (indices == null || count > size / 16) {
            if (src != data) {
                System.arraycopy(src, 0, data, 0, size);
            }
            quantizer.quantize(data, 0, size);
            faultGathered(site, call, data, shape, null, indices, count, random);
            quantizer.dequantize(data, 0, size);
            return;
        }
        float[] codes = gather(data, null, 0);
        if (codes.length < count) {
            codes = new float[Math.max(count, codes.length * 2)];
            gathered = codes;
        }
        for (int k = 0; k < count; k++) {
            int index = indices[k];
            float value = src[index];
            data[index] = value;
            quantizer.quantize(data, index, 1);
            codes[k] = data[index];
            data[index] = value;
        }
        if (codesBefore.length < count) {
            codesBefore = new float[codes.length];
        }
        System.arraycopy(codes, 0, codesBefore, 0, count);
        applyErrorMode(site, call, shape, indices, codesBefore, codes, count, random);
        pass.run(quantizer, src, data, size, indices, codes, count);
    }

    /**
     * Draws, gathers and injects the faults of one call. With FI-only quantization ({@code fiOnly} not null)
     * the range comes from the whole tensor, which is still unchanged here; it is resolved only when at
     * least one position is selected, since an {@code auto} range costs a pass over the tensor.
     */
    private void injectFaults(InjectionSite site, long call, float[] data, TensorShape shape, Quantization fiOnly) {
        SplittableRandom random = SiteRandom.stream(seed, site.name(), call);
        int[] indices = select(site.entry(), shape, random);
        int count = indices == null ? shape.size() : indices.length;
        faultGathered(site, call, data, shape, fiOnly, indices, count, random);
    }

    /** The selector's positions, checked to lie in the tensor; null for every position (no selector). */
    private static int[] select(FaultInjectEntry entry, TensorShape shape, SplittableRandom random) {
        int[] indices;
        try {
            indices = entry.selector().isPresent() ? entry.selector().get().operator().select(shape, random) : null;
        } catch (RuntimeException e) {
            throw pluginFailure("selector", entry.selector().get().plugin().provider(), e);
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
        return indices;
    }

    /** Gathers the selected values of {@code data}, faults them (through FI-only codes if any) and scatters them. */
    private void faultGathered(InjectionSite site, long call, float[] data, TensorShape shape, Quantization fiOnly,
                               int[] indices, int count, SplittableRandom random) {
        if (count == 0) {
            return;
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
        FaultInjectEntry entry = site.entry();
        try {
            entry.errorMode().operator().apply(values, 0, count, random);
        } catch (RuntimeException e) {
            throw pluginFailure("error mode", entry.errorMode().plugin().provider(), e);
        }
        if (entry.errorMode().operator().code().isPresent()) {
            checkNoNewNaN(entry, data, indices, values, count);
        }
        if (before != null) {
            record(site, call, shape, indices, before, values, count);
        }
        if (quantizer != null) {
            GatheredCodes.dequantize(quantizer, data, indices, values, count);
        }
        scatter(data, indices, values, count);
    }

    /** Applies the error mode to codes gathered from the sparse pass; {@code before} holds them unchanged. */
    private void applyErrorMode(InjectionSite site, long call, TensorShape shape, int[] indices, float[] before,
                                float[] codes, int count, SplittableRandom random) {
        FaultInjectEntry entry = site.entry();
        try {
            entry.errorMode().operator().apply(codes, 0, count, random);
        } catch (RuntimeException e) {
            throw pluginFailure("error mode", entry.errorMode().plugin().provider(), e);
        }
        if (entry.errorMode().operator().code().isPresent()) {
            for (int k = 0; k < count; k++) {
                if (Float.isNaN(codes[k]) && !Float.isNaN(before[k])) {
                    throw newNaN(entry, indices[k]);
                }
            }
        }
        if (sink != FaultSink.NONE) {
            record(site, call, shape, indices, before, codes, count);
        }
    }

    private void record(InjectionSite site, long call, TensorShape shape, int[] indices, float[] before,
                        float[] after, int count) {
        FaultInjectEntry entry = site.entry();
        for (int k = 0; k < count; k++) {
            int index = indices == null ? k : indices[k];
            sink.accept(new FaultRecord(site.name(), call, entry.hook().label(), index, shape.coordinates(index),
                    before[k], after[k], entry.errorMode().name()));
        }
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
                throw newNaN(entry, indices == null ? k : indices[k]);
            }
        }
    }

    private static InjectionException newNaN(FaultInjectEntry entry, int position) {
        return new InjectionException("error mode " + PluginSource.describe(entry.errorMode().plugin().provider())
                + " wrote NaN into an integer code at position " + position);
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
