package dev.turntable.harness.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PulseAudio's event stream ({@code pactl subscribe}), read as it happens. It tells when a program
 * opened a recording stream, which is when the agent's audio stream starts: the server buffers a
 * record stream from its creation, so the agent's first read returns audio from that instant on.
 */
final class PulseEvents implements AutoCloseable {
  private static final Pattern EVENT = Pattern.compile("Event '(new|remove)' on source-output #(\\d+)");

  private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

  private final RunningProcess subscribe;

  private PulseEvents(RunningProcess subscribe) {
    this.subscribe = subscribe;
  }

  /** Subscribes, and returns once the subscription is known to deliver events. */
  static PulseEvents start(Path dir) throws IOException, InterruptedException {
    PulseEvents events =
        new PulseEvents(RunningProcess.start("pactl-subscribe", List.of("pactl", "subscribe"), Map.of(), dir));
    try {
      events.awaitLive(dir);
      return events;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      events.close();
      throw e;
    }
  }

  /**
   * Every client that connects is announced, so another pactl connecting proves the subscription is
   * live. pactl subscribe needs a moment to subscribe, and a connection before that goes unseen: try
   * again until one is seen.
   */
  private void awaitLive(Path dir) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + SUBSCRIBE_TIMEOUT.toNanos();
    while (true) {
      try (RunningProcess info = RunningProcess.start("pactl-info", List.of("pactl", "info"), Map.of(), dir)) {
        info.awaitExit(Duration.ofSeconds(5), "pactl info");
      }
      try {
        subscribe.awaitLine(line -> line.startsWith("Event 'new' on client"), 0, Duration.ofMillis(500),
            "pactl subscribe to report a client connecting");
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
    }
  }

  /**
   * When the newest recording stream still open at {@code beforeNanos} was created, on
   * {@link System#nanoTime()}; fails if none was.
   */
  long recordStreamOpenedBefore(long beforeNanos) {
    List<String> lines = subscribe.lines();
    Set<String> removed = new HashSet<>();
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher event = EVENT.matcher(lines.get(i));
      if (subscribe.lineNanos(i) > beforeNanos || !event.find()) {
        continue;
      }
      if (event.group(1).equals("remove")) {
        removed.add(event.group(2));
      } else if (!removed.contains(event.group(2))) {
        return subscribe.lineNanos(i);
      }
    }
    throw new AssertionError("PulseAudio reported no recording stream opened before the agent said it was"
        + " listening; events seen:\n" + String.join("\n", lines));
  }

  @Override
  public void close() {
    subscribe.close();
  }
}
