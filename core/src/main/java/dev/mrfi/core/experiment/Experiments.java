package dev.mrfi.core.experiment;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.FaultInjectEntry;
import dev.mrfi.core.engine.FaultSink;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.InjectionSite;
import dev.mrfi.core.engine.Trial;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The reference's headline experiments on a classifier: golden accuracy, accuracy against bit error rate,
 * layer-wise sensitivity. Trials run in parallel; every trial's faults derive from the experiment seed and
 * the trial's position, so results do not depend on the thread count.
 */
public final class Experiments {

    /** Accuracy below which a sweep stops, as in the reference. */
    public static final double STOP_BELOW = 0.01;

    private final ClassificationModel model;
    private final LabeledData data;
    private final int batchSize;
    private final int threads;
    private final long seed;
    private final EasyConfig config;
    private final FaultSink faultSink;

    /**
     * Creates the experiments.
     *
     * @param config    the validated configuration; a BER sweep edits its rate-driven selectors per point
     * @param model     the classifier
     * @param data      the labelled examples
     * @param batchSize examples per forward pass; with {@code auto} ranges a batch shares one range
     * @param threads   worker threads for trials
     * @param seed      the experiment seed
     */
    public Experiments(EasyConfig config, ClassificationModel model, LabeledData data, int batchSize,
                       int threads, long seed) {
        this(config, model, data, batchSize, threads, seed, FaultSink.NONE);
    }

    /**
     * Creates the experiments with a sink that receives every fault of every faulty trial they run
     * (besides a sweep's per-trial sinks). Usually made by {@link dev.mrfi.core.Mrfi#experiments}, which
     * takes the sink bound in its Guice module.
     *
     * @param config    the validated configuration; a BER sweep edits its rate-driven selectors per point
     * @param model     the classifier
     * @param data      the labelled examples
     * @param batchSize examples per forward pass; with {@code auto} ranges a batch shares one range
     * @param threads   worker threads for trials
     * @param seed      the experiment seed
     * @param faultSink receives every fault, from every worker thread at once; must be thread-safe
     */
    public Experiments(EasyConfig config, ClassificationModel model, LabeledData data, int batchSize,
                       int threads, long seed, FaultSink faultSink) {
        this.faultSink = Objects.requireNonNull(faultSink, "faultSink is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.model = Objects.requireNonNull(model, "model is null");
        this.data = Objects.requireNonNull(data, "data is null");
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("batch size and threads must be at least 1");
        }
        this.batchSize = batchSize;
        this.threads = threads;
        this.seed = seed;
    }

    /**
     * Returns the reference's default BER list: 13 points, three per decade, from 1e-8 to 1e-4.
     *
     * @return the bit error rates
     */
    public static double[] defaultBers() {
        double[] bers = new double[13];
        for (int i = 0; i < bers.length; i++) {
            bers[i] = Math.pow(10, -8 + i / 3.0);
        }
        return bers;
    }

    /**
     * Returns the plan of the configuration as given, for inspection (sites, warnings).
     *
     * @return the plan
     */
    public InjectionPlan plan() {
        return InjectionPlan.build(config, model.describe());
    }

