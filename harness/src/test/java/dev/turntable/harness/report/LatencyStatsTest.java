package dev.turntable.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.check.TurnMeasure;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  private static List<TurnMeasure> turns(double... latencies) {
    return DoubleStream.of(latencies)
        .mapToObj(ms -> new TurnMeasure(1, "", ms, 0, 0, 0, 0, 0, 0, 0))
        .toList();
  }

  @Test
  void nearestRankOverMeasuredTurnsOnly() {
    List<TurnMeasure> turns = turns(900, Double.NaN, 700, 800, 1500);
    assertThat(LatencyStats.percentile(turns, 50)).isEqualTo(800);
    assertThat(LatencyStats.percentile(turns, 99)).isEqualTo(1500);
  }

  @Test
  void noMeasuredTurnIsNaN() {
    assertThat(LatencyStats.percentile(turns(Double.NaN), 50)).isNaN();
    assertThat(LatencyStats.percentile(List.of(), 99)).isNaN();
  }
}
