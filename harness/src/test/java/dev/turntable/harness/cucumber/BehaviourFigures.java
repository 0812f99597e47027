package dev.turntable.harness.cucumber;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.TurnLabel;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures the conversation scenarios give, printed when a run ends and written to {@code
 * target/cucumber/figures.txt}: the echo guard's false accepts and false rejects over the labelled
 * lines of the {@code @echo} scenarios (with the guard on and off), and the silence each resumed
 * false interruption left in the captured speaker audio. Glue for this project's runners only.
 */
public final class BehaviourFigures {
  private record EchoLine(String scenario, String settings, LabelledLines.Line line) {}

  private record Pause(String scenario, double gapMs) {}

  private static final List<EchoLine> ECHO_LINES = new ArrayList<>();
  private static final List<Pause> PAUSES = new ArrayList<>();

  private final ScenarioSession session;

  public BehaviourFigures(ScenarioSession session) {
    this.session = session;
  }

  @After
  public void collect(Scenario scenario) throws Exception {
    if (!session.hasRun() || !session.scripted()) {
      return;
    }
    SessionResult result = session.result();
    synchronized (BehaviourFigures.class) {
      if (scenario.getSourceTagNames().contains("@echo")) {
        for (LabelledLines.Line line : LabelledLines.of(result, session.effectiveScript().user())) {
          String settings = "echo guard " + (session.echoGuardOn() ? "on" : "off")
              + ", resume " + (session.resumeOn() ? "on" : "off");
          ECHO_LINES.add(new EchoLine(scenario.getName(), settings, line));
        }
      }
      for (AgentEventLine resumed : result.timeline().entries(AgentEvent.ReplyResumed.class)) {
        ReplyAudio.gapAround(result, resumed.tMs())
            .ifPresent(gap -> PAUSES.add(new Pause(scenario.getName(), gap.millis())));
      }
    }
  }

  @AfterAll
  public static synchronized void report() throws IOException {
    if (ECHO_LINES.isEmpty() && PAUSES.isEmpty()) {
      return;
    }
    StringBuilder out = new StringBuilder("Conversation behaviour figures\n");
    for (String settings : ECHO_LINES.stream().map(EchoLine::settings).distinct().toList()) {
      List<LabelledLines.Line> lines =
          ECHO_LINES.stream().filter(e -> e.settings().equals(settings)).map(EchoLine::line).toList();
      long echoes = lines.stream().filter(l -> l.expect() == TurnLabel.Expect.IGNORE).count();
      long interruptions = lines.stream().filter(l -> l.expect() == TurnLabel.Expect.INTERRUPT).count();
      out.append(String.format(Locale.ROOT,
          "%s: false accepts %d of %d echo lines, false rejects %d of %d real interruptions;"
              + " %d echo line(s) paused the reply, which then resumed%n",
          settings, lines.stream().filter(LabelledLines.Line::falseInterruption).count(), echoes,
          lines.stream().filter(LabelledLines.Line::missedInterruption).count(), interruptions,
          lines.stream().filter(l -> l.paused() && !l.takenAsSpeech()).count()));
    }
    for (EchoLine e : ECHO_LINES) {
      out.append("  ").append(e.settings()).append(": ").append(e.line().describe())
          .append("  [").append(e.scenario()).append("]\n");
    }
    for (Pause p : PAUSES) {
      out.append(String.format(Locale.ROOT, "false interruption: the speaker was silent %.0f ms  [%s]%n", p.gapMs(), p.scenario()));
    }
    System.out.print(out);
    Path file = Path.of("target", "cucumber", "figures.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out);
  }
}
