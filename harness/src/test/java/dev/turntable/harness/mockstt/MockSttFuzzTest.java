package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.Test;

/**
 * Sends at least {@value #MIN_FRAMES} random and malformed frames to one mock server: wrong JSON
 * types, unknown messages, empty and oversized frames, binary where text is expected and the
 * reverse, audio after Terminate, a close in the middle of a frame. Each session ends with the
 * error frame and close code the protocol defines; meanwhile well-behaved sessions on the same
 * server get their transcript undisturbed, and the server serves them all to the end.
 *
 * <p>Seeded ({@code -Dturntable.fuzz.seed=N}), so a failure reproduces; the seed is in every
 * failure message.
 */
class MockSttFuzzTest {
  static final long SEED = Long.getLong("turntable.fuzz.seed", 20_261_129L);
  private static final int MIN_FRAMES = 100_000;
  private static final int FUZZ_THREADS = 4;
  private static final int WITNESS_EVERY = 3;
  private static final Map<String, String> KEY = Map.of("Authorization", "fuzz-key");
  private static final Script SCRIPT = Script.of(new Utterance("Hello there.", 300, 1200));

  private final AtomicLong framesSent = new AtomicLong();
  private final Map<Integer, AtomicLong> expectedCloses = new ConcurrentHashMap<>();
  /** Witness sessions are paced by the fuzzing, so they share the server without crowding it out. */
  private final Semaphore witnessTurns = new Semaphore(0);
  private final List<String> disturbed = Collections.synchronizedList(new ArrayList<>());

  @Test
  void everyMalformedFrameGetsTheProtocolsAnswerAndNoOtherSessionNotices() throws Exception {
    try (MockAssemblyAiServer server =
        MockAssemblyAiServer.builder().driver(ScriptedDriver.factory(SCRIPT)).start()) {
      AtomicBoolean fuzzing = new AtomicBoolean(true);
      ExecutorService threads = Executors.newFixedThreadPool(FUZZ_THREADS + 1);
      try {
        Future<Integer> witnesses = threads.submit(() -> witness(server, fuzzing));
        List<Future<Integer>> fuzzers = new ArrayList<>();
        for (int t = 0; t < FUZZ_THREADS; t++) {
          long threadSeed = SEED * 31 + t;
          fuzzers.add(threads.submit(() -> fuzz(server, new Random(threadSeed))));
        }
        int fuzzSessions = 0;
        for (Future<Integer> fuzzer : fuzzers) {
          fuzzSessions += fuzzer.get();
        }
        fuzzing.set(false);
        int witnessSessions = witnesses.get();
        expect(1000, witnessSessions);

        Map<Integer, Long> serverCloses = drainSessions(server, fuzzSessions + witnessSessions);
        System.out.printf("mock STT fuzz (seed %d): %d frames in %d sessions, %d witness sessions,"
            + " %d disturbed; close codes seen by the server: %s%n", SEED, framesSent.get(),
            fuzzSessions, witnessSessions, disturbed.size(), serverCloses);

        assertThat(disturbed).as("sessions that did not get the protocol's answer (seed %d)", SEED)
            .isEmpty();
        assertThat(framesSent.get()).isGreaterThanOrEqualTo(MIN_FRAMES);
        assertThat(witnessSessions).isPositive();
        // The client saw each session's close code; the server saw every session end, with that
        // code or 1006 when the TCP connection went before the closing handshake finished.
        Map<Integer, Long> expected = expectedCloseCounts();
        assertThat(serverCloses.keySet()).as("close codes on the server (seed %d)", SEED)
            .isSubsetOf(expected.keySet());
        assertThat(serverCloses.values().stream().mapToLong(Long::longValue).sum())
            .as("sessions the server saw end (seed %d)", SEED)
            .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(serverCloses.get(1006)).isGreaterThanOrEqualTo(expected.get(1006));
      } finally {
        threads.shutdownNow();
      }
    }
  }

  private int fuzz(MockAssemblyAiServer server, Random random) throws Exception {
    int sessions = 0;
    while (framesSent.get() < MIN_FRAMES) {
      Ending ending = Ending.pick(random);
      String label = "session " + sessions + " ending " + ending;
      try {
        int closeCode = ending.raw ? rawSession(server, ending, random) : session(server, ending, random, label);
        expect(closeCode, 1);
      } catch (AssertionError | Exception e) {
        disturbed.add(label + ": " + e);
      }
      if (sessions % WITNESS_EVERY == 0) {
        witnessTurns.release();
      }
      sessions++;
    }
    return sessions;
  }

