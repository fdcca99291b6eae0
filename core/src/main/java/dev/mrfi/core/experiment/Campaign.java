package dev.mrfi.core.experiment;

import dev.mrfi.core.config.EasyConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A bit-error-rate sweep run through a {@link TrialRunner}: a fixed number of trials per point, or, with a
 * {@link StatisticalSizing}, as many as the margin and confidence need, stopping each point once its interval
 * is narrow enough.
 *
 * <p>Trials run in rounds. Without sizing there is one round with every trial. With sizing, round
 * {@code r} runs trial {@code r} of every point still open; after the round a point closes when its
 * pooled Wilson half-width is at most the margin or it has run its planned trials. Which trials run
 * therefore depends only on outcomes, and outcomes only on the tasks, so the rows are the same for any
 * runner, thread count or cluster. As in {@link Experiments#berSweep}, points after the first whose mean
 * accuracy falls below {@link Experiments#STOP_BELOW} are reported as skipped.
 */
public final class Campaign {

    private final Experiments experiments;
    private final double[] bers;
    private final int repeats;
    private final OptionalInt bitsPerValue;
    private final StatisticalSizing sizing;

    /**
     * Describes a sweep.
     *
     * @param experiments  the configuration, model and data
     * @param bers         the bit error rates, in the order to report them
     * @param repeats      trials per point without sizing; ignored with sizing
     * @param bitsPerValue bits per value for every entry, or empty to take each error mode's own
     * @param sizing       the margin and confidence that decide the trials per point, or empty
     */
    public Campaign(Experiments experiments, double[] bers, int repeats, OptionalInt bitsPerValue,
                    Optional<StatisticalSizing> sizing) {
        this.experiments = Objects.requireNonNull(experiments, "experiments is null");
        this.bers = bers.clone();
        this.repeats = repeats;
        this.bitsPerValue = Objects.requireNonNull(bitsPerValue, "bitsPerValue is null");
        this.sizing = sizing.orElse(null);
        if (this.sizing == null && repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
    }

    /**
     * What a campaign will run, before running it.
     *
     * @param points         BER points (the golden pass comes on top)
     * @param trialsPerPoint trials each point runs at most
     * @param population     the fault population of a point (bits x positions x images); 0 without sizing
     * @param injections     Leveugle's sample size for that population; 0 without sizing
     * @param examples       images per trial
     */
    public record Plan(int points, int trialsPerPoint, long population, long injections, int examples) {

        /**
         * Returns the trials the campaign runs at most, golden pass included.
         *
         * @return {@code points x trialsPerPoint + 1}
         */
        public long maxTrials() {
            return (long) points * trialsPerPoint + 1;
        }
    }

    /**
     * Computes the plan; with sizing this runs one image through the model to count the fault population.
     *
     * @return the plan
     */
    public Plan plan() {
        if (sizing == null) {
            return new Plan(bers.length, repeats, 0, 0, experiments.examples());
        }
        long population = experiments.faultPopulation(bitsPerValue);
        return new Plan(bers.length, sizing.trials(population, experiments.examples()), population,
                sizing.injections(population), experiments.examples());
    }

    /**
     * Describes everything that decides the rows, for a journal header (see {@link Experiments#describe});
     * the runner is left out on purpose.
     *
     * @param model a description of the model
     * @return the description
     */
    public String describe(String model) {
        String base = experiments.describe(bers, repeats, model);
        return sizing == null ? base : base + String.format(Locale.ROOT, "; margin=%s; confidence=%s", sizing.margin(),
                sizing.confidence());
    }

    /**
     * Runs the sweep.
     *
     * @param runner   where trials run
     * @param journal  where finished trials are recorded and looked up, or null
     * @param faults   receives each trial's faults (trials run in this process only), or null
     * @param progress called with (finished, planned) trials
     * @return one row per BER, golden first
     * @throws dev.mrfi.api.config.ConfigurationException if no enabled entry has a rate-driven selector, or a
     *                                                   rate exceeds 1
     */
    public List<BerPoint> run(TrialRunner runner, TrialJournal journal, Experiments.TrialFaults faults,
                              Experiments.ProgressListener progress) {
        int bits = experiments.bitsPerValue(bitsPerValue);
        List<EasyConfig> atRates = experiments.checkBers(bers, bitsPerValue);
        int planned = plan().trialsPerPoint();
        double z = sizing == null ? 0 : sizing.z();
        int total = 1 + bers.length * planned;
        AtomicInteger finished = new AtomicInteger();
        Consumer<TrialJournal.TrialOutcome> record = outcome -> {
            if (journal != null) {
                journal.record(outcome);
            }
            progress.update(finished.incrementAndGet(), total);
        };
        TrialEvaluator local = experiments.evaluator(faults);
        List<List<TrialJournal.TrialOutcome>> byPoint = new ArrayList<>();
        for (int point = 0; point < bers.length; point++) {
            byPoint.add(new ArrayList<>());
        }
        boolean[] open = new boolean[bers.length];
        Arrays.fill(open, true);
        TrialJournal.TrialOutcome golden = null;
        for (int round = 0; ; round++) {
            List<TrialTask> tasks = new ArrayList<>();
            if (round == 0) {
                tasks.add(new TrialTask("golden", true, 0, bitsPerValue.orElse(0), 0L));
            }
            for (int point = 0; point < bers.length; point++) {
                if (!open[point]) {
                    continue;
                }
                int from = sizing == null ? 0 : round;
                int to = sizing == null ? repeats : round + 1;
                for (int repeat = from; repeat < to; repeat++) {
                    tasks.add(new TrialTask(TrialTask.key(bers[point], repeat), false, bers[point],
                            bitsPerValue.orElse(0), experiments.trialSeed(point, repeat)));
                }
            }
            List<TrialJournal.TrialOutcome> outcomes = runOrRecall(runner, tasks, local, journal, record, finished, total);
            int next = 0;
            if (round == 0) {
                golden = outcomes.get(next++);
            }
            for (int point = 0; point < bers.length; point++) {
                if (!open[point]) {
                    continue;
                }
                for (int i = 0; i < (sizing == null ? repeats : 1); i++) {
                    byPoint.get(point).add(outcomes.get(next++));
                }
                int done = byPoint.get(point).size();
                open[point] = sizing != null && done < planned && halfWidth(byPoint.get(point), z) > sizing.margin();
            }
            int firstLow = firstBelowStop(byPoint, open, z);
            for (int point = firstLow + 1; point < bers.length; point++) {
                open[point] = false;
            }
            boolean anyOpen = false;
            for (boolean o : open) {
                anyOpen |= o;
            }
            if (!anyOpen) {
                break;
            }
        }
        List<BerPoint> rows = new ArrayList<>();
        rows.add(row(0, 0, bits, List.of(golden), z));
        int firstLow = firstBelowStop(byPoint, open, z);
        for (int point = 0; point < bers.length; point++) {
            double rate = atRates.get(point).rateDrivenEntries().get(0).rate().orElseThrow();
            rows.add(point > firstLow ? new BerPoint(bers[point], rate, bits, AccuracyEstimate.SKIPPED, 0)
                    : row(bers[point], rate, bits, byPoint.get(point), z));
        }
        return rows;
    }

    /** Returns the first closed point whose mean is below the stop level, or the last point's index. */
    private int firstBelowStop(List<List<TrialJournal.TrialOutcome>> byPoint, boolean[] open, double z) {
        for (int point = 0; point < byPoint.size(); point++) {
            if (open[point]) {
                return byPoint.size() - 1;
            }
            AccuracyEstimate estimate = row(0, 0, 0, byPoint.get(point), z).accuracy();
            if (estimate.repeats() > 0 && estimate.mean() < Experiments.STOP_BELOW) {
                return point;
            }
        }
        return byPoint.size() - 1;
    }

    private List<TrialJournal.TrialOutcome> runOrRecall(TrialRunner runner, List<TrialTask> tasks, TrialEvaluator local,
                                                        TrialJournal journal, Consumer<TrialJournal.TrialOutcome> record,
                                                        AtomicInteger finished, int total) {
        TrialJournal.TrialOutcome[] outcomes = new TrialJournal.TrialOutcome[tasks.size()];
        List<TrialTask> toRun = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Optional<TrialJournal.TrialOutcome> done = journal == null ? Optional.empty() : journal.find(tasks.get(i).key());
            if (done.isPresent()) {
                outcomes[i] = done.get();
            } else {
                toRun.add(tasks.get(i));
                where.add(i);
            }
        }
        if (!toRun.isEmpty()) {
            List<TrialJournal.TrialOutcome> ran = runner.run(toRun, local, record);
            for (int i = 0; i < ran.size(); i++) {
                outcomes[where.get(i)] = ran.get(i);
            }
        }
        return Arrays.asList(outcomes);
    }

    private double halfWidth(List<TrialJournal.TrialOutcome> outcomes, double z) {
        long correct = 0;
        long images = 0;
        for (TrialJournal.TrialOutcome outcome : outcomes) {
            if (!outcome.failed()) {
                correct += outcome.correct();
                images += outcome.total();
            }
        }
        double[] interval = StatisticalSizing.wilson(correct, images, z);
        return (interval[1] - interval[0]) / 2;
    }

    private BerPoint row(double ber, double rate, int bits, List<TrialJournal.TrialOutcome> outcomes, double z) {
        int failures = (int) outcomes.stream().filter(TrialJournal.TrialOutcome::failed).count();
        List<TrialJournal.TrialOutcome> ok = outcomes.stream().filter(o -> !o.failed()).toList();
        if (sizing == null || ok.isEmpty()) {
            int[] correct = ok.stream().mapToInt(TrialJournal.TrialOutcome::correct).toArray();
            return new BerPoint(ber, rate, bits, AccuracyEstimate.of(correct, experiments.examples()), failures);
        }
        long correct = ok.stream().mapToLong(TrialJournal.TrialOutcome::correct).sum();
        long images = ok.stream().mapToLong(TrialJournal.TrialOutcome::total).sum();
        double[] interval = StatisticalSizing.wilson(correct, images, z);
        return new BerPoint(ber, rate, bits, new AccuracyEstimate((double) correct / images, interval[0], interval[1],
                ok.size()), failures, StatisticalSizing.METHOD, (interval[1] - interval[0]) / 2);
    }
}
