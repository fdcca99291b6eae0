package dev.mrfi.cli;

import dev.mrfi.core.experiment.Campaign;
import dev.mrfi.core.experiment.CampaignSource;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.StatisticalSizing;
import dev.mrfi.core.experiment.TrialJournal;
import dev.mrfi.core.experiment.TrialRunner;
import dev.mrfi.core.experiment.TrialRunners;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a sweep's trials are sized and where they run: {@code --margin} and {@code --confidence} (statistical
 * sizing), {@code --spark} (a Spark master instead of the local thread pool).
 */
final class CampaignOptions {

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run the trials as Spark tasks: local[N] runs"
            + " an embedded Spark with N cores, spark://HOST:PORT a standalone cluster. Needs the spark module on the"
            + " class path (the ./mrfi launcher adds it).")
    String spark;

    @Option(names = "--margin", paramLabel = "E", description = "Size each point for this margin of error of the"
            + " accuracy (a fraction, e.g. 0.01) after Leveugle et al. (DATE 2009), and stop a point once its"
            + " interval's half-width is at most E; replaces --repeats.")
    Double margin;

    @Option(names = "--confidence", paramLabel = "C", description = "Confidence level of --margin (default: 0.95).")
    Double confidence;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Returns the sizing, or empty without {@code --margin}; checks both values and reports every problem. */
    Optional<StatisticalSizing> sizing() {
        if (margin == null) {
            if (confidence != null) {
                throw new MrfiCommand.UserError("--confidence sets the confidence of --margin; give --margin too"
                        + " (for example --margin 0.01 --confidence " + confidence + ")");
            }
            return Optional.empty();
        }
        return Optional.of(StatisticalSizing.of(margin, confidence == null ? 0.95 : confidence, "--margin",
                "--confidence"));
    }

    /**
     * Refuses options that cannot go with these: {@code --repeats} with {@code --margin}, and with
     * {@code --spark} anything that needs the trials in this process.
     *
     * @param inProcessOnly options given that only work with the local thread pool, such as {@code --manifest}
     */
    void check(List<String> inProcessOnly) {
        sizing();
        String notASweep = inProcessOnly.stream().filter(o -> !o.equals("--manifest")).findFirst().orElse(null);
        if (margin != null && notASweep != null) {
            throw new MrfiCommand.UserError("--margin sizes the points of a BER sweep; it does not apply to "
                    + notASweep + "; leave it out");
        }
        if (margin != null && given("--repeats")) {
            throw new MrfiCommand.UserError("--margin decides the trials per point; leave --repeats out");
        }
        if (spark == null) {
            return;
        }
        TrialRunners.find(spark, "--spark", CampaignOptions.class.getClassLoader());
        List<String> refused = new ArrayList<>(inProcessOnly);
        if (given("--threads")) {
            refused.add(0, "--threads");
        }
        if (!refused.isEmpty()) {
            throw new MrfiCommand.UserError(String.join(", ", refused) + " cannot be used with --spark: "
                    + (refused.size() == 1 ? "it needs" : "they need") + " the trials to run in this process (Spark's"
                    + " cores set the parallelism); leave " + (refused.size() == 1 ? "it" : "them") + " out");
        }
    }

    private boolean given(String option) {
        return command.commandLine().getParseResult() != null
                && command.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * Runs a sweep on the local thread pool or on Spark.
     *
     * @param campaign the sweep
     * @param threads  local worker threads
     * @param source   builds what executors need; called only with {@code --spark}
     * @param progress progress
     * @param journal  the journal
     * @param faults   the fault manifest's sinks, or null
     * @return the rows
     */
    List<dev.mrfi.core.experiment.BerPoint> run(Campaign campaign, int threads, Supplier<CampaignSource> source,
                                                Experiments.ProgressListener progress, TrialJournal journal,
                                                Experiments.TrialFaults faults) {
        String target = spark != null ? spark : "threads:" + threads;
        try (TrialRunner runner = TrialRunners.find(target, spark != null ? "--spark" : "--threads",
                CampaignOptions.class.getClassLoader()).create(target, spark != null ? source.get() : null)) {
            System.err.println("running trials on " + runner.describe());
            return campaign.run(runner, journal, faults, progress);
        }
    }

    /** Describes the sizing for a plot title or the plan. */
    static String describe(Optional<StatisticalSizing> sizing, int repeats) {
        return sizing.map(s -> String.format(Locale.ROOT, "trials sized for a margin of %s at %s confidence",
                s.margin(), s.confidence())).orElse(repeats + " trial(s) per point");
    }

    /** Makes the campaign of a sweep. */
    Campaign campaign(Experiments experiments, double[] bers, int repeats, OptionalInt bits) {
        return new Campaign(experiments, bers, repeats, bits, sizing());
    }
}
