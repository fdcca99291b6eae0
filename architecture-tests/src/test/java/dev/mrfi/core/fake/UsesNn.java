package dev.mrfi.core.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: a core class that names the nn host. */
public final class UsesNn {

    public Object model() {
        return dev.mrfi.nn.LeNet.class;
    }
}
