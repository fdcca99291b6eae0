package dev.mrfi.quant.symmetric.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: a plugin-package class that uses Jackson. */
public final class UsesJackson {

    public Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
