package dev.mrfi.core.registry;

import dev.mrfi.api.PluginProvider;
import java.net.URL;
import java.security.CodeSource;

/**
 * Where a provider class came from, for error messages: the JAR or class folder and the class name.
 */
final class PluginSource {

    private PluginSource() {
    }

    static String describe(PluginProvider provider) {
        return describe(provider.getClass());
    }

    static String describe(Class<?> type) {
        String location = "unknown location";
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null) {
                URL url = source.getLocation();
                if (url != null) {
                    location = url.getPath();
                }
            }
        } catch (SecurityException e) {
            location = "location hidden by the security manager";
        }
        return type.getName() + " (from " + location + ")";
    }
}