    /**
     * Runs a golden pass over the data: quantization applies, no faults. The batches are shared out among
     * the worker threads; a golden pass draws nothing at random, so the result does not depend on how.
     *
     * @return the accuracy estimate of the single deterministic trial
     */
    public AccuracyEstimate goldenAccuracy() {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return AccuracyEstimate.of(new int[] {sum(submitGolden(pool))}, data.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Submits the golden pass as one contiguous share of the batches per worker thread. */
    private List<Future<Integer>> submitGolden(ExecutorService pool) {
        InjectionPlan plan = plan();
        int batches = (data.size() + batchSize - 1) / batchSize;
        int shares = Math.max(1, Math.min(threads, batches));
        List<Future<Integer>> futures = new ArrayList<>();
        for (int share = 0; share < shares; share++) {
            int first = (int) ((long) batches * share / shares);
            int end = (int) ((long) batches * (share + 1) / shares);
            futures.add(pool.submit(() -> runBatches(plan, 0L, true, trial -> { }, null, first, end)));
        }
        return futures;
    }

    private static int sum(List<Future<Integer>> futures) {
        int total = 0;
        for (Future<Integer> future : futures) {
            total += Batches.await(future);
        }
        return total;
    }

    /**
     * Sweeps the bit error rate without a journal or manifest; see
     * {@link #berSweep(double[], int, ProgressListener, TrialJournal, TrialFaults)}.
     *
     * @param bers     the bit error rates, in the order to report them
     * @param repeats  trials per point
     * @param progress called with (finished, total) trials
     * @return one row per BER, golden first
     */
    public List<BerPoint> berSweep(double[] bers, int repeats, ProgressListener progress) {
        return berSweep(bers, repeats, OptionalInt.empty(), progress, null, null);
    }

    /**
     * Returns the bits per value a sweep uses to turn a bit error rate into a rate: the given number, or
     * the one the first rate-driven entry's error mode declares.
     *
     * @param bitsPerValue the user's choice, or empty to derive it
     * @return bits per value
     * @throws ConfigurationException if no enabled entry has a rate-driven selector
     */
    public int bitsPerValue(OptionalInt bitsPerValue) {
        List<FaultInjectEntry> swept = sweptEntries();
        return bitsPerValue.orElse(swept.get(0).bitsPerValue());
    }

    /**
     * Builds each point's configuration without running anything, so a BER whose rate a selector refuses
     * (above 1, say) stops the run before any trial or file: the message shows the multiplication.
     *
     * @param bers         the bit error rates
     * @param bitsPerValue bits per value for every entry, or empty to take each error mode's own
     * @return each point's configuration, in the order of {@code bers}
     * @throws ConfigurationException if no enabled entry has a rate-driven selector, or a selector refuses
     *                                a point's rate; the problem keeps its id and the selector's path
     */
    public List<EasyConfig> checkBers(double[] bers, OptionalInt bitsPerValue) {
        sweptEntries();
        List<EasyConfig> atRates = new ArrayList<>();
        for (double ber : bers) {
            try {
                atRates.add(config.withBer(ber, bitsPerValue));
            } catch (ConfigurationException e) {
                throw new ConfigurationException(e.problems().stream().map(p -> explainRate(p, ber, bitsPerValue))
                        .toList());
            }
        }
        return atRates;
    }

    private ConfigProblem explainRate(ConfigProblem problem, double ber, OptionalInt bitsPerValue) {
        for (FaultInjectEntry entry : config.rateDrivenEntries()) {
            int bits = bitsPerValue.orElse(entry.bitsPerValue());
            double rate = ber * bits;
            if (problem.path().startsWith("faultinject[" + entry.index() + "]") && rate > 1) {
                return new ConfigProblem(problem.id(), problem.path(), "at --ber " + ber + " the rate is " + ber + " x "
                        + bits + " bits per value = " + new BigDecimal(rate).round(new MathContext(6))
                        .stripTrailingZeros().toPlainString() + ", above 1: " + problem.message()
                        + ". Lower the BER, or the bits per value");
            }
        }
        return problem;
    }

    private List<FaultInjectEntry> sweptEntries() {
        List<FaultInjectEntry> swept = config.rateDrivenEntries();
        if (swept.isEmpty()) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "faultinject",
                    "a bit error rate sweep needs an enabled entry whose selector is driven by a rate (such as"
                            + " RandomPositionByRate); this configuration has none ("
                            + config.faultInject().stream().map(e -> "faultinject[" + e.index() + "]: "
                                    + e.selector().map(FaultInjectEntry.Bound::name).orElse("no selector")
                                    + (e.enabled() ? "" : ", disabled")).toList()
                            + "), so the BER would not change any fault"));
        }
        return swept;
    }

    /**
     * Sweeps the bit error rate: for each BER, every rate-driven selector's rate becomes BER times the bits
     * per value ({@code bitsPerValue}, or what its entry's error mode declares), and {@code repeats}
     * trials run. Each point's configuration is a typed edit of the validated one; nothing is parsed or
     * validated again. The golden row comes first with BER 0.
     * Once a point's mean accuracy falls below {@link #STOP_BELOW}, later points are skipped.
     *
     * <p>A trial whose plugins fail is recorded as failed and the sweep goes on; its point's estimate uses
     * the trials that finished. With a journal, every finished trial is recorded durably as it ends, and
     * trials the journal already holds are not run again, so an interrupted sweep resumes where it stopped
     * and ends with the same rows.
     *
     * @param bers         the bit error rates, in the order to report them
     * @param repeats      trials per point
     * @param bitsPerValue bits per value for every entry, or empty to take each error mode's own
     * @param progress     called with (finished, total) trials
     * @param journal      where finished trials are recorded and looked up, or null
     * @param faults       receives each run trial's faults, or null
     * @return one row per BER, golden first
     * @throws ConfigurationException if no enabled entry has a rate-driven selector, or a rate exceeds 1
     */
    public List<BerPoint> berSweep(double[] bers, int repeats, OptionalInt bitsPerValue, ProgressListener progress,
                                   TrialJournal journal, TrialFaults faults) {
        try (LocalTrialRunner runner = new LocalTrialRunner(threads)) {
            return new Campaign(this, bers, repeats, bitsPerValue, Optional.empty()).run(runner, journal, faults, progress);
        }
    }

    /** The journal's outcome for {@code key}, or runs the trial, records and returns it; a failure is an outcome. */
    private TrialJournal.TrialOutcome outcome(TrialJournal journal, String key, java.util.function.IntSupplier run) {
        if (journal != null) {
            Optional<TrialJournal.TrialOutcome> done = journal.find(key);
            if (done.isPresent()) {
                return done.get();
            }
        }
        TrialJournal.TrialOutcome outcome;
        try {
            outcome = new TrialJournal.TrialOutcome(key, run.getAsInt(), data.size(), null);
        } catch (RuntimeException e) {
            outcome = new TrialJournal.TrialOutcome(key, -1, data.size(), String.valueOf(e.getMessage()));
        }
        if (journal != null) {
            journal.record(outcome);
        }
        return outcome;
    }

    private AccuracyEstimate estimate(List<TrialJournal.TrialOutcome> outcomes) {
        int[] correct = outcomes.stream().filter(o -> !o.failed()).mapToInt(TrialJournal.TrialOutcome::correct).toArray();
        return AccuracyEstimate.of(correct, data.size());
    }

    /**
     * Describes everything that decides a sweep's results, for a journal header: the configuration, the
     * points, repeats, seed, batch size and a checksum of the data. The thread count is left out on
     * purpose: it does not change results.
     *
     * @param bers    the bit error rates
     * @param repeats trials per point
     * @param model   a description of the model, such as its weights file
     * @return the description
     */
    public String describe(double[] bers, int repeats, String model) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * (data.images().length + data.labels().length));
        for (float value : data.images()) {
            buffer.putFloat(value);
        }
        for (int label : data.labels()) {
            buffer.putInt(label);
        }
        crc.update(buffer.array());
        return "config=" + config.describe() + "; bers=" + Arrays.toString(bers) + "; repeats=" + repeats + "; seed=" + seed
                + "; batch=" + batchSize + "; data=" + data.size() + " examples, crc32 " + Long.toHexString(crc.getValue())
                + "; model=" + model;
    }

    /**
     * Describes everything that decides a study's results, for a journal header: the study and its settings,
     * then what {@link #describe(double[], int, String)} lists for a sweep (without BERs).
     *
     * @param settings the study's name and settings, for example {@code study=bit; rate=0.001}
     * @param repeats  trials per point
     * @param model    a description of the model
     * @return the description
     * @since 0.2
     */
    public String describeStudy(String settings, int repeats, String model) {
        return settings + "; " + describe(new double[0], repeats, model).replace("; bers=[]", "");
    }

    /** Gives each trial of a sweep its own fault sink, named by the trial's key. */
    @FunctionalInterface
    public interface TrialFaults {

        /**
         * Returns the sink for one trial; called from the worker thread that runs it.
         *
         * @param trialKey the trial's key, for example {@code ber=1.0E-5/repeat=0}
         * @return the sink
         */
        FaultSink sinkFor(String trialKey);
    }

    /**
     * Injects into one module at a time, with the configuration as given, and measures accuracy.
     *
     * @param repeats trials per module
     * @return accuracy by module full name, in model order
     */
    public Map<String, AccuracyEstimate> layerSensitivity(int repeats) {
        InjectionPlan plan = plan();
        Set<String> modules = new LinkedHashSet<>();
        for (InjectionSite site : plan.sites()) {
            modules.add(site.module());
        }
        List<String> ordered = new ArrayList<>();
        model.describe().forEach(m -> {
            if (modules.contains(m.fullName())) {
                ordered.add(m.fullName());
            }
        });
        Map<String, AccuracyEstimate> result = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<String, List<Future<Integer>>> futures = new LinkedHashMap<>();
            for (int m = 0; m < ordered.size(); m++) {
                String module = ordered.get(m);
                List<Future<Integer>> trials = new ArrayList<>();
                for (int repeat = 0; repeat < repeats; repeat++) {
                    long trialSeed = trialSeed(1000 + m, repeat);
                    trials.add(pool.submit(() -> runTrial(plan, trialSeed, false, trial -> trial.restrictToModule(module), null)));
                }
                futures.put(module, trials);
            }
            for (Map.Entry<String, List<Future<Integer>>> entry : futures.entrySet()) {
                int[] correct = new int[repeats];
                for (int repeat = 0; repeat < repeats; repeat++) {
                    correct[repeat] = Batches.await(entry.getValue().get(repeat));
                }
                result.put(entry.getKey(), AccuracyEstimate.of(correct, data.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        return result;
    }

    EasyConfig config() {
        return config;
    }

    ClassificationModel model() {
        return model;
    }

    LabeledData data() {
        return data;
    }

    /** One point of a study: its own configuration, optionally limited to the sites of one module. */
    record StudyPointSpec(String key, String label, List<Integer> position, EasyConfig config, String onlyModule) {
    }

    /**
     * Runs the golden pass and {@code repeats} trials per point, every trial seeded by its point's index
     * (plus {@code seedOffset}) and its repeat, so the rows do not depend on the thread count. With a
     * journal, finished trials are recorded and recorded ones are not run again.
     */
    StudyResult runStudy(String study, String variable, List<StudyPointSpec> points, int seedOffset, int repeats,
                         ProgressListener progress, TrialJournal journal) {
        int total = points.size() * repeats;
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Optional<TrialJournal.TrialOutcome> recorded = journal == null ? Optional.empty() : journal.find("golden");
            List<Future<Integer>> goldenShares = recorded.isPresent() ? List.of() : submitGolden(pool);
            List<List<Future<TrialJournal.TrialOutcome>>> futures = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                StudyPointSpec point = points.get(p);
                InjectionPlan plan = InjectionPlan.build(point.config(), model.describe());
                List<Future<TrialJournal.TrialOutcome>> trials = new ArrayList<>();
                for (int repeat = 0; repeat < repeats; repeat++) {
                    long trialSeed = trialSeed(seedOffset + p, repeat);
                    String key = point.key() + "/repeat=" + repeat;
                    trials.add(pool.submit(() -> {
                        TrialJournal.TrialOutcome outcome = outcome(journal, key, () -> runTrial(plan, trialSeed, false,
                                trial -> trial.restrictToModule(point.onlyModule()), null));
                        progress.update(finished.incrementAndGet(), total);
                        return outcome;
                    }));
                }
                futures.add(trials);
            }
            TrialJournal.TrialOutcome golden = recorded.isPresent() ? recorded.get()
                    : outcome(journal, "golden", () -> sum(goldenShares));
            List<StudyRow> rows = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                List<TrialJournal.TrialOutcome> outcomes = new ArrayList<>();
                for (Future<TrialJournal.TrialOutcome> future : futures.get(p)) {
                    outcomes.add(Batches.await(future));
                }
                int failures = (int) outcomes.stream().filter(TrialJournal.TrialOutcome::failed).count();
                StudyPointSpec point = points.get(p);
                rows.add(new StudyRow(point.label(), point.position(), estimate(outcomes), failures));
            }
            return new StudyResult(study, variable, estimate(List.of(golden)), rows);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs every batch twice, golden then faulty, with the configuration's observers (add for example
     * {@code observe: [{method: RMSE, module_name: ''}]}), and returns their results.
     *
     * @return every observer with its module, name and result, in the order they first ran
     */
    public List<Trial.ObservedValue> observe() {
        Trial trial = plan().newTrial(trialSeed(0, 0), faultSink);
        Batches.forEach(data, batchSize, (input, shape, labels) -> {
            trial.setGolden(true);
            model.forward(input, shape, trial);
            trial.setGolden(false);
            model.forward(input, shape, trial);
        });
        return trial.observed();
    }

    /**
     * Returns a thread-safe evaluator that runs sweep trials (and the golden pass) on this process, the
     * one every {@link TrialRunner} ends up calling wherever it runs.
     *
     * @return the evaluator
     */
    public TrialEvaluator evaluator() {
        return evaluator(null);
    }

    /**
     * Returns an evaluator like {@link #evaluator()} whose trials also report their faults.
     *
     * @param faults receives each trial's faults, or null
     * @return the evaluator
     */
    public TrialEvaluator evaluator(TrialFaults faults) {
        Map<String, InjectionPlan> plans = new java.util.concurrent.ConcurrentHashMap<>();
        return task -> {
            try {
                InjectionPlan plan = plans.computeIfAbsent(task.golden() ? "golden" : task.ber() + "/" + task.bitsPerValue(),
                        k -> task.golden() ? plan() : InjectionPlan.build(config.withBer(task.ber(),
                                task.bitsPerValue() == 0 ? OptionalInt.empty() : OptionalInt.of(task.bitsPerValue())),
                                model.describe()));
                int correct = runTrial(plan, task.seed(), task.golden(), trial -> { },
                        faults == null ? null : faults.sinkFor(task.key()));
                return new TrialJournal.TrialOutcome(task.key(), correct, data.size(), null);
            } catch (RuntimeException e) {
                return new TrialJournal.TrialOutcome(task.key(), -1, data.size(), String.valueOf(e.getMessage()));
            }
        };
    }

    /**
     * Returns the fault population of one sweep point in the sense of statistical fault injection: the
     * number of (bit, position, image) sites a rate-driven entry can hit, that is the sum over the
     * rate-driven sites of values per image times bits per value, times the number of images. One image
     * runs through the model (golden, nothing injected) to count the values each site sees.
     *
     * @param bitsPerValue bits per value for every entry, or empty to take each error mode's own
     * @return the population; at least 1
     */
    public long faultPopulation(OptionalInt bitsPerValue) {
        InjectionPlan plan = plan();
        Map<String, Integer> bitsAt = new LinkedHashMap<>();
        for (InjectionSite site : plan.sites()) {
            if (!site.entry().rateDriven() || !site.entry().enabled()) {
                continue;
            }
            String hook = site.entry().hook().label();
            String weight = "";
            if (site.entry().hook() == dev.mrfi.core.config.HookType.WEIGHT) {
                String prefix = site.module() + "/" + hook + "/";
                weight = site.name().substring(prefix.length(), site.name().lastIndexOf('#'));
            }
            bitsAt.merge(site.module() + "\u0000" + hook + "\u0000" + weight,
                    bitsPerValue.orElse(site.entry().bitsPerValue()), Integer::sum);
        }
        long[] perImage = new long[1];
        dev.mrfi.api.host.ForwardHooks counting = new dev.mrfi.api.host.ForwardHooks() {
            @Override
            public void onInput(String module, float[] values, TensorShape shape) {
                perImage[0] += (long) values.length * bitsAt.getOrDefault(module + "\u0000activation_in\u0000", 0);
            }

            @Override
            public void onOutput(String module, float[] values, TensorShape shape) {
                perImage[0] += (long) values.length * bitsAt.getOrDefault(module + "\u0000activation_out\u0000", 0);
            }

            @Override
            public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
                perImage[0] += (long) clean.length * bitsAt.getOrDefault(module + "\u0000weight\u0000" + weightName, 0);
                return clean;
            }
        };
        int[] dims = data.shape().dims();
        dims[0] = 1;
        int perExample = data.images().length / data.size();
        model.forward(Arrays.copyOf(data.images(), perExample), TensorShape.of(dims), counting);
        return Math.max(1, perImage[0] * data.size());
    }

    /**
     * Returns the number of examples every trial classifies.
     *
     * @return the data set's size
     */
    public int examples() {
        return data.size();
    }

    long trialSeed(int point, int repeat) {
        long h = seed * 0x9E3779B97F4A7C15L + point;
        h = (h ^ (h >>> 31)) * 0xbf58476d1ce4e5b9L + repeat;
        return h ^ (h >>> 29);
    }

    private int runTrial(InjectionPlan plan, long trialSeed, boolean golden, Consumer<Trial> setup,
                         FaultSink sink) {
        return runBatches(plan, trialSeed, golden, setup, sink, 0, Integer.MAX_VALUE);
    }

    /** Runs one trial over the batches {@code [firstBatch, endBatch)} and counts the correct predictions. */
    private int runBatches(InjectionPlan plan, long trialSeed, boolean golden, Consumer<Trial> setup,
                           FaultSink sink, int firstBatch, int endBatch) {
        FaultSink both = sink == null ? faultSink : faultSink == FaultSink.NONE ? sink : record -> {
            sink.accept(record);
            faultSink.accept(record);
        };
        Trial trial = plan.newTrial(trialSeed, both);
        trial.setGolden(golden);
        setup.accept(trial);
        int[] correct = new int[1];
        Batches.forEach(data, batchSize, firstBatch, endBatch, (input, shape, labels) -> {
            float[] logits = model.forward(input, shape, trial);
            correct[0] += Experiments.correctPredictions(logits, labels);
        });
        return correct[0];
    }

    /** Counts the examples whose highest logit (the first, on ties) is at their label. */
    static int correctPredictions(float[] logits, int[] labels) {
        int classes = logits.length / labels.length;
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    /** Receives progress of long experiments. */
    @FunctionalInterface
    public interface ProgressListener {

        /** Ignores progress. */
        ProgressListener NONE = (finished, total) -> { };

        /**
         * Called after each trial, from a worker thread.
         *
         * @param finished trials done so far
         * @param total    trials in all
         */
        void update(int finished, int total);
    }
}
