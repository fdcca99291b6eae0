package dev.mrfi.api;

import dev.mrfi.api.config.ParameterSchema;
import java.util.Set;

/**
 * The part every plugin provider shares: a configuration name, aliases, a description and a parameter
 * schema.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}, so an implementation must be a public
 * class with a public no-argument constructor. Providers hold no state and do no I/O; they may be called
 * from any thread.
 *
 * @since 0.1
 */
public interface PluginProvider {

    /**
     * Returns the name configurations use to choose this plugin, for example
     * {@code "SymmericQuantization"}.
     *
     * @return the name, never null or blank; unique among plugins of the same kind
     */
    String name();

    /**
     * Returns further names that select this plugin, for example a correctly spelled variant of a
     * historical name.
     *
     * @return the aliases, never null, possibly empty
     */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Returns one sentence describing what the plugin does, shown by {@code mrfi plugins}.
     *
     * @return the description, never null or blank
     */
    String description();

    /**
     * Returns the declaration of every parameter this plugin accepts. The same schema drives validation,
     * documentation and the command line listing.
     *
     * @return the schema, never null
     */
    ParameterSchema parameters();

    /**
     * Returns the kind of plugin this provider builds.
     *
     * @return the kind, never null
     */
    PluginKind kind();
}
