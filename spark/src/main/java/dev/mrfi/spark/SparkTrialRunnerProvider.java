package dev.mrfi.spark;

import dev.mrfi.core.experiment.CampaignSource;
import dev.mrfi.core.experiment.TrialRunner;
import dev.mrfi.core.experiment.TrialRunnerProvider;
import java.util.regex.Pattern;

/** Provides the Spark runner for {@code local}, {@code local[N]}, {@code local[*]} and {@code spark://HOST:PORT}. */
public final class SparkTrialRunnerProvider implements TrialRunnerProvider {

    private static final Pattern TARGET = Pattern.compile("local(\\[([1-9][0-9]{0,3}|\\*)])?|spark://[^\\s/:]+:[0-9]{1,5}"
            + "(,[^\\s/:]+:[0-9]{1,5})*");

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String targets() {
        return "local[N], local[*], spark://HOST:PORT";
    }

    @Override
    public boolean accepts(String target) {
        return TARGET.matcher(target).matches();
    }

    @Override
    public TrialRunner create(String target, CampaignSource source) {
        if (!accepts(target)) {
            throw new IllegalArgumentException("not a Spark master: " + target);
        }
        return new SparkTrialRunner(target, source);
    }
}
