package dev.mrfi.core.registry;

import dev.mrfi.api.PluginProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where a provider class came from, for error messages: the JAR or class folder and the class name.
 */
public final class PluginSource {

    private PluginSource() {
    }

    /**
     * Names a provider and where it was loaded from.
     *
     * @param provider the provider
     * @return for example {@code com.example.MyProvider (from /plugins/my.jar)}
     */
    public static String describe(PluginProvider provider) {
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

    /**
     * Returns the JAR or folder that holds a resource, for example {@code /opt/app/lib/plugin.jar} for
     * {@code jar:file:/opt/app/lib/plugin.jar!/META-INF/services/...}.
     *
     * @param url      the resource's URL
     * @param resource the resource's name within its container
     * @return the container's path, or the URL itself when it has another form
     */
    static String containerOf(URL url, String resource) {
        String text = url.toString();
        if (text.startsWith("jar:") && text.contains("!/")) {
            text = text.substring("jar:".length(), text.indexOf("!/"));
        } else if (text.endsWith(resource)) {
            text = text.substring(0, text.length() - resource.length());
        }
        try {
            return Path.of(new URI(text)).toString();
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return text;
        }
    }
}
