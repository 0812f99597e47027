package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.Providers;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.replay.FixtureSettings;
import dev.turntable.harness.replay.SessionRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.BufferedReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Our agent, configured only by what {@code turntable serve} prints, holds a conversation. */
class ServeCommandTest {
  private static final Path FIXTURE = Path.of("..", "fixtures", "question-answer");

  @Test
  void theAgentHoldsAConversationAgainstServeWithNoNetwork() throws Exception {
    converseAgainstServe(Providers.TtsTransport.HTTP, true);
  }

  @Test
  void theAgentStreamsItsReplyIntoTheWebSocketTtsStubOfServe() throws Exception {
    converseAgainstServe(Providers.TtsTransport.WS, false);
  }

  private void converseAgainstServe(Providers.TtsTransport transport, boolean warmUp) throws Exception {
    ServeCommand serve = new ServeCommand();
    PipedWriter pipe = new PipedWriter();
    BufferedReader lines = new BufferedReader(new PipedReader(pipe));
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(serve).setOut(new PrintWriter(pipe, true)).setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(() -> warmUp
            ? cli.execute("--fixture", FIXTURE.toString(), "--speed", "4")
            : cli.execute("--fixture", FIXTURE.toString(), "--speed", "4", "--no-warm-up"));
    try {
      Map<String, String> env = new LinkedHashMap<>();
      for (String line = lines.readLine(); !"ready".equals(line); line = lines.readLine()) {
        assertThat(line).as("serve printed %s before 'ready'", line).contains("=");
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
      assertThat(env).containsKeys("ASSEMBLYAI_STREAMING_URL", "OPENAI_BASE_URL", "ANTHROPIC_BASE_URL",
          "ELEVENLABS_BASE_URL", "CARTESIA_BASE_URL", "ELEVENLABS_WS_URL", "CARTESIA_WS_URL");
      assertThat(env.values()).allSatisfy(url -> assertThat(url).contains("127.0.0.1"));
      Providers.SECRET_VARIABLES.forEach(name -> env.put(name, "any-key"));
      env.put("ELEVENLABS_VOICE_ID", "any-voice");

      Fixture fixture = FixtureReader.read(FIXTURE);
      var outcome =
          SessionRun.run(
              fixture.micWav(),
              Environment.of(Map.of(), env),
              FixtureSettings.choices(fixture.manifest()).withTtsTransport(transport),
              FixtureSettings.conversation(fixture.manifest()),
              false,
              4,
              null);

      assertThat(outcome.timeline().all(AgentEvent.UserTurnEnded.class))
          .extracting(AgentEvent.UserTurnEnded::text)
          .containsExactly("What is the weather like tomorrow?");
      assertThat(outcome.timeline().all(AgentEvent.PlaybackDrained.class)).hasSize(1);
      assertThat(outcome.timeline().all(AgentEvent.AgentError.class)).isEmpty();
      assertThat(outcome.played()).isNotEmpty();
      if (warmUp) { // on throwaway mocks: the served stubs saw this conversation's request only
        assertThat(err.toString()).contains("turntable serve: warmed up in");
      } else {
        assertThat(err.toString()).doesNotContain("warm");
      }
      assertThat(servedLlmRequests(env.get("TURNTABLE_ADMIN_URL"))).isEqualTo(1);
    } finally {
      serve.stop();
    }
    assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
  }

  private static long servedLlmRequests(String adminUrl) throws Exception {
    HttpResponse<String> journal = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(adminUrl + "/requests")).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(journal.body()).path("requests").findValuesAsText("url").stream()
        .filter(url -> url.startsWith("/v1/chat/completions") || url.startsWith("/v1/messages"))
        .count();
  }
}
