package dev.mrfi.core.engine;

import dev.mrfi.core.config.FaultInjectEntry;

/**
 * One injector entry bound to one module and hook point.
 *
 * @param name   the site name, {@code <module>/<hook>[/<weight>]#<entry index>}; seeds its random stream
 * @param module the module's full name
 * @param entry  the entry
 */
public record InjectionSite(String name, String module, FaultInjectEntry entry) {
}
