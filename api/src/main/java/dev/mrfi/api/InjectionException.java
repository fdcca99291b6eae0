package dev.mrfi.api;

/**
 * Thrown by an operator when it cannot do its work on the data it was given at run time, for example a
 * per-value list whose length differs from the number of selected values.
 *
 * <p>Core adds the injection site to the message before reporting it. Configuration mistakes that can
 * be found before running are reported as {@link dev.mrfi.api.config.ConfigurationException} instead.
 *
 * @since 0.1
 */
public final class InjectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the parameter and the values involved
     */
    public InjectionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public InjectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