  /** A session through a real client: valid frames, then the ending; returns the close code expected. */
  private int session(MockAssemblyAiServer server, Ending ending, Random random, String label)
      throws Exception {
    URI url = ending == Ending.BAD_QUERY
        ? URI.create(server.url() + "?" + FuzzFrames.badQuery(random))
        : server.url();
    TestClient client = TestClient.connect(url, KEY);
    try {
      if (ending != Ending.BAD_QUERY) {
        client.nextMessage("Begin");
        int body = 100 + random.nextInt(200);
        for (int i = 0; i < body; i++) {
          sendValid(client, random);
        }
      }
      sendEnding(client, ending, random);
      if (ending == Ending.CLIENT_CLOSE) {
        client.closeBlocking();
        return 1000;
      }
      List<TestClient.Event> events = client.untilClosed();
      check(label, ending, events);
      return ending.closeCode;
    } finally {
      client.close();
    }
  }

  private void sendValid(TestClient client, Random random) {
    int kind = random.nextInt(10);
    if (kind < 6) {
      client.send(ByteBuffer.wrap(FuzzFrames.audio(random, 50 + random.nextInt(kind == 0 ? 951 : 60))));
    } else if (kind < 8) {
      client.send(FuzzFrames.keepAliveOrForceEndpoint(random));
    } else {
      client.send(FuzzFrames.validUpdate(random));
    }
    framesSent.incrementAndGet();
  }

