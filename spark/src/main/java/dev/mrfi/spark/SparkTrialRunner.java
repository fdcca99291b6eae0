package dev.mrfi.spark;

import dev.mrfi.core.experiment.CampaignSource;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.TrialEvaluator;
import dev.mrfi.core.experiment.TrialJournal;
import dev.mrfi.core.experiment.TrialRunner;
import dev.mrfi.core.experiment.TrialTask;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs trials as Spark tasks, one task per trial. The campaign (configuration recipe, model and data) is
 * broadcast once; each executor process opens it once and keeps the evaluator for every later task. A
 * task's outcome comes from the task alone, so Spark's retries of lost or failed tasks, and any number of
 * executors or cores, give the same outcomes as the local thread pool. Settings not given here come from
 * {@code spark.*} system properties, as usual for Spark.
 */
public final class SparkTrialRunner implements TrialRunner {

    /** Evaluators opened in this process, by campaign id; a Spark executor runs many tasks of one campaign. */
    private static final Map<String, TrialEvaluator> OPENED = new ConcurrentHashMap<>();

    private final String master;
    private final JavaSparkContext context;
    private final Broadcast<ShippedCampaign> campaign;

    /**
     * Connects to the master and broadcasts the campaign.
     *
     * @param master a Spark master URL: {@code local[2]} runs embedded, {@code spark://host:port} on a
     *               standalone cluster
     * @param source rebuilds the campaign on the executors
     */
    public SparkTrialRunner(String master, CampaignSource source) {
        this.master = Objects.requireNonNull(master, "master is null");
        Objects.requireNonNull(source, "source is null");
        SparkConf conf = new SparkConf().setMaster(master).setAppName("mrfi campaign")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.task.maxFailures", "8");
        if (!master.startsWith("local")) {
            Set<String> jars = new LinkedHashSet<>();
            for (Class<?> type : List.of(source.getClass(), SparkTrialRunner.class, Experiments.class)) {
                jarOf(type).ifPresent(jars::add);
            }
            if (!jars.isEmpty()) {
                conf.setIfMissing("spark.jars", String.join(",", jars));
            }
        }
        this.context = new JavaSparkContext(conf);
        context.setLogLevel(System.getProperty("mrfi.spark.logLevel", "WARN"));
        this.campaign = context.broadcast(new ShippedCampaign(UUID.randomUUID().toString(), source));
    }

    private static java.util.Optional<String> jarOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return java.util.Optional.empty();
        }
        try {
            Path path = Path.of(code.getLocation().toURI());
            return Files.isRegularFile(path) ? java.util.Optional.of(path.toString()) : java.util.Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "Spark " + master + " (" + context.defaultParallelism() + " cores)";
    }

    @Override
    public List<TrialJournal.TrialOutcome> run(List<TrialTask> tasks, TrialEvaluator local,
                                               Consumer<TrialJournal.TrialOutcome> finished) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<TrialJournal.TrialOutcome> outcomes = context.parallelize(tasks, tasks.size())
                .map(new RunTrial(campaign)).collect();
        outcomes.forEach(finished);
        return outcomes;
    }

    /** The Spark context, for tests that watch task progress. */
    JavaSparkContext context() {
        return context;
    }

    @Override
    public void close() {
        campaign.destroy();
        context.stop();
    }

    /** The broadcast value: the campaign's source under an id that tells campaigns apart in an executor. */
    record ShippedCampaign(String id, CampaignSource source) implements Serializable {
    }

    /** A Spark task body: runs one trial with this process's evaluator of the campaign. */
    static final class RunTrial implements Function<TrialTask, TrialJournal.TrialOutcome> {

        private final Broadcast<ShippedCampaign> campaign;

        RunTrial(Broadcast<ShippedCampaign> campaign) {
            this.campaign = campaign;
        }

        @Override
        public TrialJournal.TrialOutcome call(TrialTask task) {
            ShippedCampaign shipped = campaign.value();
            return OPENED.computeIfAbsent(shipped.id(), id -> shipped.source().open().evaluator()).evaluate(task);
        }
    }
}
