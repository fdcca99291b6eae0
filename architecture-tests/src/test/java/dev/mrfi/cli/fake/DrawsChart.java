package dev.mrfi.cli.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: a command class outside the study package that draws. */
public final class DrawsChart {

    public Object chart() {
        return org.knowm.xchart.XYChart.class;
    }
}