  private void sendEnding(TestClient client, Ending ending, Random random) {
    switch (ending) {
      case INVALID_JSON -> client.send(FuzzFrames.invalidJson(random));
      case WRONG_JSON_TYPE -> client.send(FuzzFrames.wrongTypes(random));
      case UNKNOWN_MESSAGE -> client.send(FuzzFrames.unknownMessage(random));
      case INVALID_UPDATE -> client.send(FuzzFrames.invalidUpdate(random));
      case EMPTY_TEXT -> client.send("");
      case EMPTY_BINARY -> client.send(ByteBuffer.allocate(0));
      case SHORT_AUDIO -> client.send(ByteBuffer.wrap(FuzzFrames.bytes(random, 1 + random.nextInt(1599))));
      case LONG_AUDIO -> client.send(ByteBuffer.wrap(FuzzFrames.bytes(random, 32_002 + 2 * random.nextInt(40_000))));
      case TEXT_AS_BINARY -> client.send(ByteBuffer.wrap(FuzzFrames.keepAliveOrForceEndpoint(random).getBytes(StandardCharsets.UTF_8)));
      case BINARY_AS_TEXT -> client.sendFrame(FuzzFrames.notUtf8Text(random));
      case OVERSIZED_TEXT -> client.send("{\"type\":\"KeepAlive\",\"pad\":\"" + "x".repeat(MockAssemblyAiServer.MAX_FRAME_BYTES) + "\"}");
      case OVERSIZED_BINARY -> client.send(ByteBuffer.allocate(MockAssemblyAiServer.MAX_FRAME_BYTES + 2));
      case AUDIO_AFTER_TERMINATE -> {
        client.send("{\"type\":\"Terminate\"}");
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
          try {
            client.send(ByteBuffer.wrap(FuzzFrames.audio(random, 50 + random.nextInt(200))));
            framesSent.incrementAndGet();
          } catch (WebsocketNotConnectedException closedAfterTermination) {
            break; // the server closed first, as it may
          }
        }
      }
      case TERMINATE -> client.send("{\"type\":\"Terminate\"}");
      case BAD_QUERY, CLIENT_CLOSE -> {
        return; // the ending is in the URL, or is the close itself
      }
      default -> throw new IllegalStateException("not a client ending: " + ending);
    }
    framesSent.incrementAndGet();
  }

  private void check(String label, Ending ending, List<TestClient.Event> events) {
    TestClient.Closed closed = TestClient.closeOf(events);
    List<JsonNode> errors = TestClient.messagesOf(events).stream()
        .filter(m -> m.path("type").asText().equals("Error")).toList();
    String seen = label + ": errors " + errors + ", closed " + closed;
    // A refused oversized frame is still arriving when the server closes: the unread bytes make
    // its TCP stack reset the connection, so the client may see 1006 instead of the 1009 sent.
    boolean resetAfterRefusal = ending.closeCode == 1009 && closed.code() == 1006;
    if (closed.code() != ending.closeCode && !resetAfterRefusal) {
      throw new AssertionError("expected close " + ending.closeCode + "; " + seen);
    }
    if (resetAfterRefusal) {
      return;
    }
    boolean errorFrame = ending.closeCode >= 3000;
    if (errorFrame != (errors.size() == 1)
        || (errorFrame && errors.get(0).path("error_code").asInt() != ending.closeCode)) {
      throw new AssertionError("expected " + (errorFrame ? "one Error " + ending.closeCode : "no Error") + "; " + seen);
    }
    if (ending.closeCode == 1000 && TestClient.messagesOf(events).stream()
        .noneMatch(m -> m.path("type").asText().equals("Termination"))) {
      throw new AssertionError("expected Termination before the close; " + seen);
    }
  }

  /** A header the payload never follows (or one claiming gigabytes), then the TCP connection dropped. */
  private int rawSession(MockAssemblyAiServer server, Ending ending, Random random) throws Exception {
    try (RawWebSocket socket = RawWebSocket.open(server.url(), "fuzz-key")) {
      boolean huge = ending == Ending.HUGE_FRAME_HEADER;
      long declared = huge
          ? MockAssemblyAiServer.MAX_FRAME_BYTES + 1L + (random.nextLong() & Integer.MAX_VALUE)
          : 2 + random.nextInt(32_000);
      int sent = (int) Math.min(declared - 1, random.nextInt(1_000));
      socket.writePartialFrame(random.nextBoolean() ? 0x1 : 0x2, declared, sent, random);
      framesSent.incrementAndGet();
      if (huge && !socket.awaitServerClose()) {
        throw new AssertionError("the server kept a connection open whose frame claimed " + declared + " bytes");
      }
      return huge ? 1009 : 1006;
    }
  }

  /** Sessions one after another that speak properly: each must get its transcript and a clean end. */
  private int witness(MockAssemblyAiServer server, AtomicBoolean fuzzing) throws Exception {
    int sessions = 0;
    do {
      if (!witnessTurns.tryAcquire(1, TimeUnit.SECONDS)) {
        continue;
      }
      TestClient client = TestClient.connect(server.url(), KEY);
      try {
        client.nextMessage("Begin");
        for (int i = 0; i < 30; i++) {
          client.sendAudio(100);
        }
        client.sendJson("{\"type\":\"Terminate\"}");
        List<TestClient.Event> events = client.untilClosed();
        List<JsonNode> messages = TestClient.messagesOf(events);
        boolean heard = messages.stream().anyMatch(m -> m.path("type").asText().equals("Turn")
            && m.path("end_of_turn").asBoolean() && m.path("transcript").asText().equals("Hello there."));
        boolean terminated = messages.get(messages.size() - 1).path("type").asText().equals("Termination");
        if (!heard || !terminated || TestClient.closeOf(events).code() != 1000) {
          disturbed.add("witness session " + sessions + ": " + events);
        }
      } finally {
        client.close();
      }
      sessions++;
    } while (fuzzing.get());
    return sessions;
  }

  private void expect(int closeCode, int sessions) {
    expectedCloses.computeIfAbsent(closeCode, c -> new AtomicLong()).addAndGet(sessions);
  }

  private Map<Integer, Long> expectedCloseCounts() {
    Map<Integer, Long> counts = new TreeMap<>();
    expectedCloses.forEach((code, n) -> counts.put(code, n.get()));
    return counts;
  }

  private static Map<Integer, Long> drainSessions(MockAssemblyAiServer server, int sessions) {
    Map<Integer, Long> codes = new TreeMap<>();
    for (int i = 0; i < sessions; i++) {
      try {
        // A session whose client vanished mid-frame ends when the server notices the socket is
        // gone; on a busy CI box that took over 5 s once, so wait as long as lost-connection
        // detection may take.
        codes.merge(server.takeSession(Duration.ofSeconds(60)).closeCode(), 1L, Long::sum);
      } catch (IllegalStateException e) {
        codes.merge(-1, (long) sessions - i, Long::sum); // never closed on the server
        break;
      }
    }
    return codes;
  }

  /** How a fuzz session ends, and the close code the protocol gives it. */
  enum Ending {
    INVALID_JSON(3006, 10),
    WRONG_JSON_TYPE(3006, 10),
    UNKNOWN_MESSAGE(3006, 8),
    INVALID_UPDATE(3006, 8),
    EMPTY_TEXT(3006, 4),
    BAD_QUERY(3006, 4),
    EMPTY_BINARY(3007, 4),
    SHORT_AUDIO(3007, 8),
    LONG_AUDIO(3007, 6),
    TEXT_AS_BINARY(3007, 6),
    BINARY_AS_TEXT(1007, 6),
    OVERSIZED_TEXT(1009, 1),
    OVERSIZED_BINARY(1009, 1),
    AUDIO_AFTER_TERMINATE(1000, 8),
    TERMINATE(1000, 6),
    CLIENT_CLOSE(1000, 4),
    MID_FRAME_CLOSE(1006, 6, true),
    HUGE_FRAME_HEADER(1009, 2, true);

    final int closeCode;
    final int weight;
    final boolean raw;

    Ending(int closeCode, int weight) {
      this(closeCode, weight, false);
    }

    Ending(int closeCode, int weight, boolean raw) {
      this.closeCode = closeCode;
      this.weight = weight;
      this.raw = raw;
    }

    static Ending pick(Random random) {
      int total = 0;
      for (Ending e : values()) {
        total += e.weight;
      }
      int r = random.nextInt(total);
      for (Ending e : values()) {
        r -= e.weight;
        if (r < 0) {
          return e;
        }
      }
      throw new IllegalStateException();
    }
  }
}
