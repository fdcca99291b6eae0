package dev.mrfi.core.config;

import java.util.List;
import java.util.OptionalLong;

/**
 * A validated EasyConfig document: the reference's coarse configuration format, with MRFI-J's additions
 * ({@code seed}, {@code allow_inconsistent_bit_width}). Immutable; build one with
 * {@link EasyConfigLoader}.
 *
 * @param faultInject                the injector entries, in order
 * @param observe                    the observer entries, in order
 * @param seed                       the seed from the document, if given
 * @param allowInconsistentBitWidth  true to log, not reject, error modes whose width misreads the code
 * @param warnings                   non-fatal findings, such as a check relaxed by
 *                                   {@code allow_inconsistent_bit_width}
 */
public record EasyConfig(List<FaultInjectEntry> faultInject, List<ObserveEntry> observe, OptionalLong seed,
                         boolean allowInconsistentBitWidth, List<String> warnings) {

    /** Copies the lists. */
    public EasyConfig {
        faultInject = List.copyOf(faultInject);
        observe = List.copyOf(observe);
        warnings = List.copyOf(warnings);
    }
}
