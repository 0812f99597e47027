package dev.turntable.agent.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.TimerLoop;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.elevenlabs.ElevenLabsOptions;
import dev.turntable.agent.tts.elevenlabs.ElevenLabsStreamSynthesizer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ElevenLabs stream-input adapter over a real socket whose first reply connection drops without
 * a close frame (1006) as soon as text arrives: the reply is spoken on a new connection, with the
 * text written before the drop, and the listener hears one retry notice.
 */
class DroppedTtsSocketRetryTest {
  private final DropFirstReply server = new DropFirstReply();
  private final TimerLoop loop = new TimerLoop("test-retry");

  @AfterEach
  void stop() throws InterruptedException {
    loop.close();
    server.stop(1_000);
  }

  @Test
  void aReplyWhoseConnectionDropsIsSpokenOnANewOne() throws Exception {
    server.start();
    server.started.get(10, TimeUnit.SECONDS);
    URI base = URI.create("ws://127.0.0.1:" + server.getPort());
    var tts = new ElevenLabsStreamSynthesizer(
        ElevenLabsOptions.of("xi-test-key", "voice").withBaseUrl("http://127.0.0.1"), base);
    List<TtsEvent> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> completed = new CompletableFuture<>();

    TextStream reply = new RetryingStreamSynthesizer(tts, Optional.empty(), RetryPolicy.DEFAULT, loop, Clock.system())
        .open(event -> {
          received.add(event);
          if (event instanceof TtsEvent.Completed || event instanceof TtsEvent.Failed) {
            completed.complete(null);
          }
        });
    reply.append("Tomorrow looks sunny.");
    reply.finish();
    completed.get(10, TimeUnit.SECONDS);

    assertThat(server.dropped).isTrue();
    assertThat(received).hasSize(3);
    assertThat(received.get(0)).isInstanceOfSatisfying(TtsEvent.Retrying.class,
        r -> assertThat(r.message()).contains("code 1006").doesNotContain("xi-test-key"));
    assertThat(received.get(1)).isInstanceOf(TtsEvent.Audio.class);
    assertThat(received.get(2)).isInstanceOf(TtsEvent.Completed.class);
    assertThat(server.spoken).containsExactly("Tomorrow looks sunny.");
  }

  /** stream-input enough for the adapter: drops the first connection to get reply text. */
  private static final class DropFirstReply extends WebSocketServer {
    final CompletableFuture<Void> started = new CompletableFuture<>();
    final AtomicBoolean droppedOnce = new AtomicBoolean();
    final List<String> spoken = new CopyOnWriteArrayList<>();
    volatile boolean dropped;

    DropFirstReply() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onStart() {
      started.complete(null);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public synchronized void onMessage(WebSocket conn, String message) {
      String said = message.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1");
      if (conn.isClosing() || conn.isClosed() || (said.isBlank() && !said.isEmpty())) {
        return; // the dropped connection's last frames, the opening " " or a flush
      }
      if (!said.isEmpty() && droppedOnce.compareAndSet(false, true)) {
        dropped = true;
        conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped"); // no close frame: 1006
        return;
      }
      StringBuilder text = conn.getAttachment() == null ? new StringBuilder() : conn.getAttachment();
      conn.setAttachment(text);
      if (!said.isEmpty()) {
        text.append(said);
        return;
      }
      spoken.add(text.toString()); // {"text": ""}: the end of input
      String audio = Base64.getEncoder().encodeToString(new byte[640]);
      conn.send("{\"audio\":\"" + audio + "\",\"isFinal\":false}");
      conn.send("{\"isFinal\":true}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}
  }
}
