package dev.turntable.harness.mockstt;

import dev.turntable.agent.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What every session of one server shares: its settings, its timer thread and its sinks. */
record SessionContext(
    AuthMode auth,
    Supplier<? extends SessionDriver> drivers,
    List<Fault.AtAudio> audioFaults,
    List<Fault.OnOutgoing> outgoingFaults,
    boolean strictPacing,
    Duration strictTolerance,
    Duration maxSessionDuration,
    Clock clock,
    java.time.Clock wallClock,
    ScheduledExecutorService timer,
    Consumer<Release> releases) {

  SessionContext {
    // Stable sort: faults at the same audio position fire in the order they were configured.
    audioFaults = audioFaults.stream().sorted(Comparator.comparingLong(Fault.AtAudio::audioMs))
        .toList();
    outgoingFaults = List.copyOf(outgoingFaults);
  }

  static SessionContext of(
      MockAssemblyAiServer.Builder settings, ScheduledExecutorService timer,
      Consumer<Release> releases) {
    List<Fault.AtAudio> atAudio = settings.faults().stream()
        .filter(Fault.AtAudio.class::isInstance).map(Fault.AtAudio.class::cast).toList();
    List<Fault.OnOutgoing> outgoing = settings.faults().stream()
        .filter(Fault.OnOutgoing.class::isInstance).map(Fault.OnOutgoing.class::cast).toList();
    return new SessionContext(
        settings.authMode(), settings.driverFactory(), atAudio, outgoing,
        settings.strictPacing(), settings.strictTolerance(), settings.maxSessionDuration(),
        settings.clock(), settings.wallClock(), timer, releases);
  }
}
