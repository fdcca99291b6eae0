package dev.mrfi.core.experiment;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.NameSuggestions;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.host.HookPoint;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.host.SelectiveHooks;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.core.config.BoundPlugin;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.FaultInjectEntry;
import dev.mrfi.core.config.HookType;
import dev.mrfi.core.config.PluginBlocks;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.InjectionSite;
import dev.mrfi.core.problem.CoreErrorId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sensitivity studies, each one call: accuracy per layer, per bit position, per channel and per pixel of
 * one module's input, and along the values of any numeric parameter. Every point is a typed edit of the
 * validated configuration, built and checked before the first trial runs; trials are seeded by their
 * point and repeat only, so a study gives the same rows at any thread count, and with a
 * {@link TrialJournal} an interrupted study resumes where it stopped.
 *
 * <p>Studies that fault at a rate ({@code bit}, {@code channel}, {@code pixel}) set every rate-driven
 * selector they edit to that rate; enabled entries they do not edit are switched off, so the faults come
 * only from what the study varies.
 *
 * @since 0.2
 */
public final class Studies {

    /** The rate of faulty values the {@code bit}, {@code channel} and {@code pixel} studies use by default. */
    public static final double DEFAULT_RATE = 1e-3;

    private static final Pattern PARAMETER_PATH =
            Pattern.compile("(?:faultinject\\[(\\d+)]\\.)?(quantization|selector|error_mode)\\.([A-Za-z0-9_]+)");

    private final Experiments experiments;
    private final PluginBlocks blocks;

    /**
     * Creates the studies over an experiment's configuration, model and data.
     *
     * @param experiments the experiments whose configuration, model, data, seed and threads the studies use
     * @param blocks      the plugins, to bind the blocks a study puts in (such as a fixed bit flip)
     */
    public Studies(Experiments experiments, PluginBlocks blocks) {
        this.experiments = Objects.requireNonNull(experiments, "experiments is null");
        this.blocks = Objects.requireNonNull(blocks, "blocks is null");
    }

    /**
     * Injects into one module at a time with the configuration as given; one row per module that has an
     * injection site, in model order. The seeds are those of {@link Experiments#layerSensitivity(int)}.
     *
     * @param repeats  trials per module
     * @param progress called with (finished, total) trials
     * @param journal  where finished trials are recorded and looked up, or null
     * @return the rows, variable {@code layer}
     */
    public StudyResult layer(int repeats, Experiments.ProgressListener progress, TrialJournal journal) {
        EasyConfig config = experiments.config();
        Set<String> modules = new LinkedHashSet<>();
        for (InjectionSite site : InjectionPlan.build(config, experiments.model().describe()).sites()) {
            modules.add(site.module());
        }
        List<Experiments.StudyPointSpec> points = new ArrayList<>();
        for (ModuleDescriptor module : experiments.model().describe()) {
            if (modules.contains(module.fullName())) {
                points.add(new Experiments.StudyPointSpec("layer=" + module.fullName(), module.fullName(), List.of(),
                        config, module.fullName()));
            }
        }
        return experiments.runStudy("layer", "layer", points, 1000, repeats, progress, journal);
    }

