package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void everyItemIsInExactlyOneShard() {
    for (int size = 0; size <= 40; size++) {
      List<String> corpus = IntStream.range(0, size).mapToObj(i -> "fixture-" + i).toList();
      for (int count = 1; count <= 9; count++) {
        List<String> seen = new ArrayList<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int index = 1; index <= count; index++) {
          List<String> slice = new Shard(index, count).select(corpus);
          seen.addAll(slice);
          smallest = Math.min(smallest, slice.size());
          largest = Math.max(largest, slice.size());
        }
        assertThat(seen).as("%d items in %d shards", size, count).containsExactlyInAnyOrderElementsOf(corpus);
        Set<String> unique = new HashSet<>(seen);
        assertThat(unique).hasSameSizeAs(seen);
        assertThat(largest - smallest).as("balance").isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void theWholeCorpusIsOneShard() {
    assertThat(Shard.parse("1/1").select(List.of("a", "b", "c"))).containsExactly("a", "b", "c");
    assertThat(Shard.parse(" 2/3 ").select(List.of("a", "b", "c", "d", "e"))).containsExactly("b", "e");
  }

  @Test
  void badShardsSayWhatIsAllowed() {
    for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0", "")) {
      assertThatThrownBy(() -> Shard.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/4; got");
    }
  }
}
