package com.example.mrfi.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.core.engine.InjectionPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LibraryUseTest {

    @Test
    void faultsChangeTheOutputAndTheSeedReproducesThem() {
        InjectionPlan plan = LibraryUse.plan();
        float[] clean = LibraryUse.forward(ForwardHooks.NONE);
        float[] first = LibraryUse.forward(plan.newTrial(7));
        float[] again = LibraryUse.forward(plan.newTrial(7));
        assertThat(first).isNotEqualTo(clean).isEqualTo(again);
    }

    @Test
    void mainPrintsTheCleanAndTheFaultyOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            LibraryUse.main(new String[] {"3"});
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("clean:  [").contains("\nfaulty: [");
    }

    @Test
    void aFaultSinkBoundThroughGuiceCountsEveryFaultOfASweepTheSameForTheSameSeed() {
        long faults = FaultCounting.countFaults(5);
        assertThat(faults).isPositive().isEqualTo(FaultCounting.countFaults(5));
        assertThat(FaultCounting.MODEL.forward(FaultCounting.data().images(), FaultCounting.data().shape(),
                dev.mrfi.api.host.ForwardHooks.NONE)).hasSize(16);
    }
}
