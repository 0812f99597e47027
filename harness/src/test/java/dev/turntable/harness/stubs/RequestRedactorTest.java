package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestRedactorTest {
  @Test
  void masksSecretHeadersButKeepsTheScheme() {
    assertThat(RequestRedactor.redactHeaderValue("Authorization", "Bearer sk-123")).isEqualTo("Bearer ***");
    assertThat(RequestRedactor.redactHeaderValue("xi-api-key", "abc")).isEqualTo("***");
    assertThat(RequestRedactor.redactHeaderValue("X-API-Key", "abc")).isEqualTo("***");
    assertThat(RequestRedactor.redactHeaderValue("Content-Type", "application/json")).isEqualTo("application/json");
  }

  @Test
  void masksKeysInQueriesAndBodies() {
    assertThat(RequestRedactor.redactUrl("/ws?token=t0k&sample_rate=16000&access_token=a"))
        .isEqualTo("/ws?token=***&sample_rate=16000&access_token=***");
    assertThat(RequestRedactor.redactBody("{\"text\":\" \",\"xi_api_key\":\"sk-9\"}"))
        .isEqualTo("{\"text\":\" \",\"xi_api_key\":\"***\"}");
  }
}