    /**
     * Flips exactly bit {@code k} of each faulty value, for every {@code k} of the code: every rate-driven
     * entry gets a fixed bit flip at {@code rate}: {@code IntFixedBitFlip} on the entry's integer code
     * (bit {@code width - 1} is the sign of a signed code), or {@code FloatFixedBitFlip} on the IEEE-754
     * pattern of a float error mode (mantissa from bit 0, then exponent, then sign).
     *
     * @param rate     the probability that a value is faulty
     * @param repeats  trials per bit
     * @param progress called with (finished, total) trials
     * @param journal  where finished trials are recorded and looked up, or null
     * @return one row per bit from 0 (least significant), variable {@code bit}
     * @throws ConfigurationException if no entry is rate-driven, the entries disagree on the code, or the
     *                                rate is out of a selector's range
     */
    public StudyResult bit(double rate, int repeats, Experiments.ProgressListener progress, TrialJournal journal) {
        EasyConfig config = onlyRateDriven(rate);
        List<ConfigProblem> problems = new ArrayList<>();
        Map<Integer, String> codes = new LinkedHashMap<>();
        for (FaultInjectEntry entry : config.rateDrivenEntries()) {
            Optional<IntegerCode> code = entry.errorMode().operator().code();
            int width = entry.bitsPerValue();
            if (code.isEmpty() && floatType(width).isEmpty()) {
                problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, "faultinject[" + entry.index() + "].error_mode",
                        "the bit study flips bits of an integer code or of an IEEE-754 float, but "
                                + entry.errorMode().name() + " faults " + width + "-bit values. Use an integer error"
                                + " mode or a float one with floattype float16, float32 or float64"));
            }
            codes.put(entry.index(), code.map(IntegerCode::toString).orElse(floatType(width).orElse("?")));
        }
        if (new TreeSet<>(codes.values()).size() > 1) {
            problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, "faultinject", "the bit study numbers the bits of"
                    + " one code, but the rate-driven entries read different ones " + codes
                    + ". Give them the same error mode code, or disable all but one"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        int width = config.rateDrivenEntries().get(0).bitsPerValue();
        List<Experiments.StudyPointSpec> points = new ArrayList<>();
        for (int bit = 0; bit < width; bit++) {
            int k = bit;
            EasyConfig atBit = config.mapEntries(e -> e.enabled() ? e.withErrorMode(fixedBitFlip(e, k)) : e);
            points.add(new Experiments.StudyPointSpec("bit=" + k, Integer.toString(k), List.of(k), atBit, null));
        }
        return experiments.runStudy("bit", "bit", points, 2000, repeats, progress, journal);
    }

    /**
     * Faults only channel {@code c} of the input of one module, for every channel: the enabled
     * activation-input entries acting on the module get {@code SelectedDimRandomPositionByRate} at
     * {@code rate} limited to that channel; other entries are off and the other modules get no faults.
     *
     * @param module   the module's full name, for example {@code conv2}
     * @param rate     the probability that a value of the channel is faulty
     * @param repeats  trials per channel
     * @param progress called with (finished, total) trials
     * @param journal  where finished trials are recorded and looked up, or null
     * @return one row per channel, variable {@code channel}
     * @throws ConfigurationException if the module is unknown or no activation-input entry acts on it
     */
    public StudyResult channel(String module, double rate, int repeats, Experiments.ProgressListener progress,
                               TrialJournal journal) {
        TensorShape shape = inputShape(module);
        EasyConfig config = onlyInputsOf(module);
        List<Experiments.StudyPointSpec> points = new ArrayList<>();
        for (int c = 0; c < shape.dim(1); c++) {
            Map<String, Object> where = Map.of("channel", List.of(c));
            points.add(new Experiments.StudyPointSpec("channel=" + c, Integer.toString(c), List.of(c),
                    limitedTo(config, module, rate, where), module));
        }
        return experiments.runStudy("channel", "channel", points, 3000, repeats, progress, journal);
    }

    /**
     * Faults only the pixel {@code (h, w)} of the input of one module, in every channel, for every pixel;
     * otherwise as {@link #channel}. The label of a row is {@code h:w}.
     *
     * @param module   the module's full name; its input must be 4-D (batch, channel, height, width)
     * @param rate     the probability that a value at the pixel is faulty
     * @param repeats  trials per pixel
     * @param progress called with (finished, total) trials
     * @param journal  where finished trials are recorded and looked up, or null
     * @return one row per pixel, row by row, variable {@code pixel}
     * @throws ConfigurationException if the module is unknown, its input is not 4-D, or no
     *                                activation-input entry acts on it
     */
    public StudyResult pixel(String module, double rate, int repeats, Experiments.ProgressListener progress,
                             TrialJournal journal) {
        TensorShape shape = inputShape(module);
        if (shape.rank() != 4) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "module",
                    "the input of '" + module + "' has shape " + shape + "; the pixel study needs a 4-D input"
                            + " (batch, channel, height, width). Choose a convolution, or use the channel study"));
        }
        EasyConfig config = onlyInputsOf(module);
        List<Experiments.StudyPointSpec> points = new ArrayList<>();
        for (int h = 0; h < shape.dim(2); h++) {
            for (int w = 0; w < shape.dim(3); w++) {
                Map<String, Object> where = Map.of("height", List.of(h), "width", List.of(w));
                points.add(new Experiments.StudyPointSpec("pixel=" + h + ":" + w, h + ":" + w, List.of(h, w),
                        limitedTo(config, module, rate, where), module));
            }
        }
        return experiments.runStudy("pixel", "pixel", points, 1_000_000, repeats, progress, journal);
    }

    /**
     * Sweeps one numeric parameter of one block: {@code faultinject[i].<block>.<name>} edits entry
     * {@code i}, {@code <block>.<name>} every enabled entry that has the block; {@code <block>} is
     * {@code quantization}, {@code selector} or {@code error_mode}. When a quantization's code changes
     * width (such as {@code integer_bit} of {@code FixPointQuantization}), an error mode that declares
     * {@code bit_width} follows it. Every value is checked before the first trial.
     *
     * @param path     the parameter's address, for example {@code quantization.scale_factor}
     * @param values   the values, in the order of the rows
     * @param repeats  trials per value
     * @param progress called with (finished, total) trials
     * @param journal  where finished trials are recorded and looked up, or null
     * @return one row per value, variable the parameter's name
     * @throws ConfigurationException listing every problem: a malformed path, a missing entry or block, an
     *                                unknown parameter (with a suggestion), a value out of range
     */
    public StudyResult parameter(String path, double[] values, int repeats, Experiments.ProgressListener progress,
                                 TrialJournal journal) {
        Matcher m = PARAMETER_PATH.matcher(path);
        if (!m.matches()) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "param", "'" + path
                    + "' is not a parameter address. Allowed: faultinject[<index>].<block>.<parameter> or"
                    + " <block>.<parameter>, <block> one of [error_mode, quantization, selector], for example"
                    + " quantization.scale_factor"));
        }
        String block = m.group(2);
        String name = m.group(3);
        if (values.length == 0 || Arrays.stream(values).distinct().count() < values.length) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "values", "a parameter sweep needs"
                    + " one or more different values, got " + Arrays.toString(values) + ". Give each value once"));
        }
        EasyConfig config = experiments.config();
        List<Integer> indices = new ArrayList<>();
        if (m.group(1) != null) {
            int index = Integer.parseInt(m.group(1));
            if (index >= config.faultInject().size()) {
                throw new ConfigurationException(new ConfigProblem(ErrorId.OUT_OF_RANGE, path, "the configuration"
                        + " has " + config.faultInject().size() + " faultinject entries, so the index must be in [0, "
                        + (config.faultInject().size() - 1) + "], got " + index));
            }
            indices.add(index);
        } else {
            config.faultInject().stream().filter(e -> e.enabled() && plugin(e, block).isPresent())
                    .forEach(e -> indices.add(e.index()));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (int index : indices) {
            FaultInjectEntry entry = config.faultInject().get(index);
            String at = "faultinject[" + index + "]." + block;
            Optional<BoundPlugin<?>> plugin = plugin(entry, block);
            if (plugin.isEmpty()) {
                problems.add(new ConfigProblem(CoreErrorId.MISSING_KEY, at, "the entry has no " + block + " block"));
            } else if (plugin.get().provider().parameters().find(name).isEmpty()) {
                List<String> known = plugin.get().provider().parameters().names();
                problems.add(new ConfigProblem(ErrorId.UNKNOWN_PARAMETER, at + "." + name, plugin.get().provider().name()
                        + " has no parameter '" + name + "'. Available: " + new TreeSet<>(known) + "."
                        + NameSuggestions.hint(name, known)));
            }
        }
        if (indices.isEmpty()) {
            problems.add(new ConfigProblem(CoreErrorId.MISSING_KEY, path, "no enabled faultinject entry has a "
                    + block + " block"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        List<Experiments.StudyPointSpec> points = new ArrayList<>();
        for (int v = 0; v < values.length; v++) {
            double value = values[v];
            EasyConfig edited = config;
            for (int index : indices) {
                try {
                    edited = edited.withEntry(index, e -> withParameter(e, block, name, value));
                } catch (ConfigurationException e) {
                    problems.addAll(e.problems());
                }
            }
            String label = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            points.add(new Experiments.StudyPointSpec(name + "=" + label, label, List.of(v), edited, null));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems.stream().distinct().toList());
        }
        return experiments.runStudy("param", name, points, 4000, repeats, progress, journal);
    }

    private static Optional<BoundPlugin<?>> plugin(FaultInjectEntry entry, String block) {
        return switch (block) {
            case "quantization" -> entry.quantization().map(q -> q.plugin());
            case "selector" -> entry.selector().map(s -> s.plugin());
            default -> Optional.of(entry.errorMode().plugin());
        };
    }

    private FaultInjectEntry withParameter(FaultInjectEntry entry, String block, String name, double value) {
        String at = "faultinject[" + entry.index() + "]." + block;
        switch (block) {
            case "quantization" -> {
                return followCode(entry.withQuantization(set(entry.quantization().orElseThrow().plugin(), name, value,
                        at)), at);
            }
            case "selector" -> {
                return entry.withSelector(set(entry.selector().orElseThrow().plugin(), name, value, at));
            }
            default -> {
                return entry.withErrorMode(set(entry.errorMode().plugin(), name, value, at));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends PluginProvider> BoundPlugin<P> set(BoundPlugin<P> plugin, String name, Object value,
                                                                String at) {
        ParameterSpec<Object> spec = (ParameterSpec<Object>) plugin.provider().parameters().find(name).orElseThrow();
        Object typed;
        try {
            typed = spec.bind(value);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.problems().stream().map(p -> p.under(at)).toList());
        }
        return plugin.with(spec, typed);
    }

    /** After a quantization edit, lets an error mode with a {@code bit_width} read the new code. */
    private static FaultInjectEntry followCode(FaultInjectEntry entry, String at) {
        Optional<IntegerCode> read = entry.errorMode().operator().code();
        if (read.isEmpty() || entry.quantization().isEmpty()) {
            return entry;
        }
        IntegerCode produced = entry.quantization().get().operator().code();
        boolean consistent = produced.equals(read.get())
                || (!produced.signed() && read.get().signed() && read.get().bitWidth() == produced.bitWidth() + 1);
        if (consistent) {
            return entry;
        }
        BoundPlugin<ErrorModeProvider> mode = entry.errorMode().plugin();
        if (mode.provider().parameters().find("bit_width").isEmpty()) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.INCONSISTENT_BIT_WIDTH, at,
                    "the edited quantization produces " + produced + " codes but " + mode.provider().name()
                            + " reads " + read.get() + " codes and has no bit_width to follow it"));
        }
        int width = !produced.signed() && read.get().signed() ? produced.bitWidth() + 1 : produced.bitWidth();
        return entry.withErrorMode(set(mode, "bit_width", width, at.replace(".quantization", ".error_mode")));
    }

    /** The configuration with every rate-driven entry at {@code rate} and every other entry off. */
    private EasyConfig onlyRateDriven(double rate) {
        if (experiments.config().rateDrivenEntries().isEmpty()) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "faultinject", "the bit study"
                    + " needs an enabled entry whose selector is driven by a rate (such as RandomPositionByRate), to"
                    + " fault values at the study's rate; this configuration has none"));
        }
        return experiments.config().mapEntries(e -> !e.enabled() ? e : e.rateDriven() ? e.withRate(rate)
                : e.withEnabled(false));
    }

    private BoundPlugin<ErrorModeProvider> fixedBitFlip(FaultInjectEntry entry, int bit) {
        Optional<IntegerCode> code = entry.errorMode().operator().code();
        Map<String, Object> block = new LinkedHashMap<>();
        if (code.isPresent()) {
            block.put("method", "IntFixedBitFlip");
            block.put("bit_width", code.get().bitWidth());
            block.put("signed", code.get().signed());
        } else {
            block.put("method", "FloatFixedBitFlip");
            block.put("floattype", floatType(entry.bitsPerValue()).orElseThrow());
        }
        block.put("bit", bit);
        return blocks.bind(PluginKind.ERROR_MODE, ErrorModeProvider.class, block,
                "faultinject[" + entry.index() + "].error_mode", Set.of());
    }

    private static Optional<String> floatType(int width) {
        return switch (width) {
            case 16 -> Optional.of("float16");
            case 32 -> Optional.of("float32");
            case 64 -> Optional.of("float64");
            default -> Optional.empty();
        };
    }

    /** The configuration with only the enabled activation-input entries that act on {@code module} left on. */
    private EasyConfig onlyInputsOf(String module) {
        EasyConfig config = experiments.config();
        Set<Integer> acting = new LinkedHashSet<>();
        Set<String> inputModules = new TreeSet<>();
        for (InjectionSite site : InjectionPlan.build(config, experiments.model().describe()).sites()) {
            if (site.entry().hook() == HookType.ACTIVATION_IN && site.entry().enabled()) {
                inputModules.add(site.module());
                if (site.module().equals(module)) {
                    acting.add(site.entry().index());
                }
            }
        }
        if (acting.isEmpty()) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "faultinject",
                    "no enabled activation (input) entry acts on '" + module + "', so the study would inject nothing;"
                            + " entries act on the inputs of " + inputModules + ". Choose one of those modules, or"
                            + " add an entry of type activation for it"));
        }
        return config.mapEntries(e -> acting.contains(e.index()) || !e.enabled() ? e : e.withEnabled(false));
    }

    private EasyConfig limitedTo(EasyConfig config, String module, double rate, Map<String, Object> where) {
        return config.mapEntries(e -> {
            if (!e.enabled()) {
                return e;
            }
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("method", "SelectedDimRandomPositionByRate");
            block.put("rate", rate);
            block.putAll(where);
            return e.withSelector(blocks.bind(PluginKind.SELECTOR, SelectorProvider.class, block,
                    "faultinject[" + e.index() + "].selector", Set.of()));
        });
    }

    /** Runs the first example through the model and records the shape of the module's input. */
    private TensorShape inputShape(String module) {
        List<String> names = experiments.model().describe().stream().map(ModuleDescriptor::fullName).toList();
        if (!names.contains(module)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.NO_MATCHING_MODULE, "module",
                    "the model has no module '" + module + "'. Available: " + names + "."
                            + NameSuggestions.hint(module, names)));
        }
        LabeledData data = experiments.data();
        int perExample = data.images().length / data.size();
        int[] dims = data.shape().dims();
        dims[0] = 1;
        TensorShape[] seen = new TensorShape[1];
        experiments.model().forward(Arrays.copyOf(data.images(), perExample), TensorShape.of(dims), new SelectiveHooks() {
            @Override
            public boolean actsOn(HookPoint point) {
                return point.kind() == HookPoint.Kind.INPUT && point.module().equals(module);
            }

            @Override
            public void onInput(String name, float[] values, TensorShape shape) {
                if (name.equals(module) && seen[0] == null) {
                    seen[0] = shape;
                }
            }

            @Override
            public void onOutput(String name, float[] values, TensorShape shape) {
            }

            @Override
            public float[] onWeight(String name, String weightName, float[] clean, TensorShape shape) {
                return clean;
            }
        });
        if (seen[0] == null || seen[0].rank() < 2) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "module", "the input of '"
                    + module + "' has no channel dimension (shape " + seen[0] + ")"));
        }
        return seen[0];
    }
}
