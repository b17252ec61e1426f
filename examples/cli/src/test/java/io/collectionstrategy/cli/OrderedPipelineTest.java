package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedPipelineTest {

    @Test
    void run_heavyInputs_weightTakenButNotYetHandedOnStaysWithinTheBound() {
        AtomicLong taken = new AtomicLong();
        AtomicLong handedOn = new AtomicLong();
        long[] most = {0};
        Iterator<Integer> inputs = IntStream.range(0, 500).boxed().map(i -> {
            taken.addAndGet(100);
            most[0] = Math.max(most[0], taken.get() - handedOn.get());
            return i;
        }).iterator();
        List<Integer> out = new ArrayList<>();

        OrderedPipeline.run(inputs, i -> i * 2, r -> {
            handedOn.addAndGet(100);
            out.add(r);
        }, 2, i -> 100, 1000);

        assertThat(out).containsExactlyElementsOf(IntStream.range(0, 500).map(i -> i * 2).boxed().toList());
        assertThat(most[0]).isLessThanOrEqualTo(1000 + 100); // the bound, and the one input in hand
    }

    @Test
    void run_oneInputHeavierThanTheBound_stillGoesThroughAlone() {
        List<String> out = new ArrayList<>();

        OrderedPipeline.run(List.of("a", "bbbbbbbbbb", "c").iterator(), String::toUpperCase, out::add, 2,
                s -> s.length(), 5);

        assertThat(out).containsExactly("A", "BBBBBBBBBB", "C");
    }
}
