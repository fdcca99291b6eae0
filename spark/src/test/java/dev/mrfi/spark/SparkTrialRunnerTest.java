package dev.mrfi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.core.experiment.BerPoint;
import dev.mrfi.core.experiment.Campaign;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LocalTrialRunner;
import dev.mrfi.core.experiment.StatisticalSizing;
import dev.mrfi.core.experiment.TrialJournal;
import dev.mrfi.core.experiment.TrialRunnerProvider;
import dev.mrfi.core.experiment.TrialRunners;
import dev.mrfi.core.experiment.TrialTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The embedded {@code local[2]} master gives the local thread pool's results, failures included. */
class SparkTrialRunnerTest {

    private static final double[] BERS = {1e-5, 1e-4, 1e-3};

    @Test
    void localTwoCoresGivesTheRowsOfTheLocalThreadPool() {
        LeNetCampaign source = new LeNetCampaign("default_fi", 300, 7);
        Experiments experiments = source.open();
        List<BerPoint> local;
        try (LocalTrialRunner runner = new LocalTrialRunner(1)) {
            local = new Campaign(experiments, BERS, 3, OptionalInt.empty(), Optional.empty())
                    .run(runner, null, null, Experiments.ProgressListener.NONE);
        }
        List<TrialJournal.TrialOutcome> seen = Collections.synchronizedList(new ArrayList<>());
        List<BerPoint> spark;
        try (SparkTrialRunner runner = new SparkTrialRunner("local[2]", source)) {
            spark = new Campaign(experiments, BERS, 3, OptionalInt.empty(), Optional.empty())
                    .run(outcomesTo(runner, seen), null, null, Experiments.ProgressListener.NONE);
        }
        assertThat(spark).isEqualTo(local);
        assertThat(seen).hasSize(1 + BERS.length * 3);
        assertThat(local.get(1).accuracy().mean()).isGreaterThan(local.get(3).accuracy().mean());
    }

    @Test
    void sizedCampaignRunsTheSameTrialsAndRowsOnSparkAsLocally() {
        LeNetCampaign source = new LeNetCampaign("default_fi", 200, 5);
        Experiments experiments = source.open();
        // margin 0.04 at 95 %: 601 injections, 4 trials of 200 images at most per point
        Optional<StatisticalSizing> sizing = Optional.of(new StatisticalSizing(0.04, 0.95));
        List<BerPoint> local;
        try (LocalTrialRunner runner = new LocalTrialRunner(2)) {
            local = new Campaign(experiments, BERS, 1, OptionalInt.empty(), sizing)
                    .run(runner, null, null, Experiments.ProgressListener.NONE);
        }
        List<BerPoint> spark;
        try (SparkTrialRunner runner = new SparkTrialRunner("local[2]", source)) {
            spark = new Campaign(experiments, BERS, 1, OptionalInt.empty(), sizing)
                    .run(runner, null, null, Experiments.ProgressListener.NONE);
        }
        assertThat(spark).isEqualTo(local);
        assertThat(local.subList(1, local.size())).allSatisfy(row -> {
            assertThat(row.intervalMethod()).isEqualTo(StatisticalSizing.METHOD);
            assertThat(row.accuracy().repeats()).isBetween(1, 4);
            assertThat(row.halfWidth()).isLessThanOrEqualTo(0.04);
        });
    }

    @Test
    void trialOnBadInputIsRecordedAsFailedAndTheOthersRun() {
        LeNetCampaign source = new LeNetCampaign("default_fi", 100, 3);
        List<TrialTask> tasks = List.of(new TrialTask("ok", false, 1e-4, 0, 11L),
                new TrialTask("rate above one", false, 0.5, 0, 12L), new TrialTask("golden", true, 0, 0, 0L));
        List<TrialJournal.TrialOutcome> viaSpark;
        try (SparkTrialRunner runner = new SparkTrialRunner("local[2]", source)) {
            viaSpark = runner.run(tasks, task -> {
                throw new AssertionError("the Spark runner must not run trials on the driver's evaluator");
            }, outcome -> { });
        }
        assertThat(viaSpark).extracting(TrialJournal.TrialOutcome::failed).containsExactly(false, true, false);
        assertThat(viaSpark.get(1).error()).contains("rate");
        List<TrialJournal.TrialOutcome> local;
        try (LocalTrialRunner runner = new LocalTrialRunner(2)) {
            local = runner.run(tasks, source.open().evaluator(), outcome -> { });
        }
        assertThat(viaSpark).isEqualTo(local);
    }

    @Test
    void providerIsFoundForSparkMastersAndLocalThreadsStayLocal() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(TrialRunners.find("local[2]", "--spark", loader)).isInstanceOf(SparkTrialRunnerProvider.class);
        assertThat(TrialRunners.find("spark://10.0.0.5:7077", "--spark", loader))
                .isInstanceOf(SparkTrialRunnerProvider.class);
        TrialRunnerProvider local = TrialRunners.find("threads:4", "--threads", loader);
        assertThat(local.name()).isEqualTo("local");
        assertThat(new SparkTrialRunnerProvider().accepts("spark://host")).isFalse();
    }

    /** Wraps a runner so the test sees every outcome the campaign is told about. */
    private static dev.mrfi.core.experiment.TrialRunner outcomesTo(SparkTrialRunner runner,
                                                                   List<TrialJournal.TrialOutcome> seen) {
        return new dev.mrfi.core.experiment.TrialRunner() {
            @Override
            public String describe() {
                return runner.describe();
            }

            @Override
            public List<TrialJournal.TrialOutcome> run(List<TrialTask> tasks, dev.mrfi.core.experiment.TrialEvaluator local,
                                                       java.util.function.Consumer<TrialJournal.TrialOutcome> finished) {
                return runner.run(tasks, local, outcome -> {
                    seen.add(outcome);
                    finished.accept(outcome);
                });
            }

            @Override
            public void close() {
            }
        };
    }
}
