package dev.mrfi.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.nn.data.Dataset;
import dev.mrfi.nn.data.FashionMnist;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentForwardTest {

    @Test
    void fourThreadsForwardingTheSameBatchGetIdenticalOutputs() throws Exception {
        Network lenet = LeNet.embedded();
        Dataset batch = FashionMnist.embedded().slice(0, 64);
        Tensor expected = lenet.forward(batch.images());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Tensor>>> tasks = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                tasks.add(() -> {
                    List<Tensor> outputs = new ArrayList<>();
                    for (int pass = 0; pass < 10; pass++) {
                        outputs.add(lenet.forward(batch.images(), new RecordingHooks()));
                    }
                    return outputs;
                });
            }
            for (Future<List<Tensor>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).hasSize(10).allSatisfy(output -> assertThat(output).isEqualTo(expected));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
