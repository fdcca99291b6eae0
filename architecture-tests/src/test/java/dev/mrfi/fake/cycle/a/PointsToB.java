package dev.mrfi.fake.cycle.a;

/** One half of a deliberate package cycle for {@code RuleSelfTest}. */
public final class PointsToB {

    public Object other() {
        return dev.mrfi.fake.cycle.b.PointsToA.class;
    }
}
