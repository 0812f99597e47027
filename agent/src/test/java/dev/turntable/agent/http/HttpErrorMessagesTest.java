package dev.turntable.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpErrorMessagesTest {
  private static final String KEY = "sk-live-abc123XYZ";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"error\":{\"message\":\"Bad model\",\"type\":\"invalid_request_error\"}}"
          + " | Bad model (invalid_request_error)",
      "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"
          + " | Overloaded (overloaded_error)",
      "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}"
          + " | Invalid API key (invalid_api_key)",
      "{\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"field required\"}]} | field required",
      "{\"detail\":\"Not found\"} | Not found",
      "{\"error\":\"Invalid voice\"} | Invalid voice",
      "{\"title\":\"Bad request\",\"message\":\"sample_rate must be one of\"}"
          + " | sample_rate must be one of",
      "'<html>\n  <b>Bad   gateway</b>\n</html>' | <html> <b>Bad gateway</b> </html>"})
  void findsTheProvidersExplanationInEachBodyShape(String body, String expected) {
    assertThat(HttpErrorMessages.providerMessage(body)).isEqualTo(expected);
  }

  @Test
  void longBodiesAreCut() {
    assertThat(HttpErrorMessages.providerMessage("x".repeat(5_000))).hasSize(301).endsWith("…");
  }

  @Test
  void streamErrorsAreRedacted() throws Exception {
    var error = new ObjectMapper().readTree("{\"message\":\"bad key " + KEY + "\"}");
    assertThat(HttpErrorMessages.forStreamError("OpenAI", error, KEY))
        .isEqualTo("OpenAI stream failed mid-reply: bad key ****");
  }

  @Test
  void transportFailuresNameTheEndpointWithoutItsQuery() {
    HttpUrl url = HttpUrl.get("http://127.0.0.1:9/v1/x/stream?output_format=pcm_16000");
    String message = HttpErrorMessages.forFailure("ElevenLabs", url,
        new ConnectException("Connection refused"), KEY);
    assertThat(message).isEqualTo("ElevenLabs request to http://127.0.0.1:9/v1/x/stream failed: "
        + "ConnectException: Connection refused. Check the network and the base URL.");
  }

  @Test
  void secretsAreMaskedAndRedacted() {
    assertThat(Secrets.mask(KEY)).isEqualTo("****");
    assertThat(Secrets.mask("")).isEqualTo("<none>");
    assertThat(Secrets.redact("a " + KEY + " b " + KEY, KEY)).isEqualTo("a **** b ****");
    assertThat(Secrets.redact("nothing here", null)).isEqualTo("nothing here");
  }
}
