package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpFaultTest {
  @Test
  void retryableStatusesSayWhenToRetry() {
    assertThat(HttpFault.status(429)).isEqualTo(new HttpFault.Status(429, Duration.ofSeconds(1)));
    assertThat(HttpFault.status(500)).isEqualTo(new HttpFault.Status(500, Duration.ZERO));
    assertThat(HttpFault.rateLimited(Duration.ofSeconds(7))).isEqualTo(new HttpFault.Status(429, Duration.ofSeconds(7)));
  }

  @Test
  void refusesFaultsThatAreNotFaults() {
    assertThatThrownBy(() -> HttpFault.status(200)).hasMessageContaining("4xx or 5xx");
    assertThatThrownBy(() -> HttpFault.cutAfter(1.0)).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> HttpFault.slow(0.5)).hasMessageContaining(">= 1");
  }

  @Test
  void speechServicesHaveNoInStreamErrorEvent() {
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withSpeech(SpeechEngine.TONE)).start()) {
      assertThatThrownBy(() -> stubs.cartesia().fail(HttpFault.streamError()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cutAfter");
    }
  }
}
