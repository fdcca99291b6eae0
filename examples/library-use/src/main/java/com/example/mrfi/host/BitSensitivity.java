package com.example.mrfi.host;

import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.Studies;
import dev.mrfi.core.experiment.StudyResult;
import dev.mrfi.core.experiment.StudyRow;

/**
 * A bit-position study of the example classifier: which bit of a faulty weight matters. The weight entry
 * of {@link LibraryUse#CONFIG} flips float32 bits, so the study has 32 rows, mantissa first, sign last.
 */
public final class BitSensitivity {

    private BitSensitivity() {
    }

    /** Runs the study: half the weights faulty, three trials per bit. */
    static StudyResult byBit(long seed) {
        // snippet:bit-study
        Mrfi mrfi = Mrfi.load();
        EasyConfig config = mrfi.configs().parse(LibraryUse.CONFIG, "LibraryUse.CONFIG");
        Experiments experiments = mrfi.experiments(config, FaultCounting.MODEL, FaultCounting.data(), 4, 2, seed);
        StudyResult byBit = new Studies(experiments, mrfi.blocks())
                .bit(0.5, 3, Experiments.ProgressListener.NONE, null);   // rate 0.5, 3 trials per bit
        // end snippet
        return byBit;
    }

    /** Prints the accuracy per bit; the optional argument is the seed. */
    public static void main(String[] args) {
        StudyResult result = byBit(args.length > 0 ? Long.parseLong(args[0]) : 0L);
        System.out.printf("golden %.3f%n", result.golden().mean());
        for (StudyRow row : result.rows()) {
            System.out.printf("bit %2s %.3f%n", row.label(), row.accuracy().mean());
        }
    }
}
