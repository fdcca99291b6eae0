package dev.mrfi.core.experiment;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a batch of independent trials somewhere: on this process's thread pool, or as Spark tasks. A
 * runner decides only where trials run, never their outcomes: those come from the tasks alone.
 * Made by a {@link TrialRunnerProvider}; closed when the campaign ends.
 */
public interface TrialRunner extends AutoCloseable {

    /**
     * Describes where trials run, for logs and plans.
     *
     * @return for example {@code 4 threads} or {@code Spark local[2]}
     */
    String describe();

    /**
     * Runs every task and returns their outcomes in task order. {@code finished} receives each outcome
     * once, as soon as the runner has it (possibly from several threads at once); a campaign records it in
     * its journal there.
     *
     * @param tasks     the trials
     * @param local     runs trials in this process, for runners that run them here
     * @param finished  receives each outcome
     * @return the outcomes, one per task, in task order
     */
    List<TrialJournal.TrialOutcome> run(List<TrialTask> tasks, TrialEvaluator local,
                                        Consumer<TrialJournal.TrialOutcome> finished);

    /** Releases the runner's threads or cluster connection. */
    @Override
    void close();
}
