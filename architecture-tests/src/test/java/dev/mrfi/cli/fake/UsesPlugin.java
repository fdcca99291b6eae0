package dev.mrfi.cli.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: a command class that names a plugin's class. */
public final class UsesPlugin {

    public Object provider() {
        return dev.mrfi.quant.symmetric.SymmetricQuantizationProvider.class;
    }
}
