package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.BerPoint;
import dev.mrfi.core.experiment.StudyResult;
import dev.mrfi.core.experiment.StudyRow;
import dev.mrfi.nn.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG charts of {@code mrfi experiment}, drawn by XChart off screen: accuracy against BER or a parameter
 * as lines with the 95 % interval, per layer, bit or channel as bars, per pixel as a heat map (top left is
 * pixel (0, 0), as in an image; the colours span the lowest to the highest mean accuracy measured).
 */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Draws accuracy against bit error rate on a log axis, with the 95 % interval and the golden accuracy.
     *
     * @param rows  the sweep's rows, golden (BER 0) among them
     * @param title the title
     * @param file  the PNG
     * @throws IOException if the file cannot be written
     */
    public static void ber(List<BerPoint> rows, String title, Path file) throws IOException {
        List<BerPoint> points = rows.stream().filter(r -> r.ber() > 0 && r.accuracy().repeats() > 0).toList();
        double[] x = points.stream().mapToDouble(BerPoint::ber).toArray();
        XYChart chart = xyChart(title, "bit error rate (log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        addLines(chart, x, points.stream().mapToDouble(p -> p.accuracy().mean()).toArray(),
                points.stream().mapToDouble(p -> p.accuracy().low()).toArray(),
                points.stream().mapToDouble(p -> p.accuracy().high()).toArray());
        rows.stream().filter(r -> r.ber() == 0).findFirst().ifPresent(g -> addGolden(chart, x, g.accuracy().mean()));
        write(chart, file);
    }

    /**
     * Draws a study's accuracy against its numeric variable (a parameter's values) as a line.
     *
     * @param result the study
     * @param title  the title
     * @param file   the PNG
     * @throws IOException if the file cannot be written
     */
    public static void line(StudyResult result, String title, Path file) throws IOException {
        List<StudyRow> rows = result.rows().stream().filter(r -> r.accuracy().repeats() > 0).toList();
        double[] x = rows.stream().mapToDouble(r -> Double.parseDouble(r.label())).toArray();
        XYChart chart = xyChart(title, result.variable());
        addLines(chart, x, rows.stream().mapToDouble(r -> r.accuracy().mean()).toArray(),
                rows.stream().mapToDouble(r -> r.accuracy().low()).toArray(),
                rows.stream().mapToDouble(r -> r.accuracy().high()).toArray());
        addGolden(chart, x, result.golden().mean());
        write(chart, file);
    }

    /**
     * Draws a study's accuracy per row (layer, bit, channel) as bars; the error bars are half the width of
     * the 95 % interval, and a line marks the golden accuracy.
     *
     * @param result the study
     * @param title  the title
     * @param file   the PNG
     * @throws IOException if the file cannot be written
     */
    public static void bars(StudyResult result, String title, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(result.variable()).yAxisTitle("accuracy").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        if (result.rows().size() > 16) {
            chart.getStyler().setXAxisLabelRotation(90);
        }
        List<String> labels = result.rows().stream().map(StudyRow::label).toList();
        List<Double> means = result.rows().stream().map(r -> r.accuracy().mean()).toList();
        List<Double> errors = result.rows().stream().map(r -> (r.accuracy().high() - r.accuracy().low()) / 2).toList();
        chart.addSeries("accuracy (error bar: half the 95 % interval)", labels, means, errors);
        List<Double> golden = new ArrayList<>();
        labels.forEach(l -> golden.add(result.golden().mean()));
        CategorySeries line = chart.addSeries(String.format(java.util.Locale.ROOT, "golden %.4f",
                result.golden().mean()), labels, golden);
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(200, 60, 40));
        line.setLineStyle(DASHED);
        write(chart, file);
    }

    /**
     * Draws one bar per labelled value, for observe and calibration runs whose rows are statistics rather
     * than accuracies.
     *
     * @param labels the bars' labels
     * @param values the bars' heights
     * @param yTitle what the values are
     * @param title  the title
     * @param file   the PNG
     * @throws IOException if the file cannot be written
     */
    public static void values(List<String> labels, List<Double> values, String yTitle, String title, Path file)
            throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("module").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        if (labels.size() > 16) {
            chart.getStyler().setXAxisLabelRotation(90);
        }
        chart.addSeries(yTitle, labels, values);
        write(chart, file);
    }

    /**
     * Draws a pixel study's mean accuracy as a heat map over the pixel grid (width across, height down),
     * coloured from the lowest (red) to the highest (green) mean accuracy measured.
     *
     * @param result the study, each row's position being (height, width)
     * @param title  the title
     * @param file   the PNG
     * @throws IOException if the file cannot be written
     */
    public static void heatMap(StudyResult result, String title, Path file) throws IOException {
        int height = 0;
        int width = 0;
        for (StudyRow row : result.rows()) {
            height = Math.max(height, row.position().get(0) + 1);
            width = Math.max(width, row.position().get(1) + 1);
        }
        List<Number[]> cells = new ArrayList<>();
        for (StudyRow row : result.rows()) {
            cells.add(new Number[] {row.position().get(1), height - 1 - row.position().get(0), row.accuracy().mean()});
        }
        List<Integer> xs = new ArrayList<>();
        for (int w = 0; w < width; w++) {
            xs.add(w);
        }
        List<Integer> ys = new ArrayList<>();
        for (int h = height - 1; h >= 0; h--) {
            ys.add(h);
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("width").yAxisTitle("height").build();
        // the colours span the measured range, so that small differences between pixels show
        double low = result.rows().stream().mapToDouble(r -> r.accuracy().mean()).min().orElse(0);
        double high = result.rows().stream().mapToDouble(r -> r.accuracy().mean()).max().orElse(1);
        chart.getStyler().setMin(low).setMax(high > low ? high : low + 1e-3);
        chart.getStyler().setHeatMapValueDecimalPattern("0.000");
        chart.getStyler().setShowValue(false);
        chart.getStyler().setRangeColors(new Color[] {new Color(180, 30, 30), new Color(250, 220, 90),
            new Color(40, 140, 60)});
        chart.addSeries("mean accuracy (golden " + String.format(java.util.Locale.ROOT, "%.4f",
                result.golden().mean()) + ")", xs, ys, cells);
        write(chart, file);
    }

    private static XYChart xyChart(String title, String xTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle("accuracy").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return chart;
    }

    private static void addLines(XYChart chart, double[] x, double[] mean, double[] low, double[] high) {
        if (x.length == 0) {
            return;
        }
        XYSeries series = chart.addSeries("mean accuracy", x, mean);
        series.setMarker(SeriesMarkers.CIRCLE);
        XYSeries lower = chart.addSeries("95 % interval", x, low);
        XYSeries upper = chart.addSeries("95 % interval, upper", x, high);
        for (XYSeries bound : List.of(lower, upper)) {
            bound.setMarker(SeriesMarkers.NONE);
            bound.setLineColor(new Color(70, 130, 200));
            bound.setLineStyle(DASHED);
        }
        upper.setShowInLegend(false);
    }

    private static void addGolden(XYChart chart, double[] x, double golden) {
        if (x.length == 0) {
            return;
        }
        double[] ends = {Arrays.stream(x).min().orElseThrow(), Arrays.stream(x).max().orElseThrow()};
        XYSeries line = chart.addSeries(String.format(java.util.Locale.ROOT, "golden %.4f", golden), ends,
                new double[] {golden, golden});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(200, 60, 40));
        line.setLineStyle(DASHED);
    }

    private static void write(Chart<?, ?> chart, Path file) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(file, out -> out.write(png));
    }
}
