package dev.mrfi.fake.cycle.b;

/** The other half of a deliberate package cycle for {@code RuleSelfTest}. */
public final class PointsToA {

    public Object other() {
        return dev.mrfi.fake.cycle.a.PointsToB.class;
    }
}
