package dev.mrfi.core.experiment;

import java.util.Objects;

/**
 * What produced an experiment's result, carried by every result record so that a table or a CSV file can
 * say where its numbers come from.
 *
 * @param experiment    the kind of run, for example {@code accuracy}, {@code observe} or {@code calibrate}
 * @param configuration the configuration's stable description ({@link dev.mrfi.core.config.EasyConfig#describe()})
 * @param seed          the experiment seed
 * @param images        the number of labelled examples each trial ran over
 * @param repeats       the number of trials per point; 1 for a deterministic single pass
 */
public record Provenance(String experiment, String configuration, long seed, int images, int repeats) {

    /** Checks the parts. */
    public Provenance {
        Objects.requireNonNull(experiment, "experiment is null");
        Objects.requireNonNull(configuration, "configuration is null");
    }

    /**
     * Returns the provenance as {@code # key: value} comment lines, for the head of a CSV file.
     *
     * @return the lines, each ending in a newline
     */
    public String asComment() {
        return "# experiment: " + experiment + "\n# configuration: " + configuration + "\n# seed: " + seed
                + "\n# images: " + images + "\n# repeats: " + repeats + "\n";
    }
}
