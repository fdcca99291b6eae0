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

    @Test
    void aBitStudyOfTheFloatWeightsHasARowPerBitAndOnlyHighBitsChangeTheAccuracy() {
        dev.mrfi.core.experiment.StudyResult result = BitSensitivity.byBit(3);
        assertThat(result.variable()).isEqualTo("bit");
        assertThat(result.rows()).hasSize(32);
        assertThat(result.rows().get(31).label()).isEqualTo("31");
        double golden = result.golden().mean();
        // the example classifier is at chance (it calls every example class 0): faults move it either way
        for (int bit = 0; bit < 16; bit++) {
            assertThat(result.rows().get(bit).accuracy().mean()).as("mantissa bit %d", bit).isEqualTo(golden);
        }
        assertThat(result.rows().subList(23, 32)).as("exponent and sign bits")
                .anySatisfy(row -> assertThat(row.accuracy().mean()).isNotEqualTo(golden));
    }
}
