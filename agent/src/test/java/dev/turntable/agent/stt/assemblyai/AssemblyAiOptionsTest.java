package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssemblyAiOptionsTest {
  private static final String KEY = "sk-live-0123456789abcdef";
  private static final AssemblyAiCredential CREDENTIAL = AssemblyAiCredential.apiKey(KEY);

  @Test
  void defaultsSendOnlyModelRateAndEncoding() {
    AssemblyAiOptions options = AssemblyAiOptions.builder(CREDENTIAL).build();

    assertThat(options.connectionUri())
        .hasToString(
            "wss://streaming.assemblyai.com/v3/ws"
                + "?speech_model=u3-rt-pro&sample_rate=16000&encoding=pcm_s16le");
    assertThat(options.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.reconnect()).isEqualTo(ReconnectPolicy.DEFAULT);
  }

  @Test
  void everyParameterIsSentUrlEncodedInAFixedOrder() {
    AssemblyAiOptions options =
        AssemblyAiOptions.builder(CREDENTIAL)
            .preset(TurnPreset.PATIENT)
            .keytermsPrompt(List.of("account number", "Sonny & Cher"))
            .prompt("Transcribe names exactly; 100% verbatim?")
            .inactivityTimeoutSeconds(30)
            .vadThreshold(0.3)
            .languageDetection(true)
            .speakerLabels(false)
            .maxSpeakers(2)
            .extraQueryParam("interruption_delay", "500")
            .build();

    String query = options.connectionUri().getRawQuery();

    assertThat(query)
        .startsWith(
            "speech_model=u3-rt-pro&sample_rate=16000&encoding=pcm_s16le"
                + "&min_turn_silence=200&max_turn_silence=2000"
                + "&keyterms_prompt=%5B%22account%20number%22%2C%22Sonny%20%26%20Cher%22%5D"
                + "&prompt=Transcribe%20names%20exactly%3B%20100%25%20verbatim%3F")
        .endsWith(
            "&inactivity_timeout=30&vad_threshold=0.3&language_detection=true"
                + "&speaker_labels=false&max_speakers=2&interruption_delay=500");
    assertThat(URLDecoder.decode(query, StandardCharsets.UTF_8))
        .contains("keyterms_prompt=[\"account number\",\"Sonny & Cher\"]");
  }

  @Test
  void theCredentialIsNeverInTheUrlTheRedactedUrlOrToString() {
    AssemblyAiOptions key = AssemblyAiOptions.builder(CREDENTIAL).prompt("p").build();
    AssemblyAiOptions token =
        AssemblyAiOptions.builder(AssemblyAiCredential.temporaryToken("eyJtemporary")).build();

    assertThat(key.connectionUri().toString()).doesNotContain(KEY);
    assertThat(key.redactedUrl()).doesNotContain(KEY).isEqualTo(key.connectionUri().toString());
    assertThat(key.toString()).doesNotContain(KEY).contains("API_KEY(***)");
    assertThat(CREDENTIAL.toString()).isEqualTo("API_KEY(***)");
    assertThat(token.connectionUri().toString())
        .doesNotContain("eyJtemporary")
        .doesNotContain("token");
    assertThat(token.toString()).doesNotContain("eyJtemporary");
  }

  @Test
  void redactionMasksSecretParametersAndUserInfo() {
    URI leaky =
        URI.create("wss://user:pw@example.test/v3/ws?sample_rate=16000&token=abc&api_key=k");

    assertThat(ConnectionQuery.redact(leaky))
        .isEqualTo("wss://example.test/v3/ws?sample_rate=16000&token=***&api_key=***");
  }

  @Test
  void presetsSetTheTurnSilencesFromTheGuide() {
    AssemblyAiOptions base = AssemblyAiOptions.builder(CREDENTIAL).prompt("kept").build();

    assertThat(TurnPreset.FAST.applyTo(base))
        .extracting(AssemblyAiOptions::minTurnSilenceMs, AssemblyAiOptions::maxTurnSilenceMs)
        .containsExactly(100, 800);
    assertThat(base.withPreset(TurnPreset.BALANCED))
        .extracting(
            AssemblyAiOptions::minTurnSilenceMs,
            AssemblyAiOptions::maxTurnSilenceMs,
            AssemblyAiOptions::prompt)
        .containsExactly(100, 1000, "kept");
    assertThat(TurnPreset.PATIENT.applyTo(base))
        .extracting(AssemblyAiOptions::minTurnSilenceMs, AssemblyAiOptions::maxTurnSilenceMs)
        .containsExactly(200, 2000);
    assertThat(TurnPreset.fromName(" Patient ")).isEqualTo(TurnPreset.PATIENT);
    assertThat(TurnPreset.FAST.toConfigUpdate().maxTurnSilenceMs()).isEqualTo(800);
    assertThatThrownBy(() -> TurnPreset.fromName("slow"))
        .hasMessageContaining("fast, balanced, patient");
  }

  @Test
  void invalidOptionsAreRefusedWithAReason() {
    var builder = AssemblyAiOptions.builder(CREDENTIAL);

    assertThatThrownBy(() -> builder.url(URI.create("wss://h/v3/ws?token=x")).build())
        .hasMessageContaining("no query")
        .hasMessageNotContaining("token=x");
    assertThatThrownBy(
            () -> AssemblyAiOptions.builder(CREDENTIAL).url(URI.create("https://h")).build())
        .hasMessageContaining("ws:// or wss://");
    assertThatThrownBy(
            () -> AssemblyAiOptions.builder(CREDENTIAL).extraQueryParam("token", "t").build())
        .hasMessageContaining("Authorization header");
    assertThatThrownBy(
            () ->
                AssemblyAiOptions.builder(CREDENTIAL)
                    .extraQueryParam("sample_rate", "8000")
                    .build())
        .hasMessageContaining("named option");
    assertThatThrownBy(
            () ->
                AssemblyAiOptions.builder(CREDENTIAL)
                    .minTurnSilenceMs(900)
                    .maxTurnSilenceMs(800)
                    .build())
        .hasMessageContaining("must not exceed");
    assertThatThrownBy(() -> AssemblyAiOptions.builder(CREDENTIAL).vadThreshold(1.5).build())
        .hasMessageContaining("vadThreshold");
    assertThatThrownBy(() -> AssemblyAiOptions.builder(null).build())
        .hasMessageContaining("ASSEMBLYAI_API_KEY");
  }

  @Test
  void credentialsAreCheckedWithoutEchoingThem() {
    assertThatThrownBy(() -> AssemblyAiCredential.apiKey(" "))
        .hasMessageContaining("ASSEMBLYAI_API_KEY");
    assertThatThrownBy(() -> AssemblyAiCredential.apiKey("Bearer " + KEY))
        .hasMessageContaining("remove the prefix")
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> AssemblyAiCredential.apiKey("abc\ndef"))
        .hasMessageContaining("control characters");
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    ReconnectPolicy policy = new ReconnectPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(1));

    assertThat(List.of(1, 2, 3, 4, 5))
        .map(policy::delayBeforeAttempt)
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
  }
}
