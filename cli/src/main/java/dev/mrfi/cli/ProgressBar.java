package dev.mrfi.cli;

import dev.mrfi.core.experiment.Experiments;
import java.io.PrintStream;

/** A one-line progress bar on stderr. */
final class ProgressBar implements Experiments.ProgressListener {

    private final PrintStream out;
    private final String label;

    ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public synchronized void update(int finished, int total) {
        int width = 30;
        int filled = total == 0 ? width : finished * width / total;
        out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + finished + "/" + total);
        if (finished == total) {
            out.println();
        }
        out.flush();
    }
}
