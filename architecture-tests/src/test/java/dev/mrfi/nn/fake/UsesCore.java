package dev.mrfi.nn.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: an nn class that reaches into the engine. */
public final class UsesCore {

    public Object plan() {
        return dev.mrfi.core.engine.InjectionPlan.class;
    }
}
