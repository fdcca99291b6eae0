package dev.mrfi.cli;

import dev.mrfi.core.experiment.BerPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import dev.mrfi.nn.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws accuracy against bit error rate (log x axis) with its 95 % band and the golden accuracy. */
final class AccuracyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private AccuracyPlot() {
    }

    static void write(List<BerPoint> rows, String title, Path file) throws IOException {
        List<BerPoint> points = new ArrayList<>();
        BerPoint golden = null;
        for (BerPoint row : rows) {
            if (row.ber() == 0) {
                golden = row;
            } else if (row.accuracy().repeats() > 0) {
                points.add(row);
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double minExp = -8;
        double maxExp = -4;
        for (BerPoint p : points) {
            minExp = Math.min(minExp, Math.floor(Math.log10(p.ber())));
            maxExp = Math.max(maxExp, Math.ceil(Math.log10(p.ber())));
        }
        double lo = minExp;
        double hi = maxExp;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator x = ber -> LEFT + (Math.log10(ber) - lo) / (hi - lo) * plotW;
        java.util.function.DoubleUnaryOperator y = acc -> TOP + (1 - acc) * plotH;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(new Color(225, 225, 225));
        for (int e = (int) lo; e <= (int) hi; e++) {
            int px = (int) x.applyAsDouble(Math.pow(10, e));
            g.drawLine(px, TOP, px, TOP + plotH);
        }
        for (int i = 0; i <= 10; i++) {
            int py = (int) y.applyAsDouble(i / 10.0);
            g.drawLine(LEFT, py, LEFT + plotW, py);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (int e = (int) lo; e <= (int) hi; e++) {
            int px = (int) x.applyAsDouble(Math.pow(10, e));
            g.drawString("1e" + e, px - 14, TOP + plotH + 20);
        }
        for (int i = 0; i <= 10; i += 2) {
            int py = (int) y.applyAsDouble(i / 10.0);
            g.drawString(String.format("%.1f", i / 10.0), LEFT - 35, py + 5);
        }
        g.drawString("bit error rate (log scale)", LEFT + plotW / 2 - 70, HEIGHT - 20);
        g.rotate(-Math.PI / 2);
        g.drawString("accuracy", -(TOP + plotH / 2) - 30, 25);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 30);

        if (!points.isEmpty()) {
            Path2D band = new Path2D.Double();
            for (int i = 0; i < points.size(); i++) {
                double px = x.applyAsDouble(points.get(i).ber());
                double py = y.applyAsDouble(points.get(i).accuracy().high());
                if (i == 0) {
                    band.moveTo(px, py);
                } else {
                    band.lineTo(px, py);
                }
            }
            for (int i = points.size() - 1; i >= 0; i--) {
                band.lineTo(x.applyAsDouble(points.get(i).ber()), y.applyAsDouble(points.get(i).accuracy().low()));
            }
            band.closePath();
            g.setColor(new Color(70, 130, 200, 70));
            g.fill(band);
            g.setColor(new Color(30, 90, 170));
            g.setStroke(new BasicStroke(2.2f));
            Path2D line = new Path2D.Double();
            for (int i = 0; i < points.size(); i++) {
                double px = x.applyAsDouble(points.get(i).ber());
                double py = y.applyAsDouble(points.get(i).accuracy().mean());
                if (i == 0) {
                    line.moveTo(px, py);
                } else {
                    line.lineTo(px, py);
                }
                g.fillOval((int) px - 4, (int) py - 4, 8, 8);
            }
            g.draw(line);
        }
        if (golden != null) {
            g.setColor(new Color(200, 60, 40));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            int py = (int) y.applyAsDouble(golden.accuracy().mean());
            g.drawLine(LEFT, py, LEFT + plotW, py);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(String.format("golden %.4f", golden.accuracy().mean()), LEFT + plotW - 120, py - 6);
        }
        g.dispose();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
