package dev.mrfi.cli.study;

import dev.mrfi.core.config.ModuleMatcher;
import dev.mrfi.core.experiment.Calibration;
import dev.mrfi.core.experiment.ExperimentToolkit;
import dev.mrfi.core.experiment.ObserveResult;
import dev.mrfi.core.experiment.ObservedStatistic;
import dev.mrfi.core.experiment.ResultTable;
import dev.mrfi.nn.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --study observe} and {@code --study calibrate}: the runs whose rows are observed statistics, not
 * accuracies, so they write {@code <study>_observe.csv} with the toolkit's columns and a bar chart beside it.
 */
public final class ToolkitRuns {

    private ToolkitRuns() {
    }

    /**
     * Runs golden-paired observe trials with an RMSE observer on the input of every module, besides the
     * observers the configuration names, and writes {@code observe_observe.csv} and its chart.
     *
     * @param toolkit the toolkit, with the journal and progress set
     * @param repeats faulty trials
     * @param title   describes the run for the chart
     * @param out     the folder
     * @param console where the table goes
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> observe(ExperimentToolkit toolkit, int repeats, String title, Path out, PrintStream console)
            throws IOException {
        ObserveResult result = toolkit.observe(true, repeats,
                List.of(toolkit.observer("RMSE", true, ModuleMatcher.anyModule())));
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (ObservedStatistic statistic : result.statistics()) {
            if (statistic.observer().equals("RMSE") && !statistic.values().isEmpty()) {
                labels.add(statistic.module() + " " + statistic.point());
                values.add(statistic.values().get(0).mean());
            }
        }
        if (result.failures() > 0) {
            console.printf(Locale.ROOT, "warning: %d trial(s) failed; the statistics use the others%n", result.failures());
        }
        return write(result.table(), "observe", out, console, labels, values, "RMSE, golden vs faulty",
                "observe study: " + title);
    }

    /**
     * Observes each layer's range over {@code images} images with quantization off, writes the calibrated
     * configuration tree ({@code calibrated_tree.yaml}), {@code calibrate_observe.csv} and its chart.
     *
     * @param toolkit the toolkit
     * @param method  {@code MaxAbs} or {@code MinMax}
     * @param images  calibration images (the first ones of the data)
     * @param title   describes the run for the chart
     * @param out     the folder
     * @param console where the table goes
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> calibrate(ExperimentToolkit toolkit, String method, int images, String title, Path out,
                                       PrintStream console) throws IOException {
        Calibration.Result result = new Calibration(toolkit)
                .calibrate(Calibration.Method.parse(method, "--calibration"), images);
        Path tree = out.resolve("calibrated_tree.yaml");
        result.save(tree);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Calibration.CalibratedRange range : result.ranges()) {
            labels.add(range.module() + " " + range.hook().label() + (range.weight() == null
                    || range.weight().isEmpty() ? "" : " " + range.weight()));
            values.add(range.range());
        }
        List<Path> files = new ArrayList<>(write(result.table(), "calibrate", out, console, labels, values,
                "dynamic_range (" + method + ")", "calibrate: " + title));
        files.add(tree);
        return files;
    }

    private static List<Path> write(ResultTable table, String study, Path out, PrintStream console, List<String> labels,
                                    List<Double> values, String yTitle, String title) throws IOException {
        console.println(String.join("\t", table.header()));
        table.rows().forEach(row -> console.println(String.join("\t", row)));
        Path csv = out.resolve(study + "_observe.csv");
        Path png = out.resolve(study + "_observe.png");
        byte[] bytes = table.toCsv().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(csv, stream -> stream.write(bytes));
        Charts.values(labels, values, yTitle, title, png);
        return List.of(csv, png);
    }
}
