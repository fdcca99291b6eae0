package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.Experiments;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run's trials on stderr, with the time elapsed and an estimate of the time left, drawn by
 * the progressbar library: one line redrawn in place on a terminal, separate plain lines (every few
 * seconds and at the end) when stderr goes to a file or a pipe. Thread-safe.
 */
public final class TrialProgress implements Experiments.ProgressListener, AutoCloseable {

    private final String task;
    private final PrintStream out;
    private final boolean terminal;
    private final int plainIntervalMillis;
    private ProgressBar bar;

    /**
     * Creates progress on a stream.
     *
     * @param task                the label, for example {@code trials}
     * @param out                 where to draw
     * @param terminal            true to redraw one line in place, false for plain lines
     * @param plainIntervalMillis milliseconds between plain lines
     */
    public TrialProgress(String task, PrintStream out, boolean terminal, int plainIntervalMillis) {
        this.task = task;
        this.out = out;
        this.terminal = terminal;
        this.plainIntervalMillis = plainIntervalMillis;
    }

    /**
     * Creates progress on stderr, in place only when the process runs on a terminal (a console and a
     * {@code TERM} other than {@code dumb}).
     *
     * @param task the label
     * @return the progress
     */
    public static TrialProgress onStderr(String task) {
        String term = System.getenv("TERM");
        boolean terminal = System.console() != null && term != null && !term.equals("dumb");
        return new TrialProgress(task, System.err, terminal, 10_000);
    }

    @Override
    public synchronized void update(int finished, int total) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(terminal ? 500 : plainIntervalMillis)
                    .setConsumer(terminal ? new ConsoleProgressBarConsumer(out)
                            : new DelegatingProgressBarConsumer(out::println, 100))
                    .build();
        }
        bar.stepTo(finished);
    }

    /** Draws the final state and stops redrawing. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
