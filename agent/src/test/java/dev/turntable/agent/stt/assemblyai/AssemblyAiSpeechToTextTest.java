package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.turntable.agent.stt.SttConfigUpdate;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttWireTap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssemblyAiSpeechToTextTest {
  private static final String KEY = "test-key-0123456789";
  private static final String PARTIAL =
      "{\"type\":\"Turn\",\"turn_order\":0,\"turn_is_formatted\":false,\"end_of_turn\":false,"
          + "\"transcript\":\"My name\",\"utterance\":\"\",\"end_of_turn_confidence\":0,"
          + "\"words\":[{\"start\":1216,\"end\":1635,\"text\":\"My\",\"confidence\":0.9,"
          + "\"word_is_final\":false}]}";
  private static final String FINAL =
      "{\"type\":\"Turn\",\"turn_order\":0,\"turn_is_formatted\":true,\"end_of_turn\":true,"
          + "\"transcript\":\"My name is Sonny.\",\"utterance\":\"My name is Sonny.\","
          + "\"end_of_turn_confidence\":1,\"words\":[{\"start\":1216,\"end\":1635,\"text\":\"My\","
          + "\"confidence\":0.9,\"word_is_final\":true}]}";

  private LoopbackAssemblyAi server;
  private final RecordingListener events = new RecordingListener();
  private final RecordingTap tap = new RecordingTap();
  private AssemblyAiSpeechToText stt;

  @BeforeEach
  void startServer() throws InterruptedException {
    server = LoopbackAssemblyAi.started();
  }

  @AfterEach
  void stopAll() {
    if (stt != null) {
      stt.close();
    }
    server.close();
  }

  private AssemblyAiOptions.Builder options() {
    return AssemblyAiOptions.builder(AssemblyAiCredential.apiKey(KEY))
        .url(server.url())
        .preset(TurnPreset.BALANCED)
        .reconnect(ReconnectPolicy.NEVER);
  }

  private LoopbackAssemblyAi.Session connect(AssemblyAiOptions options)
      throws InterruptedException {
    stt = new AssemblyAiSpeechToText(options, tap);
    stt.start(events);
    LoopbackAssemblyAi.Session session = server.awaitSession();
    events.next(SttEvent.SessionBegan.class);
    return session;
  }

  @Test
  void theKeyTravelsOnlyInTheAuthorizationHeader() throws InterruptedException {
    LoopbackAssemblyAi.Session session =
        connect(options().keytermsPrompt(List.of("Sonny")).build());

    assertThat(session.headers).containsEntry("Authorization", KEY);
    assertThat(session.resource).doesNotContain(KEY).startsWith("/v3/ws?");
    assertThat(session.query())
        .containsEntry("speech_model", "u3-rt-pro")
        .containsEntry("sample_rate", "16000")
        .containsEntry("min_turn_silence", "100")
        .containsEntry("max_turn_silence", "1000")
        .containsEntry("keyterms_prompt", "[\"Sonny\"]");
    assertThat(String.join("\n", tap.lines)).doesNotContain(KEY);
  }

  @Test
  void aTemporaryTokenAlsoGoesInTheHeader() throws InterruptedException {
    LoopbackAssemblyAi.Session session =
        connect(options().credential(AssemblyAiCredential.temporaryToken("eyJtoken")).build());

    assertThat(session.headers).containsEntry("Authorization", "eyJtoken");
    assertThat(session.resource).doesNotContain("eyJtoken").doesNotContain("token=");
  }

  @Test
  void serverMessagesBecomeEventsInOrderOnTheAdaptersThread() throws InterruptedException {
    LoopbackAssemblyAi.Session session = connect(options().build());

    session.send("{\"type\":\"SpeechStarted\",\"timestamp\":1216,\"confidence\":0.98}");
    session.send("{\"type\":\"Heartbeat\",\"total_audio_received_ms\":1000}");
    session.send("{\"type\":\"SpeakerRevision\",\"revisions\":[]}");
    session.send(PARTIAL);
    session.send(FINAL);

    assertThat(events.next(SttEvent.SpeechStarted.class).audioMs()).isEqualTo(1216);
    SttEvent.Turn partial = events.next(SttEvent.TurnUpdate.class).turn();
    SttEvent.Turn last = events.next(SttEvent.TurnUpdate.class).turn();
    assertThat(partial.endOfTurn()).isFalse();
    assertThat(partial.transcript()).isEqualTo("My name");
    assertThat(last.endOfTurn()).isTrue();
    assertThat(last.transcript()).isEqualTo("My name is Sonny.");
    assertThat(events.deliveringThread).startsWith("assemblyai-stt-");
  }

  @Test
  void controlMessagesAndAudioGoOutExactly() throws InterruptedException {
    LoopbackAssemblyAi.Session session = connect(options().build());
    byte[] fiftyMs = new byte[1600];
    fiftyMs[0] = 7;

    stt.sendAudio(fiftyMs);
    stt.forceEndpoint();
    stt.updateConfiguration(TurnPreset.PATIENT.toConfigUpdate());
    stt.updateConfiguration(new SttConfigUpdate(null, null, List.of("account number"), "Names."));
    stt.keepAlive();

    assertThat((byte[]) session.nextReceived()).isEqualTo(fiftyMs);
    assertThat(session.nextReceived()).isEqualTo("{\"type\":\"ForceEndpoint\"}");
    assertThat(session.nextReceived())
        .isEqualTo(
            "{\"type\":\"UpdateConfiguration\",\"min_turn_silence\":200,\"max_turn_silence\":2000}");
    assertThat(session.nextReceived())
        .isEqualTo(
            "{\"type\":\"UpdateConfiguration\",\"keyterms_prompt\":[\"account number\"],"
                + "\"prompt\":\"Names.\"}");
    assertThat(session.nextReceived()).isEqualTo("{\"type\":\"KeepAlive\"}");
  }

  @Test
  void audioIsDroppedNotThrownWhenNotConnected() {
    stt = new AssemblyAiSpeechToText(options().build(), tap);

    stt.sendAudio(new byte[1600]);
    stt.forceEndpoint();
    stt.close();
    stt.sendAudio(new byte[1600]);

    assertThat(tap.lines).isEmpty();
  }

  @Test
  void closeSendsTerminateAndDeliversTheLastTurnAndTermination() throws InterruptedException {
    LoopbackAssemblyAi.Session session = connect(options().build());
    server.answerTerminate = false;

    Thread serverAnswers =
        new Thread(
            () -> {
              try {
                if ("{\"type\":\"Terminate\"}".equals(session.nextReceived())) {
                  session.send(FINAL); // the in-flight turn comes before Termination
                  session.send(LoopbackAssemblyAi.TERMINATION);
                  session.socket.close(1000);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "test-server-answers-terminate");
    serverAnswers.start();
    stt.close();
    serverAnswers.join(5000);

    assertThat(events.next(SttEvent.TurnUpdate.class).turn().endOfTurn()).isTrue();
    assertThat(events.next(SttEvent.SessionEnded.class))
        .isEqualTo(new SttEvent.SessionEnded(13, 14));
    assertThat(events.poll()).as("no Failure after a clean close").isNull();
    stt.close(); // idempotent
    assertThat(tap.lines).filteredOn(l -> l.contains("Terminate")).hasSize(1);
  }

  @Test
  void closeIsBoundedWhenTheServerNeverAnswersTerminate() throws InterruptedException {
    LoopbackAssemblyAi.Session session =
        connect(options().closeTimeout(Duration.ofMillis(200)).build());
    server.answerTerminate = false;

    assertTimeoutPreemptively(Duration.ofSeconds(5), stt::close, "close() hung");

    assertThat(session.nextReceived()).isEqualTo("{\"type\":\"Terminate\"}");
    assertThat(events.poll()).isNull();
  }

  @Test
  void theWireTapSeesEveryFrameBothWays() throws InterruptedException {
    AssemblyAiOptions options = options().build();
    LoopbackAssemblyAi.Session session = connect(options);
    stt.sendAudio(new byte[1600]);
    stt.forceEndpoint();
    session.nextReceived();
    session.nextReceived();
    session.send(FINAL);
    events.next(SttEvent.TurnUpdate.class);

    stt.close();

    assertThat(tap.lines)
        .containsExactly(
            "connected " + options.redactedUrl(),
            "received " + LoopbackAssemblyAi.BEGIN,
            "sent-audio 1600",
            "sent {\"type\":\"ForceEndpoint\"}",
            "received " + FINAL,
            "sent {\"type\":\"Terminate\"}",
            "received " + LoopbackAssemblyAi.TERMINATION,
            "closed 1000 remote");
  }

  @Test
  void closeStopsEveryThreadTheAdapterStarted() throws InterruptedException {
    connect(options().build());
    assertThat(adapterThreads())
        .extracting(Thread::getName)
        .anyMatch(name -> name.matches("assemblyai-stt-\\d+"))
        .anyMatch(name -> name.matches("assemblyai-stt-\\d+-read-1"));

    stt.close();

    List<Thread> leftovers = adapterThreads();
    for (Thread thread : leftovers) {
      thread.join(5000); // a thread may still be finishing its last instruction
    }
    assertThat(leftovers).noneMatch(Thread::isAlive);
    assertThat(events.poll()).isInstanceOf(SttEvent.SessionEnded.class);
  }

  /** Ours by name, plus Java-WebSocket's client writer (the loopback server has none). */
  private static List<Thread> adapterThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            t ->
                t.getName().startsWith("assemblyai-stt-")
                    || t.getName().startsWith("WebSocketWriteThread"))
        .filter(Thread::isAlive)
        .toList();
  }

  @Test
  void aTapThatIsNoneIsAccepted() throws InterruptedException {
    stt = new AssemblyAiSpeechToText(options().build(), SttWireTap.NONE);
    stt.start(events);

    assertThat(events.next(SttEvent.SessionBegan.class).sessionId()).isEqualTo("session-1");
  }
}
