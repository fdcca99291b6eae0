package dev.mrfi.core.experiment;

import java.io.Serializable;

/**
 * How to rebuild a campaign's experiments (configuration, model, data) in another process: a Spark
 * executor receives this object once and calls {@link #open()} once per process. Keep it small apart
 * from the data it must carry, and make {@link #open()} deterministic: every process must build the same
 * experiments, or trials would differ by where they ran.
 */
@FunctionalInterface
public interface CampaignSource extends Serializable {

    /**
     * Builds the experiments; called at most once per process and campaign.
     *
     * @return the experiments whose {@link Experiments#evaluator()} runs the trials
     */
    Experiments open();
}
