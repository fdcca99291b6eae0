package dev.mrfi.quant.symmetric.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: a plugin-package class that reaches into core. */
public final class UsesCore {

    public Object registry() {
        return dev.mrfi.core.Mrfi.load().registry();
    }
}
