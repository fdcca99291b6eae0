package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.nn.data.FashionMnist;
import org.junit.jupiter.api.Test;

/** A quick single-thread measurement, not a benchmark: it only guards against a large slowdown. */
class ForwardSpeedTest {

    @Test
    void lenetForwardsMoreThanTwoThousandImagesPerSecondOnOneThread() {
        Network lenet = LeNet.embedded();
        Tensor batch = FashionMnist.embedded().slice(0, 128).images();
        for (int warmup = 0; warmup < 80; warmup++) {
            lenet.forward(batch);
        }
        int passes = 40;
        long start = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            lenet.forward(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double imagesPerSecond = passes * 128 / seconds;

        System.out.printf("LeNet forward, batch 128, one thread: %.0f images/s%n", imagesPerSecond);
        assertThat(imagesPerSecond).isGreaterThan(2000);
    }
}
