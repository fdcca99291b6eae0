package dev.mrfi.core.engine;

/** Receives every injected value of a trial, for example to write a fault manifest. */
@FunctionalInterface
public interface FaultSink {

    /** A sink that drops everything. */
    FaultSink NONE = record -> { };

    /**
     * Receives one record.
     *
     * @param record the injected value
     */
    void accept(FaultRecord record);
}
