package dev.mrfi.core.experiment;

import java.io.Serializable;
import java.util.Objects;

/**
 * One trial of a bit-error-rate sweep, as data: everything besides the configuration, model and data
 * that decides its outcome. A trial's outcome is a pure function of (configuration, model, data, this
 * task), so any runner on any machine gives the same outcome.
 *
 * @param key          identifies the trial in the journal, for example {@code ber=1.0E-5/repeat=0} or
 *                     {@code golden}
 * @param golden       true for the fault-free (quantized) pass
 * @param ber          the bit error rate; 0 for the golden pass
 * @param bitsPerValue bits per value for every swept entry, or 0 to take each error mode's own
 * @param seed         the trial's seed, derived from the experiment seed, the point and the repeat
 */
public record TrialTask(String key, boolean golden, double ber, int bitsPerValue, long seed) implements Serializable {

    /** Checks the key. */
    public TrialTask {
        Objects.requireNonNull(key, "key is null");
    }

    /**
     * Returns the journal key of a sweep trial, as {@link Experiments#berSweep} has always written it.
     *
     * @param ber    the bit error rate
     * @param repeat the trial's index within its point, from 0
     * @return the key
     */
    public static String key(double ber, int repeat) {
        return "ber=" + ber + "/repeat=" + repeat;
    }
}
