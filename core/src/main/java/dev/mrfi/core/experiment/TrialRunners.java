package dev.mrfi.core.experiment;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.NameSuggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/** Finds the {@link TrialRunnerProvider} that accepts a target, among those {@link ServiceLoader} sees. */
public final class TrialRunners {

    private TrialRunners() {
    }

    /**
     * Returns the one provider that accepts the target.
     *
     * @param target the user's target, such as {@code local[2]}
     * @param option where the target came from, as the problem's path (for example {@code --spark})
     * @param loader where to look for providers
     * @return the provider
     * @throws ConfigurationException if no provider, or more than one, accepts the target; the message lists
     *                                the available providers and their targets
     */
    public static TrialRunnerProvider find(String target, String option, ClassLoader loader) {
        Objects.requireNonNull(target, "target is null");
        List<TrialRunnerProvider> all = new ArrayList<>();
        ServiceLoader.load(TrialRunnerProvider.class, loader).forEach(all::add);
        all.sort(java.util.Comparator.comparing(TrialRunnerProvider::name));
        List<TrialRunnerProvider> accepting = all.stream().filter(p -> p.accepts(target)).toList();
        if (accepting.size() == 1) {
            return accepting.get(0);
        }
        if (accepting.size() > 1) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, option, "'" + target
                    + "' is accepted by more than one trial runner: " + accepting.stream().map(p -> p.name() + " ("
                    + p.getClass().getName() + ")").toList() + ". Remove one of them from the class path"));
        }
        List<String> forms = all.stream().map(p -> p.name() + " (" + p.targets() + ")").toList();
        List<String> examples = new ArrayList<>();
        for (TrialRunnerProvider provider : all) {
            for (String form : provider.targets().split(", ")) {
                examples.add(form.replace("HOST", "localhost").replace("PORT", "7077").replace("N", "2"));
            }
        }
        throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, option, "no trial runner accepts '"
                + target + "'. Available: " + forms + (all.stream().anyMatch(p -> p.name().equals("spark")) ? ""
                : "; the spark runner is not on the class path (the ./mrfi launcher adds it with --spark)")
                + "." + NameSuggestions.hint(target, examples)));
    }
}
