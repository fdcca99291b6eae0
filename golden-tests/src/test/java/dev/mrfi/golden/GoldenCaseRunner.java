package dev.mrfi.golden;

import dev.mrfi.core.Mrfi;

/** Checks the golden cases of one kind. */
interface GoldenCaseRunner {

    /** The value of the cases' {@code kind} field this runner checks. */
    String kind();

    /**
     * Recomputes one case and compares every value exactly.
     *
     * @throws AssertionError naming the case id, the index, the expected and the actual value
     */
    void check(GoldenCase goldenCase, Mrfi mrfi);
}
