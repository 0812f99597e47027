package dev.turntable.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryGateTest {
  private final List<String> received = new ArrayList<>();
  private final DeliveryGate<String> gate = new DeliveryGate<>(received::add);

  @Test
  void deliversUntilTheFinalEventThenNothing() {
    assertThat(gate.deliver("a")).isTrue();
    assertThat(gate.finish("done")).isTrue();
    assertThat(gate.deliver("late")).isFalse();
    assertThat(gate.finish("second end")).isFalse();
    assertThat(received).containsExactly("a", "done");
  }

  @Test
  void closingSilencesEverythingAfter() {
    gate.deliver("a");
    gate.close();
    gate.close();
    assertThat(gate.deliver("b")).isFalse();
    assertThat(gate.finish("failed: canceled")).isFalse();
    assertThat(gate.isOpen()).isFalse();
    assertThat(received).containsExactly("a");
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheStream() {
    List<String> seen = new ArrayList<>();
    DeliveryGate<String> fragile = new DeliveryGate<>(event -> {
      seen.add(event);
      throw new IllegalStateException("listener bug");
    });
    assertThat(fragile.deliver("a")).isTrue();
    assertThat(fragile.finish("done")).isTrue();
    assertThat(seen).containsExactly("a", "done");
  }
}
