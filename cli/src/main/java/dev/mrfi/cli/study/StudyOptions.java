package dev.mrfi.cli.study;

/**
 * The study options of {@code mrfi experiment}.
 *
 * @param repeats trials per point
 * @param rate    the probability that a value is faulty, for the bit, channel and pixel studies
 * @param module  the module whose input the channel and pixel studies fault, or null
 * @param param   the parameter the param study sweeps, or null
 * @param values  the parameter's values, or null
 */
public record StudyOptions(int repeats, double rate, String module, String param, double[] values) {
}
