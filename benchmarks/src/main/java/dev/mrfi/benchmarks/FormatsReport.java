package dev.mrfi.benchmarks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Merges the per-format BER sweeps that {@code benchmarks/formats.sh} runs into one CSV and one plot. The
 * input folder holds {@code <model>/<config>/ber_accuracy.csv} as {@code mrfi experiment} writes it; the
 * output is {@code formats.csv} (one row per model, configuration and BER, the golden run as BER 0) and
 * {@code formats.png} (accuracy against BER on a log axis, one panel per model, one line per configuration).
 *
 * <p>Usage: {@code FormatsReport <runs folder> <output folder>}.
 */
public final class FormatsReport {

    private static final int PANEL_WIDTH = 700;
    private static final int PANEL_HEIGHT = 520;

    private FormatsReport() {
    }

    /** One sweep's rows, as {@code ber_accuracy.csv} holds them. */
    private record Sweep(String model, String config, List<String[]> rows) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FormatsReport <runs folder> <output folder>");
            System.exit(2);
        }
        Path runs = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        List<Sweep> sweeps = new ArrayList<>();
        List<String> models = new ArrayList<>();
        try (Stream<Path> modelDirs = Files.list(runs)) {
            for (Path modelDir : modelDirs.filter(Files::isDirectory).sorted().toList()) {
                String model = modelDir.getFileName().toString();
                try (Stream<Path> configs = Files.list(modelDir)) {
                    for (Path config : configs.filter(p -> Files.exists(p.resolve("ber_accuracy.csv"))).sorted().toList()) {
                        List<String> lines = Files.readAllLines(config.resolve("ber_accuracy.csv"));
                        List<String[]> rows = lines.stream().skip(1).map(l -> l.split(",")).toList();
                        sweeps.add(new Sweep(model, config.getFileName().toString(), rows));
                        if (!models.contains(model)) {
                            models.add(model);
                        }
                    }
                }
            }
        }
        if (sweeps.isEmpty()) {
            System.err.println("no <model>/<config>/ber_accuracy.csv under " + runs);
            System.exit(1);
        }
        StringBuilder csv = new StringBuilder("model,config,ber,rate,bits_per_unit,accuracy_mean,accuracy_low,"
                + "accuracy_high,repeats\n");
        for (Sweep sweep : sweeps) {
            for (String[] row : sweep.rows()) {
                csv.append(sweep.model()).append(',').append(sweep.config()).append(',')
                        .append(String.join(",", row)).append('\n');
            }
        }
        Files.writeString(out.resolve("formats.csv"), csv.toString());

        BufferedImage image = new BufferedImage(PANEL_WIDTH * models.size(), PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int m = 0; m < models.size(); m++) {
            String model = models.get(m);
            XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                    .title(model + ": accuracy under random bit flips in stored weights")
                    .xAxisTitle("bit error rate").yAxisTitle("accuracy").build();
            chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setYAxisMax(1.0);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            for (Sweep sweep : sweeps) {
                if (!sweep.model().equals(model)) {
                    continue;
                }
                List<Double> bers = new ArrayList<>();
                List<Double> accuracies = new ArrayList<>();
                for (String[] row : sweep.rows()) {
                    double ber = Double.parseDouble(row[0]);
                    if (ber > 0) {
                        bers.add(ber);
                        accuracies.add(Double.parseDouble(row[3]));
                    }
                }
                if (!bers.isEmpty()) {
                    XYSeries series = chart.addSeries(sweep.config(), bers, accuracies);
                    series.setMarker(SeriesMarkers.CIRCLE);
                }
            }
            graphics.drawImage(BitmapEncoder.getBufferedImage(chart), m * PANEL_WIDTH, 0, null);
        }
        graphics.dispose();
        ImageIO.write(image, "png", out.resolve("formats.png").toFile());
        System.out.printf(Locale.ROOT, "wrote %s and %s (%d sweeps)%n", out.resolve("formats.csv"),
                out.resolve("formats.png"), sweeps.size());
    }
}
