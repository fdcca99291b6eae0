package dev.mrfi.core.experiment;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.HookPoint;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.host.SelectiveHooks;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.ModuleMatcher;
import dev.mrfi.core.config.ObserveEntry;
import dev.mrfi.core.config.Operators;
import dev.mrfi.core.engine.FaultSink;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The reference's experiment helpers on one configuration, model and data set: accuracy under the
 * configuration, golden and float accuracy, the bit error rate sweep, observe runs with and without golden
 * pairing, observers along a sweep, activation and weight statistics, and {@link #logspaceDensity}.
 * Obtain one from {@link dev.mrfi.core.Mrfi#toolkit}.
 *
 * <pre>{@code
 * ExperimentToolkit toolkit = mrfi.toolkit(config, model, data, 100, 4, 2024L);
 * AccuracyResult faulty = toolkit.accuracy(10);           // Acc_experiment, 10 trials, 95 % interval
 * AccuracyResult float32 = toolkit.floatAccuracy();       // Acc_golden(disable_quantization=True)
 * ObserveResult ranges = toolkit.activationInfo("MaxAbs", true, ModuleMatcher.anyModule());
 * }</pre>
 *
 * <p>Guarantees: every random draw derives from the seed, the trial's position and the site, so a result
 * does not depend on the thread count; with {@link #withJournal a journal}, each finished trial is recorded
 * durably before it counts, and a run resumed from the journal ends with the same result. Observers added
 * for a run (the {@code temporary} ones) exist for that run only: the configuration is never changed.
 * Immutable and thread-safe; the {@code with...} methods return a copy.
 */
public final class ExperimentToolkit {

    private final EasyConfigLoader loader;
    private final EasyConfig config;
    private final ClassificationModel model;
    private final LabeledData data;
    private final int batchSize;
    private final int threads;
    private final long seed;
    private final FaultSink faultSink;
    private final TrialJournal journal;
    private final Experiments.ProgressListener progress;

    /**
     * Creates the toolkit.
     *
     * @param loader    binds observers named by the caller
     * @param config    the validated configuration (a configuration tree gives one through
     *                  {@link dev.mrfi.core.config.ConfigTree#toEasyConfig()})
     * @param model     the classifier
     * @param data      the labelled examples
     * @param batchSize examples per forward pass; with {@code auto} ranges a batch shares one range
     * @param threads   worker threads for trials
     * @param seed      the experiment seed
     * @param faultSink receives every fault of every faulty trial; must be thread-safe
     */
    public ExperimentToolkit(EasyConfigLoader loader, EasyConfig config, ClassificationModel model, LabeledData data,
                             int batchSize, int threads, long seed, FaultSink faultSink) {
        this(loader, config, model, data, batchSize, threads, seed, faultSink, null, Experiments.ProgressListener.NONE);
    }

    private ExperimentToolkit(EasyConfigLoader loader, EasyConfig config, ClassificationModel model, LabeledData data,
                              int batchSize, int threads, long seed, FaultSink faultSink, TrialJournal journal,
                              Experiments.ProgressListener progress) {
        this.loader = Objects.requireNonNull(loader, "loader is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.model = Objects.requireNonNull(model, "model is null");
        this.data = Objects.requireNonNull(data, "data is null");
        this.faultSink = Objects.requireNonNull(faultSink, "faultSink is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("batch size and threads must be at least 1");
        }
        this.batchSize = batchSize;
        this.threads = threads;
        this.seed = seed;
        this.journal = journal;
    }

    /**
     * Returns a copy that records every finished trial in a journal and skips the trials it already holds.
     * Create the journal with the header {@link #describe(String, int)} gives, so that a journal of another
     * experiment is refused on resume.
     *
     * @param journal the journal, or null for none
     * @return the copy
     */
    public ExperimentToolkit withJournal(TrialJournal journal) {
        return new ExperimentToolkit(loader, config, model, data, batchSize, threads, seed, faultSink, journal, progress);
    }

    /**
     * Returns a copy that reports progress after each trial.
     *
     * @param listener called with (finished, total) trials, from worker threads
     * @return the copy
     */
    public ExperimentToolkit withProgress(Experiments.ProgressListener listener) {
        return new ExperimentToolkit(loader, config, model, data, batchSize, threads, seed, faultSink, journal, listener);
    }

    /**
     * Returns a copy on another configuration, for example a calibrated tree's.
     *
     * @param other the validated configuration
     * @return the copy
     */
    public ExperimentToolkit withConfig(EasyConfig other) {
        return new ExperimentToolkit(loader, other, model, data, batchSize, threads, seed, faultSink, journal, progress);
    }

    /**
     * Returns a copy on the first {@code images} examples of the data (all of them if there are fewer).
     *
     * @param images the number of examples, at least 1
     * @return the copy
     */
    public ExperimentToolkit limitedTo(int images) {
        if (images < 1) {
            throw new IllegalArgumentException("the number of images must be at least 1, got " + images);
        }
        if (images >= data.size()) {
            return this;
        }
        int perExample = data.images().length / data.size();
        int[] dims = data.shape().dims();
        dims[0] = images;
        LabeledData first = new LabeledData(Arrays.copyOf(data.images(), images * perExample), TensorShape.of(dims),
                Arrays.copyOf(data.labels(), images));
        return new ExperimentToolkit(loader, config, model, first, batchSize, threads, seed, faultSink, journal, progress);
    }

    /**
     * Returns the configuration.
     *
     * @return the validated configuration
     */
    public EasyConfig config() {
        return config;
    }

    /**
     * Returns the model.
     *
     * @return the classifier
     */
    public ClassificationModel model() {
        return model;
    }

    /**
     * Returns the data.
     *
     * @return the labelled examples
     */
    public LabeledData data() {
        return data;
    }

    /**
     * Returns the observer binder this toolkit uses.
     *
     * @return the loader
     */
    public EasyConfigLoader loader() {
        return loader;
    }

    /**
     * Returns the existing experiments on the same configuration, model, data, seed and threads.
     *
     * @return the experiments
     */
    public Experiments experiments() {
        return new Experiments(config, model, data, batchSize, threads, seed, faultSink);
    }

    /**
     * Describes everything that decides the results of one kind of run, for a journal header: the kind,
     * the configuration, repeats, seed, batch size and a checksum of the data; never the thread count.
     *
     * @param experiment the kind of run, for example {@code observe}
     * @param repeats    trials per point
     * @return the description
     */
    public String describe(String experiment, int repeats) {
        return "toolkit " + experiment + "; " + experiments().describe(new double[0], repeats, "as given");
    }

    private Provenance provenance(String experiment, int repeats) {
        return new Provenance(experiment, config.describe(), seed, data.size(), repeats);
    }

    /**
     * Returns the reference's {@code logspace_density}: {@code density * (high - low) + 1} powers of ten
     * evenly spaced in the exponent from {@code 10^low} to {@code 10^high}, so that every decade boundary
     * is among them. {@code logspaceDensity(-8, -4, 3)} gives the 13 bit error rates of the reference's
     * default sweep. A decade boundary is the double nearest to {@code 10^k}; the points between are
     * {@code 10^(i * step + low)} with the exponent formed as numpy's {@code linspace} forms it; they agree
     * with numpy's values to one unit in the last place (numpy's vectorised power can itself miss by one:
     * it gives {@code 9.999999999999999e-06} for {@code 1e-5}).
     *
     * @param low     the exponent of the first value
     * @param high    the exponent of the last value, above {@code low}
     * @param density points per decade, at least 1
     * @return the values, increasing
     * @throws IllegalArgumentException if {@code high <= low} or {@code density < 1}
     */
    public static double[] logspaceDensity(int low, int high, int density) {
        if (high <= low || density < 1) {
            throw new IllegalArgumentException("logspace_density needs low < high and density >= 1, got low " + low
                    + ", high " + high + ", density " + density);
        }
        double[] values = new double[density * (high - low) + 1];
        double step = (double) (high - low) / (values.length - 1);
        for (int i = 0; i < values.length; i++) {
            // the exponent as numpy's linspace forms it, i * step + low, so the points between decades agree
            values[i] = i % density == 0 ? Double.parseDouble("1e" + (low + i / density)) : Math.pow(10, i * step + low);
        }
        return values;
    }

    /**
     * Measures accuracy under the configuration as it is ({@code Acc_experiment}): {@code repeats} faulty
     * trials over the whole data, each with its own random streams.
     *
     * @param repeats the number of trials, at least 1
     * @return the accuracy with its 95 % interval
     */
    public AccuracyResult accuracy(int repeats) {
        requireRepeats(repeats);
        InjectionPlan plan = InjectionPlan.build(config, model.describe());
        List<TrialJournal.TrialOutcome> outcomes = runTrials(repeats, repeat -> () -> outcome("accuracy/repeat=" + repeat,
                        () -> countCorrect(plan, trialSeed(0, repeat), trial -> { }), Map.of()));
        return new AccuracyResult(provenance("accuracy", repeats), estimate(outcomes), failures(outcomes));
    }

    /**
     * Measures golden accuracy ({@code Acc_golden}): quantization applies, no fault is injected. A single
     * deterministic pass; the interval is the Wilson interval of its counts.
     *
     * @return the accuracy
     */
    public AccuracyResult goldenAccuracy() {
        return new AccuracyResult(provenance("golden", 1), experiments().goldenAccuracy(), 0);
    }

    /**
     * Measures the float model's accuracy ({@code Acc_golden(disable_quantization=True)}): neither
     * quantization nor injection applies, weights are the clean ones. A single deterministic pass.
     *
     * @return the accuracy
     */
    public AccuracyResult floatAccuracy() {
        InjectionPlan plan = InjectionPlan.build(config, model.describe());
        int correct = countCorrect(plan, 0L, trial -> trial.setInjectionEnabled(false));
        return new AccuracyResult(provenance("float", 1), AccuracyEstimate.of(new int[] {correct}, data.size()), 0);
    }

    /**
     * Sweeps the bit error rate ({@code BER_Acc_experiment}); see
     * {@link Experiments#berSweep(double[], int, OptionalInt, Experiments.ProgressListener, TrialJournal,
     * Experiments.TrialFaults)}, which this delegates to with this toolkit's journal and progress.
     *
     * @param bers         the bit error rates, for example {@link #logspaceDensity(int, int, int)}
     * @param repeats      trials per point
     * @param bitsPerValue the reference's {@code bit_width}, or empty to take each error mode's own
     * @return the rows, golden first
     * @throws ConfigurationException if no enabled entry is rate-driven, or a rate would exceed 1
     */
    public BerSweepResult berSweep(double[] bers, int repeats, OptionalInt bitsPerValue) {
        requireRepeats(repeats);
        return new BerSweepResult(provenance("ber", repeats),
                experiments().berSweep(bers, repeats, bitsPerValue, progress, journal, null));
    }

    /**
     * Runs the configuration's observers together with temporary ones ({@code observeFI_experiment}):
     * each trial runs every batch golden then faulty when {@code useGolden}, faulty only otherwise.
     * Numeric results get a 95 % interval over the trials.
     *
     * @param useGolden true to pair each faulty pass with a golden one, as error observers (RMSE, MAE) need
     * @param repeats   the number of trials, at least 1
     * @param temporary observers added for this run only, bound by {@link #observer}
     * @return every observer's statistic
     * @throws ConfigurationException if an observer compares with a golden run and {@code useGolden} is
     *                                false, or if there is no observer at all
     */
    public ObserveResult observe(boolean useGolden, int repeats, List<ObserveEntry> temporary) {
        requireRepeats(repeats);
        EasyConfig observed = withObservers(config, temporary);
        checkObservers(observed, useGolden, useGolden ? "observe" : "observe without golden runs");
        return observeTrials(observed, useGolden, false, repeats, "observe", "observe");
    }

    /**
     * Runs one temporary observer on every module a matcher finds ({@code observeFI_experiment_plus}),
     * with the configuration's own observers.
     *
     * @param method    the observer's name, for example {@code RMSE}
     * @param pre       true to observe the modules' inputs, false for their outputs
     * @param matcher   which modules; {@link ModuleMatcher#anyModule()} for all, the root included
     * @param useGolden true to pair each faulty pass with a golden one
     * @param repeats   the number of trials, at least 1
     * @return every observer's statistic
     * @throws ConfigurationException for an unknown observer name (with a suggestion), or as
     *                                {@link #observe(boolean, int, List)}
     */
    public ObserveResult observe(String method, boolean pre, ModuleMatcher matcher, boolean useGolden, int repeats) {
        return observe(useGolden, repeats, List.of(observer(method, pre, matcher)));
    }

    /**
     * Binds an observer by name with its default parameters, for the {@code temporary} observers of a run.
     *
     * @param method  the observer's name or alias
     * @param pre     true to observe module inputs, false for outputs
     * @param matcher which modules it observes
     * @return the entry
     * @throws ConfigurationException for an unknown name, with a suggestion
     */
    public ObserveEntry observer(String method, boolean pre, ModuleMatcher matcher) {
        return loader.observer(method, pre, matcher);
    }

    /**
     * Runs the observers at each bit error rate ({@code BER_observe_experiment}); unlike the accuracy sweep
     * it never stops early.
     *
     * @param bers         the bit error rates
     * @param repeats      trials per point
     * @param bitsPerValue the reference's {@code bit_width}, or empty to take each error mode's own
     * @param useGolden    true to pair each faulty pass with a golden one
     * @param temporary    observers added for this run only
     * @return one point per BER
     * @throws ConfigurationException if no enabled entry is rate-driven, a rate would exceed 1, or the
     *                                observers do not suit {@code useGolden}
     */
    public BerObserveResult berObserve(double[] bers, int repeats, OptionalInt bitsPerValue, boolean useGolden,
                                       List<ObserveEntry> temporary) {
        requireRepeats(repeats);
        Experiments experiments = experiments();
        List<EasyConfig> atRates = experiments.checkBers(bers, bitsPerValue);
        checkObservers(withObservers(config, temporary), useGolden, "observe along a BER sweep");
        List<BerObserveResult.Point> points = new ArrayList<>();
        for (int i = 0; i < bers.length; i++) {
            EasyConfig atRate = withObservers(atRates.get(i), temporary);
            ObserveResult observed = observeTrials(atRate, useGolden, false, repeats, "ber-observe",
                    "ber=" + bers[i] + "/observe");
            points.add(new BerObserveResult.Point(bers[i], atRate.rateDrivenEntries().get(0).rate().orElseThrow(),
                    observed));
        }
        return new BerObserveResult(provenance("ber-observe", repeats), points);
    }

    /**
     * Observes activations of the float model ({@code get_activation_info}): quantization and injection
     * are off, no golden pairing, one pass over the data with only the given observer. The
     * configuration's own observers do not run, so error observers cannot break it.
     *
     * @param method  the observer's name, for example {@code MinMax}, {@code MaxAbs}, {@code Std}
     * @param pre     true for the modules' inputs, false for their outputs
     * @param matcher which modules
     * @return one statistic per matched module
     * @throws ConfigurationException for an unknown name, or an observer that needs golden runs
     */
    public ObserveResult activationInfo(String method, boolean pre, ModuleMatcher matcher) {
        return activationInfo(List.of(observer(method, pre, matcher)));
    }

    /**
     * Observes activations of the float model with several observers at once; see
     * {@link #activationInfo(String, boolean, ModuleMatcher)}.
     *
     * @param observers the observers, bound by {@link #observer}
     * @return one statistic per observer and matched module
     */
    public ObserveResult activationInfo(List<ObserveEntry> observers) {
        EasyConfig onlyThese = withObservers(new EasyConfig(config.faultInject(), List.of(), config.seed(),
                config.allowInconsistentBitWidth(), config.warnings()), observers);
        checkObservers(onlyThese, false, "activation statistics");
        return observeTrials(onlyThese, false, true, 1, "activation-info", "activation-info");
    }

    /**
     * Observes weights ({@code get_weight_info}): for every matched module and each named weight it has,
     * a new observer sees the clean weight tensor once. Deterministic; no data is needed beyond one
     * example to drive the host.
     *
     * @param method      the observer's name, for example {@code MinMax}
     * @param weightNames the weights, for example {@code [weight, bias]}
     * @param matcher     which modules
     * @return one statistic per module and weight, keyed {@code module.weight}
     * @throws ConfigurationException for an unknown observer name, or when no matched module has any of
     *                                the weights (the message lists the weights they have)
     */
    public ObserveResult weightInfo(String method, List<String> weightNames, ModuleMatcher matcher) {
        ObserveEntry entry = observer(method, false, matcher);
        Map<HookPoint, ModuleDescriptor> targets = new LinkedHashMap<>();
        List<String> present = new ArrayList<>();
        for (ModuleDescriptor module : model.describe()) {
            if (!matcher.matches(module.fullName(), module.typeName())) {
                continue;
            }
            for (String weight : module.weights().keySet()) {
                present.add(module.fullName() + "." + weight);
            }
            for (String weight : weightNames) {
                if (module.weights().containsKey(weight)) {
                    targets.put(HookPoint.weight(module.fullName(), weight), module);
                }
            }
        }
        if (targets.isEmpty()) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "weight_name",
                    "no matched module has any of the weights " + weightNames + ". The matched modules have "
                            + (present.isEmpty() ? "no weights (or no module matched)" : present)));
        }
        Map<HookPoint, Observer> observers = new LinkedHashMap<>();
        SelectiveHooks hooks = new SelectiveHooks() {
            @Override
            public boolean actsOn(HookPoint point) {
                return targets.containsKey(point);
            }

            @Override
            public void onInput(String module, float[] values, TensorShape shape) {
            }

            @Override
            public void onOutput(String module, float[] values, TensorShape shape) {
            }

            @Override
            public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
                HookPoint point = HookPoint.weight(module, weightName);
                if (targets.containsKey(point) && !observers.containsKey(point)) {
                    Observer observer = Operators.observer(entry.observer());
                    observer.update(clean, 0, shape.size(), shape);
                    observers.put(point, observer);
                }
                return clean;
            }
        };
        int perExample = data.images().length / data.size();
        int[] dims = data.shape().dims();
        dims[0] = 1;
        model.forward(Arrays.copyOf(data.images(), perExample), TensorShape.of(dims), hooks);
        List<ObservedStatistic> statistics = new ArrayList<>();
        for (HookPoint point : targets.keySet()) {
            Observer observer = observers.get(point);
            if (observer == null) {
                continue;
            }
            statistics.add(new ObservedStatistic(point.module() + "." + point.weight(), point.module(),
                    "weight:" + point.weight(), entry.observer().provider().name(),
                    estimates(List.of(numbers(observer.result())))));
        }
        return new ObserveResult(new Provenance("weight-info", config.describe(), seed, 1, 1), statistics, 0);
    }

    private ObserveResult observeTrials(EasyConfig observed, boolean useGolden, boolean floatModel, int repeats,
                                        String experiment, String keyPrefix) {
        InjectionPlan plan = InjectionPlan.build(observed, model.describe());
        Map<String, ObservedStatistic> described = new LinkedHashMap<>();
        List<TrialJournal.TrialOutcome> outcomes = runTrials(repeats, repeat -> () -> {
                    String key = keyPrefix + "/repeat=" + repeat;
                    Map<String, List<Double>> values = new LinkedHashMap<>();
                    return outcome(key, () -> {
                        Trial trial = plan.newTrial(trialSeed(floatModel ? 0 : 1, repeat), faultSink);
                        trial.setInjectionEnabled(!floatModel);
                        Batches.forEach(data, batchSize, (input, shape, labels) -> {
                            if (useGolden) {
                                trial.setGolden(true);
                                model.forward(input.clone(), shape, trial);
                                trial.setGolden(false);
                            }
                            model.forward(input, shape, trial);
                        });
                        for (Trial.ObservedValue value : trial.observed()) {
                            values.put(value.key(), numbers(value.result()));
                            synchronized (described) {
                                described.putIfAbsent(value.key(), new ObservedStatistic(value.key(), value.module(),
                                        value.pre() ? "input" : "output", value.name(), List.of()));
                            }
                        }
                        return -1;
                    }, values);
                });
        List<ObservedStatistic> statistics = new ArrayList<>();
        List<TrialJournal.TrialOutcome> finished = outcomes.stream().filter(o -> !o.failed()).toList();
        if (!finished.isEmpty()) {
            for (String key : finished.get(0).values().keySet()) {
                List<List<Double>> perTrial = new ArrayList<>();
                finished.forEach(o -> perTrial.add(o.values().getOrDefault(key, List.of())));
                ObservedStatistic where = described.getOrDefault(key, describeKey(key, plan));
                statistics.add(new ObservedStatistic(key, where.module(), where.point(), where.observer(),
                        estimates(perTrial)));
            }
        }
        return new ObserveResult(provenance(experiment, repeats), statistics, failures(outcomes));
    }

    /** Rebuilds where an observer sits from its key, for trials restored from a journal. */
    private static ObservedStatistic describeKey(String key, InjectionPlan plan) {
        int last = key.lastIndexOf('.');
        String rest = key.substring(0, last);
        int index = Integer.parseInt(key.substring(last + 1));
        boolean pre = rest.endsWith(".pre") || rest.equals("pre");
        String module = pre ? rest.substring(0, Math.max(0, rest.length() - 4)) : rest;
        List<ObserveEntry> entries = plan.config().observe().stream()
                .filter(e -> e.pre() == pre && plan.modules().stream()
                        .anyMatch(m -> m.fullName().equals(module) && e.matcher().matches(m.fullName(), m.typeName())))
                .toList();
        String name = index < entries.size() ? entries.get(index).observer().provider().name() : "";
        return new ObservedStatistic(key, module, pre ? "input" : "output", name, List.of());
    }

    private static List<ValueEstimate> estimates(List<List<Double>> perTrial) {
        int components = perTrial.stream().mapToInt(List::size).min().orElse(0);
        List<ValueEstimate> estimates = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            double[] samples = new double[perTrial.size()];
            for (int t = 0; t < samples.length; t++) {
                samples[t] = perTrial.get(t).get(c);
            }
            estimates.add(ValueEstimate.of(samples));
        }
        return estimates;
    }

    /** Flattens an observer's result to numbers: a number, or lists and arrays of numbers, nested. */
    static List<Double> numbers(Object result) {
        List<Double> numbers = new ArrayList<>();
        flatten(result, numbers);
        return numbers;
    }

    private static void flatten(Object value, List<Double> into) {
        if (value instanceof Number) {
            into.add(((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            into.add((Boolean) value ? 1.0 : 0.0);
        } else if (value instanceof Iterable<?>) {
            for (Object item : (Iterable<?>) value) {
                flatten(item, into);
            }
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                flatten(Array.get(value, i), into);
            }
        }
    }

    private static EasyConfig withObservers(EasyConfig base, List<ObserveEntry> temporary) {
        EasyConfig result = base;
        for (ObserveEntry entry : temporary) {
            result = result.withObserver(entry);
        }
        return result;
    }

    private void checkObservers(EasyConfig observed, boolean useGolden, String what) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (observed.observe().isEmpty()) {
            problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, "observe", what + " needs at least one observer;"
                    + " the configuration has none and none was added"));
        }
        if (!useGolden) {
            for (ObserveEntry entry : observed.observe()) {
                Observer probe = Operators.observer(entry.observer());
                if (probe.pairsWithGolden()) {
                    problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, "observe[" + entry.index() + "].method",
                            "observer '" + entry.observer().provider().name() + "' compares each faulty pass with a"
                                    + " golden one, but " + what + " runs no golden pass. Use golden pairing, or an"
                                    + " observer of values such as MinMax, MaxAbs, MeanAbs or Std"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private static void requireRepeats(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
    }

    private interface TrialJob {
        Supplier<TrialJournal.TrialOutcome> forRepeat(int repeat);
    }

    /** Runs the repeats on the worker threads, restoring from the journal what it holds. */
    private List<TrialJournal.TrialOutcome> runTrials(int repeats, TrialJob job) {
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, repeats));
        try {
            List<Future<TrialJournal.TrialOutcome>> futures = new ArrayList<>();
            for (int repeat = 0; repeat < repeats; repeat++) {
                Supplier<TrialJournal.TrialOutcome> trial = job.forRepeat(repeat);
                futures.add(pool.submit(() -> {
                    TrialJournal.TrialOutcome outcome = trial.get();
                    progress.update(finished.incrementAndGet(), repeats);
                    return outcome;
                }));
            }
            List<TrialJournal.TrialOutcome> outcomes = new ArrayList<>();
            for (Future<TrialJournal.TrialOutcome> future : futures) {
                outcomes.add(Batches.await(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Looks a trial up in the journal, or runs it and records it; a plugin failure becomes a failed trial. */
    private TrialJournal.TrialOutcome outcome(String key, java.util.function.IntSupplier run,
                                              Map<String, List<Double>> values) {
        if (journal != null) {
            Optional<TrialJournal.TrialOutcome> done = journal.find(key);
            if (done.isPresent()) {
                return done.get();
            }
        }
        TrialJournal.TrialOutcome outcome;
        try {
            int correct = run.getAsInt();
            outcome = new TrialJournal.TrialOutcome(key, correct, data.size(), null, values);
        } catch (dev.mrfi.api.InjectionException e) {
            outcome = new TrialJournal.TrialOutcome(key, -1, data.size(), String.valueOf(e.getMessage()));
        }
        if (journal != null) {
            journal.record(outcome);
        }
        return outcome;
    }

    private AccuracyEstimate estimate(List<TrialJournal.TrialOutcome> outcomes) {
        return AccuracyEstimate.of(outcomes.stream().filter(o -> !o.failed())
                .mapToInt(TrialJournal.TrialOutcome::correct).toArray(), data.size());
    }

    private static int failures(List<TrialJournal.TrialOutcome> outcomes) {
        return (int) outcomes.stream().filter(TrialJournal.TrialOutcome::failed).count();
    }

    /** Derives a trial's seed from the experiment seed, a stream number and the repeat, as sweeps do. */
    private long trialSeed(int stream, int repeat) {
        long h = seed * 0x9E3779B97F4A7C15L + 7919L * (stream + 1);
        h = (h ^ (h >>> 31)) * 0xbf58476d1ce4e5b9L + repeat;
        return h ^ (h >>> 29);
    }

    private int countCorrect(InjectionPlan plan, long trialSeed, Consumer<Trial> setup) {
        Trial trial = plan.newTrial(trialSeed, faultSink);
        setup.accept(trial);
        int[] correct = new int[1];
        Batches.forEach(data, batchSize, (input, shape, labels) -> {
            float[] logits = model.forward(input, shape, trial);
            correct[0] += Experiments.correctPredictions(logits, labels);
        });
        return correct[0];
    }

}
