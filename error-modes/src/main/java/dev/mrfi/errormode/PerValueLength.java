package dev.mrfi.errormode;

import dev.mrfi.api.InjectionException;

/** The run-time check that a per-value list has one entry per selected value. */
final class PerValueLength {

    private PerValueLength() {
    }

    /**
     * Checks that a list has one entry per selected value.
     *
     * @param parameter the parameter name, for the message
     * @param entries   the list's length
     * @param length    the number of selected values
     * @throws InjectionException if they differ
     */
    static void require(String parameter, int entries, int length) {
        if (entries != length) {
            throw new InjectionException("parameter '" + parameter + "' is a list of " + entries
                    + (entries == 1 ? " entry" : " entries") + " but " + length
                    + (length == 1 ? " value was" : " values were")
                    + " selected; a list needs exactly one entry per selected value");
        }
    }
}
