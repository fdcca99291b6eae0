package dev.mrfi.core.experiment;

/**
 * Runs one trial where it is called: the configuration, model and data are already loaded. A trial that
 * fails because a plugin or the model failed on its input returns a failed outcome instead of throwing.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface TrialEvaluator {

    /**
     * Runs the trial.
     *
     * @param task the trial
     * @return its outcome
     */
    TrialJournal.TrialOutcome evaluate(TrialTask task);
}
