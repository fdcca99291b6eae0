package dev.mrfi.cli;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.NameSuggestions;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.cli.study.Charts;
import dev.mrfi.cli.study.ExperimentStudy;
import dev.mrfi.cli.study.StudyCatalog;
import dev.mrfi.cli.study.StudyContext;
import dev.mrfi.cli.study.StudyOptions;
import dev.mrfi.cli.study.StudyReport;
import dev.mrfi.cli.study.ToolkitRuns;
import dev.mrfi.cli.study.TrialProgress;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.ModuleMatcher;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.core.experiment.BerPoint;
import dev.mrfi.core.experiment.Campaign;
import dev.mrfi.core.experiment.ExperimentToolkit;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.core.experiment.Studies;
import dev.mrfi.core.experiment.StudyResult;
import dev.mrfi.core.experiment.TrialJournal;
import dev.mrfi.nn.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mrfi experiment}: LeNet on Fashion-MNIST, accuracy as the bit error rate grows, as a table, a CSV
 * and a plot; or one of the sensitivity studies of {@link StudyCatalog} ({@code --study}).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Accuracy against bit error rate (the reference's headline experiment) on LeNet-5 and"
                + " Fashion-MNIST, or a sensitivity study with --study: layer, bit, channel, pixel, param.")
final class ExperimentCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--ber", split = ",", description = "Bit error rates, comma separated (default: 13 points from 1e-8 to 1e-4, three per decade).")
    double[] bers;

    @Option(names = "--repeats", defaultValue = "1", description = "Trials per BER point (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every fault (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", defaultValue = "results", description = "Output folder for <study>_accuracy.csv, its chart and trials.jsonl (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "Replace a campaign already in --out (its trials.jsonl, CSV and"
            + " plot); without it, or --resume, a folder that holds a campaign is refused.")
    boolean overwrite;

    @Option(names = "--layerwise", description = "Same as --study layer.")
    boolean layerwise;

    @Option(names = "--study", defaultValue = "ber", paramLabel = "NAME", description = "ber (default): accuracy"
            + " against bit error rate; layer: one module at a time; bit: one bit position at a time; channel, pixel:"
            + " one channel or pixel of the input of --module at a time; param: the values --values of --param;"
            + " observe: golden-paired RMSE at every module's input plus the configuration's observers; calibrate:"
            + " each layer's range over the data, written as a configuration tree with fixed dynamic ranges."
            + " Writes <study>_accuracy.csv (observe, calibrate: <study>_observe.csv) and .png in --out.")
    String study;

    @Option(names = "--calibration", paramLabel = "METHOD", description = "--study calibrate: MaxAbs (default) or"
            + " MinMax, the observer whose range becomes each layer's fixed dynamic_range.")
    String calibration;

    @Option(names = "--rate", description = "Probability that a value is faulty in the bit, channel and pixel"
            + " studies (default: 1e-3).")
    Double rate;

    @Option(names = "--module", paramLabel = "NAME", description = "The module whose input the channel and pixel"
            + " studies fault, for example conv2.")
    String module;

    @Option(names = "--param", paramLabel = "PATH", description = "The parameter the param study sweeps:"
            + " [faultinject[i].]quantization|selector|error_mode.NAME, for example quantization.scale_factor.")
    String param;

    @Option(names = "--values", split = ",", paramLabel = "V", description = "The values of --param, comma"
            + " separated.")
    double[] values;

    @Option(names = "--resume", description = "Continue an interrupted run in --out: trials recorded in"
            + " trials.jsonl are not run again; the settings must be the same.")
    boolean resume;

    @Option(names = "--manifest", description = "Write every injected fault as one JSON line to this file, in trial"
            + " order (trials recorded before a --resume are not repeated and not listed).")
    Path manifest;

    @Option(names = "--observe", description = "Run every batch golden then faulty with the configuration as given and"
            + " print each layer's RMSE between golden and faulty outputs, plus every observer the configuration"
            + " names, each under its own name.")
    boolean observe;

    @Option(names = "--bits-per-value", description = "Bits per value in rate = BER x bits (default: what the"
            + " error mode declares: its code width, or 32 for float32 flips; the reference uses 16 for any mode).")
    Integer bitsPerValue;

    @Mixin
    PluginOptions plugins;

    @Mixin
    CampaignOptions campaign;

    @Mixin
    ModelOptions inputs;

    @Override
    public Integer call() throws IOException {
        if (repeats < 1 || inputs.batchSize < 1 || (threads != null && threads < 1)) {
            throw new MrfiCommand.UserError("--repeats, --batch-size and --threads must be at least 1");
        }
        if (bitsPerValue != null && (bitsPerValue < 1 || bitsPerValue > 64)) {
            throw new MrfiCommand.UserError("--bits-per-value must be in [1, 64], got " + bitsPerValue);
        }
        ExperimentStudy chosenStudy = checkOptions();
        campaign.check(java.util.stream.Stream.of(chosenStudy != null || toolkitRun() ? "--study " + study : null,
                observe ? "--observe" : null, manifest != null ? "--manifest" : null)
                .filter(java.util.Objects::nonNull).toList());
        Mrfi mrfi = plugins.load();
        Models.Choice chosen = inputs.model();
        EasyConfigLoader loader = new EasyConfigLoader(mrfi.blocks());
        ModelOptions.NamedConfiguration named = inputs.configuration(mrfi, chosen);
        EasyConfig configuration = named.configuration();
        String configName = named.name();
        Warnings.injectsNothing(configuration);
        if (observe) {
            configuration = configuration.withObserver(
                    loader.observer("RMSE", false, new ModuleMatcher(List.of(""), List.of(), List.of())));
        }
        LabeledData dataset = inputs.data(chosen);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ClassificationModel model = chosen.model();
        Experiments experiments = mrfi.experiments(configuration, model, dataset, inputs.batchSize, workers, seed);
        for (String warning : experiments.plan().warnings()) {
            System.err.println("warning: " + warning);
        }
        LOG.info("{} on {} images, batch {}, {} thread(s), seed {}", configName, dataset.size(), inputs.batchSize, workers, seed);
        if (toolkitRun()) {
            return toolkitRun(mrfi.toolkit(configuration, model, dataset, inputs.batchSize, workers, seed),
                    chosen.name() + ", " + configName + ", " + dataset.size() + " images");
        }
        if (chosenStudy != null) {
            return study(chosenStudy, new Studies(experiments, mrfi.blocks()), experiments.describeStudy(
                    chosenStudy.settings(studyOptions()), repeats, chosen.name()), chosen.name() + ", " + configName
                    + ", " + dataset.size() + " images, " + repeats + " trial(s) per point");
        }
        if (observe) {
            return observe(experiments);
        }
        double[] points = bers != null ? bers : Experiments.defaultBers();
        for (double ber : points) {
            if (!(ber > 0) || ber > 1) {
                throw new MrfiCommand.UserError("every --ber must be in (0, 1], got " + ber);
            }
        }
        OptionalInt bits = bitsPerValue == null ? OptionalInt.empty() : OptionalInt.of(bitsPerValue);
        experiments.bitsPerValue(bits);
        experiments.checkBers(points, bits);
        long start = System.nanoTime();
        Files.createDirectories(out);
        Path journalFile = out.resolve("trials.jsonl");
        Campaign sweep = campaign.campaign(experiments, points, repeats, bits);
        String description = sweep.describe(chosen.name());
        Map<String, List<String>> faults = new java.util.concurrent.ConcurrentHashMap<>();
        Experiments.TrialFaults faultSinks = manifest == null ? null : key -> {
            List<String> lines = new java.util.ArrayList<>();
            faults.put(key, lines);
            return record -> lines.add("{\"trial\":\"" + key + "\"," + record.toJson().substring(1));
        };
        List<BerPoint> rows;
        try (TrialJournal journal = openJournal(journalFile, description);
             TrialProgress progress = TrialProgress.onStderr("trials")) {
            rows = campaign.run(sweep, workers, () -> CliCampaign.of(plugins.allFolders(), inputs.preset, inputs.config,
                    inputs.modelName, inputs.weights, dataset, inputs.batchSize, seed), progress, journal, faultSinks);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        printTable(rows, bitsPerValue == null);
        writeCsv(rows, out.resolve("ber_accuracy.csv"));
        if (manifest != null) {
            writeManifest(faults, points, repeats);
        }
        int failed = rows.stream().mapToInt(BerPoint::failures).sum();
        if (failed > 0) {
            System.err.printf(Locale.ROOT, "warning: %d trial(s) failed because a plugin failed; their points use the"
                    + " trials that finished. Details in %s%n", failed, journalFile);
        }
        Charts.ber(rows, chosen.name() + " / Fashion-MNIST, " + configName + ", " + dataset.size() + " images, "
                + CampaignOptions.describe(campaign.sizing(), repeats), out.resolve("ber_accuracy.png"));
        System.out.printf(Locale.ROOT, "%nwrote %s and %s (%.1f s)%n", out.resolve("ber_accuracy.csv"),
                out.resolve("ber_accuracy.png"), seconds);
        return 0;
    }

    /**
     * Refuses options that do not apply to the chosen run, and output paths that cannot be written, before
     * any model is loaded or trial run.
     */
    private boolean toolkitRun() {
        return !layerwise && (study.equals("observe") || study.equals("calibrate"));
    }

    private int toolkitRun(ExperimentToolkit toolkit, String title) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        List<Path> files;
        if (study.equals("calibrate")) {
            files = ToolkitRuns.calibrate(toolkit, calibration == null ? "MaxAbs" : calibration,
                    toolkit.data().size(), title, out, System.out);
        } else {
            Path journalFile = out.resolve("trials.jsonl");
            try (TrialJournal journal = openJournal(journalFile, toolkit.describe("observe", repeats));
                 TrialProgress progress = TrialProgress.onStderr("trials")) {
                files = ToolkitRuns.observe(toolkit.withJournal(journal).withProgress(progress), repeats,
                        title + ", " + repeats + " trial(s)", out, System.out);
            }
        }
        System.out.printf(Locale.ROOT, "%nwrote %s (%.1f s)%n", files.stream().map(Path::toString)
                .collect(java.util.stream.Collectors.joining(", ")), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private ExperimentStudy checkOptions() {
        ExperimentStudy chosenStudy = checkStudy();
        if ((chosenStudy != null || toolkitRun()) && observe) {
            throw new MrfiCommand.UserError("--study " + study + " and --observe are different runs;"
                    + " give one of them");
        }
        if (chosenStudy != null || observe || toolkitRun()) {
            List<String> ignored = new java.util.ArrayList<>();
            if (bers != null) {
                ignored.add("--ber");
            }
            if (bitsPerValue != null) {
                ignored.add("--bits-per-value");
            }
            if (manifest != null) {
                ignored.add("--manifest");
            }
            if (observe && resume) {
                ignored.add("--resume");
            }
            if (observe && overwrite) {
                ignored.add("--overwrite");
            }
            if (!ignored.isEmpty()) {
                throw new MrfiCommand.UserError(String.join(", ", ignored) + (ignored.size() == 1 ? " does" : " do")
                        + " not apply to " + (observe ? "--observe, which prints a table and writes no files"
                        : "--study " + (layerwise ? "layer" : study)) + "; leave " + (ignored.size() == 1 ? "it" : "them") + " out");
            }
            if (observe) {
                return null;
            }
        }
        if (resume && overwrite) {
            throw new MrfiCommand.UserError("--resume continues the campaign in --out and --overwrite replaces it;"
                    + " give one of them");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new MrfiCommand.UserError("--out " + out + " is a file, not a folder");
        }
        Path journal = out.resolve("trials.jsonl");
        if (!resume && !overwrite && Files.exists(journal)) {
            throw new MrfiCommand.UserError(out + " already holds a campaign (" + journal + "); add --resume to"
                    + " continue it or --overwrite to replace it, or choose another --out");
        }
        if (resume && !Files.isRegularFile(journal)) {
            throw new MrfiCommand.UserError("--resume: " + out + " holds no campaign (" + journal + " is missing)");
        }
        String csv = toolkitRun() ? study + "_observe.csv"
                : chosenStudy == null ? "ber_accuracy.csv" : chosenStudy.csvFileName();
        for (String name : List.of(csv, csv.replace(".csv", ".png"))) {
            if (Files.isDirectory(out.resolve(name))) {
                throw new MrfiCommand.UserError(out.resolve(name) + " is a folder; the run writes a file there");
            }
        }
        if (manifest != null) {
            Path parent = manifest.toAbsolutePath().getParent();
            if (Files.isDirectory(manifest)) {
                throw new MrfiCommand.UserError("--manifest " + manifest + " is a folder");
            }
            boolean intoOut = parent != null && parent.normalize().equals(out.toAbsolutePath().normalize());
            if (parent == null || !(Files.isDirectory(parent) || intoOut)) {
                throw new MrfiCommand.UserError("--manifest " + manifest + ": the folder " + parent + " does not exist");
            }
            if (manifest.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())
                    && List.of("trials.jsonl", "ber_accuracy.csv", "ber_accuracy.png")
                    .contains(manifest.getFileName().toString())) {
                throw new MrfiCommand.UserError("--manifest " + manifest + " would overwrite one of the run's own files");
            }
        }
        return chosenStudy;
    }

    /** Resolves --study (and its alias --layerwise) and checks the options of the study chosen. */
    private ExperimentStudy checkStudy() {
        if (layerwise && !study.equals("ber") && !study.equals("layer")) {
            throw new MrfiCommand.UserError("--layerwise is --study layer; it cannot be combined with --study " + study);
        }
        String name = layerwise ? "layer" : study;
        List<String> names = new java.util.ArrayList<>(List.of("ber"));
        StudyCatalog.all().forEach(s -> names.add(s.name()));
        names.addAll(List.of("observe", "calibrate"));
        if (!names.contains(name)) {
            throw new MrfiCommand.UserError("--study: unknown study '" + name + "'. Available: " + names + "."
                    + NameSuggestions.hint(name, names));
        }
        ExperimentStudy chosenStudy = StudyCatalog.find(name).orElse(null);
        java.util.Set<String> reads = chosenStudy != null ? chosenStudy.options()
                : name.equals("calibrate") ? java.util.Set.of("--calibration") : java.util.Set.of();
        List<String> ignored = new java.util.ArrayList<>();
        java.util.Map<String, Boolean> given = new java.util.LinkedHashMap<>();
        given.put("--rate", rate != null);
        given.put("--module", module != null);
        given.put("--param", param != null);
        given.put("--values", values != null);
        given.put("--calibration", calibration != null);
        given.forEach((option, isGiven) -> {
            if (isGiven && !reads.contains(option)) {
                ignored.add(option + " (read by --study " + (option.equals("--calibration") ? "calibrate"
                        : StudyCatalog.all().stream().filter(s -> s.options().contains(option))
                        .map(ExperimentStudy::name).collect(java.util.stream.Collectors.joining(", "))) + ")");
            }
        });
        if (name.equals("calibrate") && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--repeats")) {
            ignored.add("--repeats (calibrate observes one golden pass and runs no faulty trials)");
        }
        if (!ignored.isEmpty()) {
            throw new MrfiCommand.UserError(String.join(", ", ignored) + (ignored.size() == 1 ? " does" : " do")
                    + " not apply to --study " + name + "; leave " + (ignored.size() == 1 ? "it" : "them") + " out");
        }
        if (reads.contains("--module") && module == null) {
            throw new MrfiCommand.UserError("--study " + name + " needs --module NAME, the module whose input it faults"
                    + " (see mrfi modules)");
        }
        if (reads.contains("--param") && (param == null || values == null || values.length == 0)) {
            throw new MrfiCommand.UserError("--study param needs --param PATH and --values a,b,c, for example --param"
                    + " quantization.scale_factor --values 0.5,1,2");
        }
        if (rate != null && (!(rate > 0) || rate > 1)) {
            throw new MrfiCommand.UserError("--rate must be in (0, 1], got " + rate);
        }
        return chosenStudy;
    }

    private StudyOptions studyOptions() {
        return new StudyOptions(repeats, rate != null ? rate : Studies.DEFAULT_RATE, module, param, values);
    }

    private TrialJournal openJournal(Path journalFile, String description) throws IOException {
        TrialJournal journal = resume ? TrialJournal.resume(journalFile, description)
                : TrialJournal.create(journalFile, description);
        if (resume) {
            System.err.println("resuming: " + journal.size() + " trial(s) already recorded in " + journalFile
                    + (journal.damagedLines().isEmpty() ? "" : "; skipped damaged line"
                    + (journal.damagedLines().size() > 1 ? "s " : " ") + journal.damagedLines().stream()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
                    + (journal.discardedLines() > 0 ? "; discarded a torn last line" : ""));
        }
        return journal;
    }

    private int study(ExperimentStudy chosenStudy, Studies studies, String description, String title)
            throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        Path journalFile = out.resolve("trials.jsonl");
        StudyResult result;
        try (TrialJournal journal = openJournal(journalFile, description);
             TrialProgress progress = TrialProgress.onStderr("trials")) {
            result = chosenStudy.run(new StudyContext(studies, studyOptions(), progress, journal));
        } catch (ConfigurationException e) {
            if (!resume) {
                Files.deleteIfExists(journalFile);
            }
            throw e;
        }
        StudyReport.print(result, System.out);
        Path csv = out.resolve(chosenStudy.csvFileName());
        Path png = out.resolve(chosenStudy.csvFileName().replace(".csv", ".png"));
        StudyReport.writeCsv(result, csv);
        chosenStudy.plot(result, chosenStudy.name() + " study: " + title, png);
        System.out.printf(Locale.ROOT, "%nwrote %s and %s (%.1f s)%n", csv, png, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private int observe(Experiments experiments) {
        List<Trial.ObservedValue> observed = experiments.observe();
        System.out.printf(Locale.ROOT, "%-14s %-8s %-20s %s%n", "layer", "position", "observer", "value");
        for (Trial.ObservedValue value : observed) {
            System.out.printf(Locale.ROOT, "%-14s %-8s %-20s %s%n", value.module().isEmpty() ? "(model)" : value.module(),
                    value.pre() ? "input" : "output", value.name(), format(value.result()));
        }
        return 0;
    }

    private static String format(Object result) {
        if (result instanceof Double || result instanceof Float) {
            return String.format(Locale.ROOT, "%.6g", ((Number) result).doubleValue());
        }
        if (result instanceof float[]) {
            return ((float[]) result).length + " values";
        }
        if (result instanceof double[]) {
            return java.util.Arrays.toString((double[]) result);
        }
        return String.valueOf(result);
    }

    private void writeManifest(Map<String, List<String>> faults, double[] points, int repeats) throws IOException {
        AtomicFiles.write(manifest, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            for (double ber : points) {
                for (int repeat = 0; repeat < repeats; repeat++) {
                    for (String line : faults.getOrDefault("ber=" + ber + "/repeat=" + repeat, List.of())) {
                        writer.write(line);
                        writer.write('\n');
                    }
                }
            }
            writer.flush();
        });
    }

    static void printTable(List<BerPoint> rows, boolean derived) {
        if (!rows.isEmpty()) {
            System.out.printf(Locale.ROOT, "rate = BER x %d bits per value (%s)%n", rows.get(0).bitsPerValue(),
                    derived ? "declared by the error mode; --bits-per-value sets it" : "--bits-per-value");
        }
        System.out.printf(Locale.ROOT, "%-10s %-10s %10s %10s %10s %8s%n", "ber", "rate", "accuracy", "low95", "high95", "repeats");
        for (BerPoint row : rows) {
            String ber = row.ber() == 0 ? "golden" : String.format(Locale.ROOT, "%.3g", row.ber());
            String note = row.failures() > 0 ? "  (" + row.failures() + " failed)"
                    : row.accuracy().repeats() == 0 ? "  (skipped: accuracy fell below 1 %)" : "";
            System.out.printf(Locale.ROOT, "%-10s %-10.3g %10.4f %10.4f %10.4f %8d%s%n", ber, row.rate(),
                    row.accuracy().mean(), row.accuracy().low(), row.accuracy().high(), row.accuracy().repeats(), note);
        }
    }

    static void writeCsv(List<BerPoint> rows, Path file) throws IOException {
        AtomicFiles.write(file, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            writer.write("ber,rate,bits_per_value,accuracy_mean,accuracy_low,accuracy_high,repeats,interval_method,"
                    + "half_width\n");
            for (BerPoint row : rows) {
                writer.write(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%d,%s,%s%n", row.ber(), row.rate(),
                        row.bitsPerValue(), row.accuracy().mean(), row.accuracy().low(), row.accuracy().high(),
                        row.accuracy().repeats(), row.intervalMethod(), row.halfWidth()));
            }
            writer.flush();
        });
    }
}
