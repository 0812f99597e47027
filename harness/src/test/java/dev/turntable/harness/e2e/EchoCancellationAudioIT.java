package dev.turntable.harness.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.SharedResources;
import dev.turntable.harness.e2e.MonitorRecording.Recording;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.mockstt.AuthMode;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.replay.MockServices;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Full duplex on open speakers, on the virtual devices with the echo path on (the speaker reaches
 * the microphone 60 ms later at about -18 dB). {@code turntable agent} runs as its own process on
 * the default devices; the mock STT ({@link HearingDriver}) transcribes what it hears, so the
 * agent's echo, if it reaches STT, becomes a turn that interrupts the agent. The user asks two
 * questions, each answered at length, and says "Wait, stop." over the second answer.
 *
 * <ul>
 *   <li>With echo cancellation: no speech but the user's reaches STT, the first and last replies
 *       play to the end, and "Wait, stop." silences the agent within the usual time.
 *   <li>Without it (the control): the agent's own voice reaches STT and interrupts it.
 * </ul>
 *
 * Each run prints its figures (ERLE, the user's level change, echo level at STT, self-
 * interruptions); the recordings and fixtures stay in {@code target/e2e/echo-cancellation/}.
 */
@Order(1)
@ResourceLock(SharedResources.AUDIO_DEVICES)
@ResourceLock(value = SharedResources.CORE_1, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedResources.CORE_2, mode = ResourceAccessMode.READ)
class EchoCancellationAudioIT {
  private static final Path JAR = Path.of("target", "turntable.jar");
  private static final Path WORK = Path.of("target", "e2e", "echo-cancellation");
  private static final int LINE_BUFFER_MS = 100;
  /** The speaker must be silent within the line buffer plus this of the interruption's arrival. */
  private static final int STOP_MARGIN_MS = LiveSessionVerdicts.STOP_MARGIN_MS;
  /** "Wait, stop." starts this long after the second answer's first audio (8 s of speech). */
  private static final long INTERRUPT_AFTER_MS = 2_000;

