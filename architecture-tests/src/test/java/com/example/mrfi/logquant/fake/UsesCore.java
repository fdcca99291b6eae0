package com.example.mrfi.logquant.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: a third-party plugin class that reaches into core. */
public final class UsesCore {

    public Object registry() {
        return dev.mrfi.core.Mrfi.class;
    }
}
