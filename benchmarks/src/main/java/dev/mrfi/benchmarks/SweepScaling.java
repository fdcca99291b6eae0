package dev.mrfi.benchmarks;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ClassificationModel;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.experiment.BerPoint;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LabeledData;
import dev.mrfi.nn.Network;
import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import java.util.List;
import java.util.Locale;

/**
 * Trials per second of the LeNet BER sweep at one and at two threads, in one run: the embedded LeNet-5 on the
 * 2,000 bundled Fashion-MNIST test images, the {@code default_fi} preset, the reference's 13 default bit error
 * rates, batch 128, seed 0. After a warm-up sweep, the thread counts alternate for several rounds (so a burst
 * of load elsewhere hits both alike) and the fastest sweep of each is kept. Each sweep's table must equal
 * the first one's, or the run fails: results may not depend on the thread count.
 *
 * <p>A trial is one faulty pass over the images; the golden pass each sweep also runs is in the time but
 * not in the trial count.
 *
 * <p>Usage: {@code SweepScaling [--rounds N] [--repeats R] [--threads A,B]} (defaults 3, 2, {@code 1,2}).
 */
public final class SweepScaling {

    private SweepScaling() {
    }

    public static void main(String[] args) {
        int rounds = 3;
        int repeats = 2;
        int[] threads = {1, 2};
        for (int i = 0; i < args.length; i++) {
            if ("--rounds".equals(args[i]) && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else if ("--repeats".equals(args[i]) && i + 1 < args.length) {
                repeats = Integer.parseInt(args[++i]);
            } else if ("--threads".equals(args[i]) && i + 1 < args.length) {
                threads = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
            } else {
                System.err.println("usage: SweepScaling [--rounds N] [--repeats R] [--threads A,B]");
                System.exit(2);
            }
        }
        Network network = Workloads.lenet();
        ClassificationModel model = new ClassificationModel() {
            @Override
            public List<ModuleDescriptor> describe() {
                return network.describe();
            }

            @Override
            public float[] forward(float[] input, TensorShape shape, ForwardHooks hooks) {
                return network.forward(input, shape, hooks).data();
            }
        };
        Dataset dataset = FashionMnist.embedded();
        LabeledData data = new LabeledData(dataset.images().data(), dataset.images().shape(), dataset.labels());
        double[] bers = Experiments.defaultBers();
        int trials = bers.length * repeats;

        List<BerPoint> expected = sweep(model, data, threads[threads.length - 1], bers, repeats);
        double[] best = new double[threads.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int round = 0; round < rounds; round++) {
            for (int t = 0; t < threads.length; t++) {
                long start = System.nanoTime();
                List<BerPoint> rows = sweep(model, data, threads[t], bers, repeats);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.err.printf(Locale.ROOT, "round %d, %d thread(s): %.2f s%n", round + 1, threads[t], seconds);
                best[t] = Math.min(best[t], seconds);
                if (!rows.equals(expected)) {
                    System.err.println("results differ at " + threads[t] + " thread(s):\n" + rows + "\nvs\n" + expected);
                    System.exit(1);
                }
            }
        }
        System.out.printf(Locale.ROOT, "# LeNet BER sweep: %d images, %d BERs x %d repeats = %d trials (+ golden),"
                + " best of %d rounds; identical results at every thread count%n", data.size(), bers.length, repeats,
                trials, rounds);
        for (int t = 0; t < threads.length; t++) {
            System.out.printf(Locale.ROOT, "sweep_trials_per_s\t%d threads\t%.2f%n", threads[t], trials / best[t]);
        }
        for (int t = 1; t < threads.length; t++) {
            double speedUp = best[0] / best[t];
            System.out.printf(Locale.ROOT, "ratio\tsweep_%dthreads/sweep_%dthreads\t%.3f\t>= %.2f\t%s%n", threads[t],
                    threads[0], speedUp, 0.9 * threads[t] / threads[0],
                    speedUp >= 0.9 * threads[t] / threads[0] ? "ok" : "MISS");
        }
    }

    private static List<BerPoint> sweep(ClassificationModel model, LabeledData data, int threads, double[] bers,
                                        int repeats) {
        Experiments experiments = new Experiments(Workloads.preset("default_fi"), model, data, 128, threads, 0L);
        return experiments.berSweep(bers, repeats, Experiments.ProgressListener.NONE);
    }
}
