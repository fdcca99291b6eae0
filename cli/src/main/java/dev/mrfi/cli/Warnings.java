package dev.mrfi.cli;

import dev.mrfi.core.config.EasyConfig;

/** Warnings every command that loads a configuration prints the same way. */
final class Warnings {

    private Warnings() {
    }

    /** Warns when the configuration cannot inject anything: a run would only repeat the golden one. */
    static void injectsNothing(EasyConfig config) {
        if (config.injectsNothing()) {
            System.err.println("warning: no faultinject entry is enabled; nothing will be injected");
        }
    }
}
