package dev.mrfi.core.experiment;

/**
 * Finds and builds a {@link TrialRunner} for a target such as {@code threads:4}, {@code local[2]} or
 * {@code spark://host:7077}. Providers are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.mrfi.core.experiment.TrialRunnerProvider}); {@link TrialRunners} picks the
 * one that accepts a target. Public final classes with a no-arg constructor and no state.
 */
public interface TrialRunnerProvider {

    /**
     * Returns the runner's name, for messages.
     *
     * @return for example {@code local} or {@code spark}
     */
    String name();

    /**
     * Describes the targets this provider accepts, for the message that lists them when none accepts.
     *
     * @return for example {@code threads:N}
     */
    String targets();

    /**
     * Tells whether this provider runs the given target.
     *
     * @param target the user's target
     * @return true if {@link #create} accepts it
     */
    boolean accepts(String target);

    /**
     * Builds a runner.
     *
     * @param target the target, accepted by {@link #accepts}
     * @param source rebuilds the campaign in processes other than this one
     * @return the runner; the caller closes it
     */
    TrialRunner create(String target, CampaignSource source);
}
