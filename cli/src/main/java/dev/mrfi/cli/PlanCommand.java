package dev.mrfi.cli;

import dev.mrfi.api.TensorShape;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.experiment.Campaign;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.core.experiment.StatisticalSizing;
import dev.mrfi.core.experiment.TrialEvaluator;
import dev.mrfi.core.experiment.TrialTask;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mrfi plan}: what {@code mrfi experiment} would run with the same options (points, trials per point,
 * the statistical sizing behind them) and how long it would take, from a short timing run, without running
 * the campaign.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the plan of a BER sweep (points, trials, fault population and sample size with"
                + " --margin, estimated time from a short timing run) without running it.")
final class PlanCommand implements Callable<Integer> {

    @Option(names = "--ber", split = ",", description = "Bit error rates (default: 13 points from 1e-8 to 1e-4).")
    double[] bers;

    @Option(names = "--repeats", defaultValue = "1", description = "Trials per point without --margin (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--bits-per-value", description = "Bits per value in rate = BER x bits (default: the error mode's).")
    Integer bitsPerValue;

    @Option(names = "--threads", description = "Worker threads the estimate assumes (default: all cores).")
    Integer threads;

    @Option(names = "--timing-images", defaultValue = "1000", description = "Images the timing run classifies"
            + " (default: ${DEFAULT-VALUE}).")
    int timingImages;

    @Mixin
    ModelOptions inputs;

    @Mixin
    PluginOptions plugins;

    @Mixin
    CampaignOptions campaign;

    @Override
    public Integer call() {
        if (repeats < 1 || inputs.batchSize < 1 || timingImages < 1 || (threads != null && threads < 1)) {
            throw new MrfiCommand.UserError("--repeats, --batch-size, --timing-images and --threads must be at least 1");
        }
        if (campaign.spark != null) {
            throw new MrfiCommand.UserError("plan times trials on this machine's threads; leave --spark out");
        }
        campaign.check(java.util.List.of());
        Mrfi mrfi = plugins.load();
        Models.Choice chosen = inputs.model();
        EasyConfig configuration = inputs.configuration(mrfi, chosen).configuration();
        Warnings.injectsNothing(configuration);
        LabeledData dataset = inputs.data(chosen);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        double[] points = bers != null ? bers : Experiments.defaultBers();
        OptionalInt bits = bitsPerValue == null ? OptionalInt.empty() : OptionalInt.of(bitsPerValue);
        Experiments experiments = mrfi.experiments(configuration, chosen.model(), dataset, inputs.batchSize, workers, 0);
        experiments.checkBers(points, bits);
        Optional<StatisticalSizing> sizing = campaign.sizing();
        Campaign.Plan plan = campaign.campaign(experiments, points, repeats, bits).plan();

        System.out.printf(Locale.ROOT, "model:     %s on %,d images%n", chosen.name(), dataset.size());
        System.out.printf(Locale.ROOT, "points:    %d BERs %s, plus the golden pass%n", points.length,
                Arrays.toString(points));
        sizing.ifPresent(s -> System.out.printf(Locale.ROOT, "sizing:    margin %s at %s confidence (t = %.4f),"
                        + " Leveugle et al. with p = 0.5%n           fault population N = %,d (bits x positions x"
                        + " images); n = %,d injections = %d trial(s) of %,d images per point%n           a point"
                        + " stops early once its pooled Wilson half-width is <= %s%n", s.margin(), s.confidence(), s.z(),
                plan.population(), plan.injections(), plan.trialsPerPoint(), plan.examples(), s.margin()));
        System.out.printf(Locale.ROOT, "trials:    at most %,d (%d per point + golden)%n", plan.maxTrials(),
                plan.trialsPerPoint());

        int subset = Math.min(timingImages, dataset.size());
        double perTrial = secondsPerTrial(mrfi, configuration, chosen, dataset, subset, points, bits) * dataset.size()
                / subset;
        double estimate = Math.ceil((double) plan.maxTrials() / workers) * perTrial;
        System.out.printf(Locale.ROOT, "timing:    one trial of %,d images takes about %.3f s (timed on %d images)%n",
                dataset.size(), perTrial, subset);
        System.out.printf(Locale.ROOT, "estimate:  at most %.1f s on %d thread(s)%s%n", estimate, workers,
                sizing.isPresent() ? "; less where points stop early" : "");
        return 0;
    }

    /** Times a faulty trial at the middle BER on the first images: the faster of two, after two untimed warm-ups. */
    private double secondsPerTrial(Mrfi mrfi, EasyConfig configuration, Models.Choice chosen, LabeledData dataset,
                                   int subset, double[] points, OptionalInt bits) {
        int perImage = dataset.images().length / dataset.size();
        int[] dims = dataset.shape().dims();
        dims[0] = subset;
        LabeledData first = new LabeledData(Arrays.copyOf(dataset.images(), subset * perImage), TensorShape.of(dims),
                Arrays.copyOf(dataset.labels(), subset));
        TrialEvaluator evaluator = mrfi.experiments(configuration, chosen.model(), first, inputs.batchSize, 1, 0).evaluator();
        TrialTask task = new TrialTask("timing", false, points[points.length / 2], bits.orElse(0), 1L);
        evaluator.evaluate(task);
        evaluator.evaluate(task);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            evaluator.evaluate(task);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
