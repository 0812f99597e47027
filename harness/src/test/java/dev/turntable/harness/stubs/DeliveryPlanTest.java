package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryPlanTest {
  @Test
  void timesTheChunkHoldingTheFirstTokenToArriveAtFirstByte() {
    // 1000 bytes in ~100-byte token events: 10 chunks; the first token ends in chunk 2 (0-based),
    // which WireMock writes after the fixed delay plus three 25 ms steps.
    DeliveryPlan plan = DeliveryPlan.streamed(300, 1000, 250, 100, 25);

    assertThat(plan).isEqualTo(new DeliveryPlan(225, 10, 250));
  }

  @Test
  void neverPlansANegativeDelayOrMoreChunksThanBytes() {
    assertThat(DeliveryPlan.streamed(10, 1000, 900, 100, 25).fixedDelayMillis()).isZero();
    assertThat(DeliveryPlan.streamed(0, 3, 1, 0.5, 10).chunks()).isEqualTo(3);
  }

  @Test
  void unpacedStreamsGoOutAtOnce() {
    assertThat(DeliveryPlan.streamed(0, 5000, 1, 3200, 0)).isEqualTo(new DeliveryPlan(0, 2, 0));
  }

  @Test
  void wholeBodiesWaitThenArriveTogether() {
    assertThat(DeliveryPlan.whole(420)).isEqualTo(new DeliveryPlan(420, 1, 0));
  }
}