  private static final String QUESTION = "Tell me about the weather tomorrow, please.";
  private static final String SECOND_QUESTION = "And what about the weekend?";
  private static final String INTERRUPTION = "Wait, stop.";
  private static final String FIRST_REPLY = "Tomorrow starts bright and sunny with a gentle breeze from the"
      + " west, and the afternoon stays warm and dry.";
  private static final String SECOND_REPLY = "The weekend looks mixed. Saturday brings clouds in the morning"
      + " and rain in the afternoon, and Sunday clears up slowly from the north with cooler air.";
  private static final String LAST_REPLY = "Okay, I will stop.";
  private static final Map<String, String> PLACEHOLDER_KEYS = Map.of(
      "ASSEMBLYAI_API_KEY", "placeholder-assemblyai-key",
      "OPENAI_API_KEY", "placeholder-openai-key",
      "ELEVENLABS_API_KEY", "placeholder-elevenlabs-key",
      "ELEVENLABS_VOICE_ID", "placeholder-voice");

  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stopEverything() throws Exception {
    Collections.reverse(running);
    Exception first = null;
    for (AutoCloseable process : running) {
      try {
        process.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    running.clear();
    if (first != null) {
      throw first;
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    running.add(resource);
    return resource;
  }

  @Test
  void withEchoCancellationTheAgentNeverInterruptsItselfAndStillStopsForTheUser() throws Exception {
    EchoRun run = run("on", EchoCancellationAudioIT::fullConversation);
    EchoRunVerdicts verdicts = new EchoRunVerdicts(run);
    verdicts.print();
    assertThat(run.fixture().manifest().agent().echoCancellation()).as("fixture.json agent.echoCancellation").isTrue();
    assertThat(verdicts.unscriptedHeard()).as("speech STT heard that the user never said (the agent's echo)").isEmpty();
    assertThat(verdicts.selfInterruptions()).as("interruptions by the agent's own voice").isZero();
    verdicts.repliesPlayedToTheEndExceptTheInterruptedOne(2);
    verdicts.interruptionSilencedTheSpeakerWithin(LINE_BUFFER_MS + STOP_MARGIN_MS);
  }

  @Test
  void withoutEchoCancellationTheAgentHearsAndInterruptsItself() throws Exception {
    EchoRun run = run("off", EchoCancellationAudioIT::questionOnly);
    EchoRunVerdicts verdicts = new EchoRunVerdicts(run);
    verdicts.print();
    assertThat(run.fixture().micRawWav()).as("no raw mic without echo cancellation").isEmpty();
    assertThat(verdicts.unscriptedHeard()).as("speech STT heard that the user never said (the agent's echo)").isNotEmpty();
    assertThat(verdicts.selfInterruptions()).as("interruptions by the agent's own voice").isPositive();
  }

  /** What the user does in a run, given the agent's process and a way to speak a line. */
  @FunctionalInterface
  private interface Conversation {
    void talk(RunningProcess agent, Speaker user, int listening) throws Exception;
  }

  @FunctionalInterface
  private interface Speaker {
    void say(String text) throws Exception;
  }

  /**
   * Two questions, each answered at length; "Wait, stop." in the third second of the second answer.
   * Each line waits for the agent, so a slow answer (a busy machine) cannot make the user talk over
   * it by accident.
   */
  private static void fullConversation(RunningProcess agent, Speaker user, int listening) throws Exception {
    user.say(QUESTION);
    int answering = agent.awaitLine(line -> line.startsWith("agent: Tomorrow"), listening, Duration.ofSeconds(20),
        "the agent to answer the first question");
    int done = agent.awaitLine("[listening]"::equals, answering + 1, Duration.ofSeconds(20),
        "the agent to finish its first answer");
    Thread.sleep(500);
    user.say(SECOND_QUESTION);
    agent.awaitLine(line -> line.startsWith("agent: The weekend"), done + 1, Duration.ofSeconds(20),
        "the agent to answer the second question");
    Thread.sleep(INTERRUPT_AFTER_MS);
    user.say(INTERRUPTION);
  }

  /** The control: one question, then listen until the agent interrupts itself (or 20 s pass). */
  private static void questionOnly(RunningProcess agent, Speaker user, int listening) throws Exception {
    user.say(QUESTION);
    try {
      agent.awaitLine(line -> line.contains("interrupted by \"" + HearingDriver.UNSCRIPTED), listening,
          Duration.ofSeconds(20), "the agent to interrupt itself");
    } catch (AssertionError notSeen) {
      // The verdicts say what happened instead; the control must not pass on a timeout.
    }
  }

  private EchoRun run(String aec, Conversation conversation) throws Exception {
    VirtualAudio.require();
    assertThat(JAR).as("the product jar; build it with mvn package").isRegularFile();
    Path work = WORK.resolve("aec-" + aec);
    FileUtils.deleteDirectory(work.toFile());
    Files.createDirectories(work);
    SpeechAudio speech = SpeechAudio.create(SpeechEngine.ESPEAK);
    AtomicReference<HearingDriver> driver = new AtomicReference<>();
    MockServices mocks = track(MockServices.start(
        MockAssemblyAiServer.builder().authMode(AuthMode.acceptAny()).driver(() -> {
          HearingDriver made = new HearingDriver();
          driver.set(made);
          return made;
        }),
        StubOptions.defaults()));
    mocks.stubs().openAi().replies(List.of(StubReply.text(FIRST_REPLY), StubReply.text(SECOND_REPLY),
        StubReply.text(LAST_REPLY)));
    Map<String, String> env = new LinkedHashMap<>(PLACEHOLDER_KEYS);
    env.putAll(mocks.urls());

    track(EchoPath.on());
    MonitorRecording speaker = track(MonitorRecording.start("vspeaker.monitor"));
    speaker.awaitMore(Duration.ofMillis(20), Duration.ofSeconds(5));
    Path fixtureDir = work.resolve("fixture").toAbsolutePath();
    RunningProcess agent = track(RunningProcess.start("agent",
        turntable("agent", "--aec", aec, "--record", fixtureDir.toString(), "-v",
            "--buffer-ms", Integer.toString(LINE_BUFFER_MS)),
        env, work));
    int listening = agent.awaitLine(line -> line.startsWith("[listening]"), 0, Duration.ofSeconds(30),
        "the agent's \"[listening]\" line");
    HearingDriver stt = awaitSession(driver);
    conversation.talk(agent, text -> say(speech, stt, text, work), listening);
    awaitQuiet(agent);
    speaker.awaitMore(Duration.ofMillis(300), Duration.ofSeconds(5));
    Recording speakerRecording = speaker.stop();
    agent.stop();
    Pcm.writeWav(work.resolve("speaker-recording.wav"), speakerRecording.samples());
    Fixture fixture = FixtureReader.read(fixtureDir);
    return new EchoRun(aec, stt.lines(), stt.heard(), fixture, speakerRecording, agent.lines());
  }

  /** The agent says it listens once its microphone runs; its STT session may open a moment later. */
  private static HearingDriver awaitSession(AtomicReference<HearingDriver> driver) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (driver.get() == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the agent opened no STT session within 10 s of listening");
      }
      Thread.sleep(20);
    }
    return driver.get();
  }

  /** Plays one line into the microphone, telling the mock STT it has begun. */
  private void say(SpeechAudio speech, HearingDriver stt, String text, Path work) throws Exception {
    short[] voice = Pcm.trimSilence(Pcm.samples(speech.pcm(text, 16_000)));
    Path wav = work.resolve("user-" + text.replaceAll("[^A-Za-z]+", "-") + ".wav").toAbsolutePath();
    Pcm.writeWav(wav, voice);
    stt.expect(text, Math.round(Pcm.millis(voice.length)));
    RunningProcess paplay = track(RunningProcess.start("paplay", List.of("paplay", "-d", "vmic", wav.toString()),
        Map.of(), work));
    assertThat(paplay.awaitExit(Duration.ofMillis(Math.round(Pcm.millis(voice.length)) + 10_000),
        "paplay to play \"" + text + "\"")).as("paplay's exit code; %s", paplay.describe()).isZero();
  }

  /**
   * Waits until the agent has printed nothing for a while and is listening: the conversation is
   * over. An agent that keeps answering itself never settles; then the wait ends after 25 s.
   */
  private static void awaitQuiet(RunningProcess agent) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
    int seen = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      List<String> printed = agent.lines();
      if (printed.size() != seen) {
        seen = printed.size();
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > Duration.ofMillis(2_500).toNanos()
          && !printed.isEmpty() && printed.get(printed.size() - 1).equals("[listening]")) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private static List<String> turntable(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toRealPath().toString()));
    command.addAll(List.of(arguments));
    return command;
  }
}
