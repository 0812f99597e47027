package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.stt.SttEvent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * How long speech recognition is gone when the connection drops mid-session, with the default
 * reconnect policy (first attempt after 250 ms), over loopback: drop → Begin of the new session.
 * Not part of the test suite (the name does not end in Test); run it with
 * {@code mvn -pl agent test -Dtest=SttReconnectBenchmark}.
 */
class SttReconnectBenchmark {
  private static final int DROPS = 20;

  @Test
  void dropToNewSession() throws Exception {
    try (LoopbackAssemblyAi server = LoopbackAssemblyAi.started()) {
      RecordingListener events = new RecordingListener();
      AssemblyAiSpeechToText stt =
          new AssemblyAiSpeechToText(
              AssemblyAiOptions.builder(AssemblyAiCredential.apiKey("test-key-0123456789"))
                  .url(server.url())
                  .build(),
              new RecordingTap());
      stt.start(events);
      LoopbackAssemblyAi.Session session = server.awaitSession();
      events.next(SttEvent.SessionBegan.class);
      long[] gaps = new long[DROPS];
      for (int i = 0; i < DROPS; i++) {
        long dropped = System.nanoTime();
        session.socket.closeConnection(1006, "gone");
        events.next(SttEvent.Failure.class);
        session = server.awaitSession();
        events.next(SttEvent.SessionBegan.class);
        gaps[i] = System.nanoTime() - dropped;
      }
      stt.close();
      Arrays.sort(gaps);
      System.out.printf(
          "STT dropped -> new session began, %d drops: p50 %.1f ms, max %.1f ms%n",
          DROPS, gaps[DROPS / 2] / 1e6, gaps[DROPS - 1] / 1e6);
      assertThat(gaps[DROPS - 1]).isLessThan(1_000_000_000L);
    }
  }
}
