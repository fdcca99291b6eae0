package dev.mrfi.core.registry;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.core.problem.CoreErrorId;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin that could not be loaded, or a plugin folder or JAR that could not be read: where, which
 * provider class, and why. Immutable.
 *
 * <p>Prints as a {@code [plugin/LoadFailure]} problem, for example
 * <pre>
 * [plugin/LoadFailure] cannot load quantization provider com.example.BrokenProvider from /opt/mrfi/plugins/broken.jar: its constructor threw java.lang.IllegalStateException: no licence
 * </pre>
 */
public final class PluginLoadProblem {

    private final String source;
    private final PluginKind kind;
    private final String provider;
    private final String name;
    private final String reason;

    private PluginLoadProblem(String source, PluginKind kind, String provider, String name, String reason) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.kind = kind;
        this.provider = provider;
        this.name = name;
        this.reason = Objects.requireNonNull(reason, "reason is null");
    }

    /**
     * Describes a problem with a whole plugin folder or JAR, such as a folder that does not exist.
     *
     * @param source the folder or JAR
     * @param reason what is wrong, without a final period
     * @return the problem
     */
    static PluginLoadProblem ofSource(String source, String reason) {
        return new PluginLoadProblem(source, null, null, null, reason);
    }

    /**
     * Describes a provider that could not be loaded.
     *
     * @param source   the JAR or class path entry whose services file lists the provider
     * @param kind     the kind the services file registers it as
     * @param provider the class name listed
     * @param name     the configuration name, if the provider answered {@code name()}; else null
     * @param reason   what is wrong, without a final period
     * @return the problem
     */
    static PluginLoadProblem ofProvider(String source, PluginKind kind, String provider, String name, String reason) {
        return new PluginLoadProblem(source, Objects.requireNonNull(kind, "kind is null"),
                Objects.requireNonNull(provider, "provider is null"), name, reason);
    }

    /**
     * Returns the JAR, folder or class path entry the problem concerns.
     *
     * @return the path as text, never null
     */
    public String source() {
        return source;
    }

    /**
     * Returns the kind the failed provider was registered as.
     *
     * @return the kind, or empty for a problem with a whole folder or JAR
     */
    public Optional<PluginKind> kind() {
        return Optional.ofNullable(kind);
    }

    /**
     * Returns the provider class named in {@code META-INF/services}.
     *
     * @return the fully qualified class name, or empty for a problem with a whole folder or JAR
     */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /**
     * Returns the configuration name of the failed provider, when it could still tell it.
     *
     * @return the name, or empty if the provider failed before answering {@code name()}
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Returns what went wrong, with a hint where one helps.
     *
     * @return the reason, never null
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the whole message without the error id: source, provider and reason.
     *
     * @return for example {@code cannot load quantization provider com.example.P from /plugins/p.jar: <reason>}
     */
    public String message() {
        if (provider == null) {
            return source + ": " + reason;
        }
        return "cannot load " + kind.displayName() + " provider " + provider + " from " + source + ": " + reason;
    }

    /**
     * Returns the problem as a configuration problem with id {@link ErrorId#PLUGIN_LOAD_FAILURE}.
     *
     * @return the problem, located at the document root
     */
    public ConfigProblem toConfigProblem() {
        return new ConfigProblem(CoreErrorId.PLUGIN_LOAD_FAILURE, "", message());
    }

    @Override
    public String toString() {
        return toConfigProblem().toString();
    }
}
