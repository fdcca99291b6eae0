package dev.mrfi.core.fake;

/** A deliberate rule breaker for {@code RuleSelfTest}: a core class that names Spark and the spark module. */
public final class UsesSpark {

    public Object conf() {
        return new org.apache.spark.SparkConf();
    }

    public Object runner() {
        return new dev.mrfi.spark.SparkTrialRunnerProvider();
    }
}
