package dev.mrfi.core.registry;

import java.util.Objects;

/**
 * The parent of every plugin JAR's class loader: it shows a plugin the MRFI-J api ({@code dev.mrfi.api.*},
 * from the host's own api, so the SPI types are shared) and the JDK (through the platform class loader),
 * and nothing else. Core's libraries (Jackson, Guice, SLF4J), core itself and the built-in plugins stay
 * invisible, so a plugin cannot come to depend on them by accident, and two plugins never see each other.
 *
 * <p>Resources come from the JDK only. Thread-safe.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String API_PACKAGE_PREFIX = "dev.mrfi.api.";

    private final ClassLoader api;

    /**
     * Creates the loader.
     *
     * @param api the class loader that defined the host's api classes
     */
    ApiOnlyClassLoader(ClassLoader api) {
        super("mrfi-api-and-jdk", ClassLoader.getPlatformClassLoader());
        this.api = Objects.requireNonNull(api, "api is null");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE_PREFIX)) {
            return api.loadClass(name);
        }
        // the platform loader knows every JDK class; for any other name findClass refuses
        return super.loadClass(name, resolve);
    }
}
