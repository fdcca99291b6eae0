package dev.mrfi.api.host.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: a host-contract class that names a host's type. */
public final class UsesNn {

    public Object tensor() {
        return dev.mrfi.nn.Tensor.of(new float[1], 1);
    }
}
