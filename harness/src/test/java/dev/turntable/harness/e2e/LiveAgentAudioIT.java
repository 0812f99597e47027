package dev.turntable.harness.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.SharedResources;
import dev.turntable.harness.e2e.MonitorRecording.Recording;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The product as a user runs it, on the virtual microphone and speaker: {@code turntable serve}
 * (mock STT with a script, LLM/TTS stubs) and {@code turntable agent --record} in two processes,
 * the agent configured only by what serve printed and using the default devices. espeak-ng asks a
 * question, says "Mhm." while the agent gives its long answer, then "Wait, stop.". Everything is
 * judged from the audio: what reached the agent's STT, what came out of its speaker and when.
 *
 * <p>The recordings, the played track, the script and the agent's fixture stay in
 * {@code target/e2e/live-agent-audio/} for a look after a failure.
 */
@Order(6)
@ResourceLock(SharedResources.AUDIO_DEVICES)
@ResourceLock(value = SharedResources.CORE_1, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedResources.CORE_2, mode = ResourceAccessMode.READ)
class LiveAgentAudioIT {
  private static final Path JAR = Path.of("target", "turntable.jar");
  private static final Path WORK = Path.of("target", "e2e", "live-agent-audio");
  private static final int LINE_BUFFER_MS = 100;
  /**
   * Where the user's track starts in the agent's audio stream, which the mock's script must know
   * before the agent runs. The stream starts when the agent opens its microphone (PulseAudio
   * buffers a record stream from its creation), which {@link PulseEvents} sees happen; once the
   * agent says it listens, the track is played with the silence before it that puts its start
   * here. The real offset is then measured from mic.wav and printed.
   */
  private static final long STREAM_OFFSET_MS = 1_000;
  /** From starting paplay until its first sample reaches the microphone (measured: tens of ms). */
  private static final long PAPLAY_START_MS = 30;

  private static final UserTrack.Line QUESTION = new UserTrack.Line("What is the weather like tomorrow?", 300);
  // The agent starts answering about 1.1 s after the question ends, ~3 s into the track; its long
  // sentence runs from about 4.6 s to 14.6 s. Both lines fall well inside it.
  private static final UserTrack.Line BACKCHANNEL = new UserTrack.Line("Mhm.", 6_500);
  private static final UserTrack.Line INTERRUPTION = new UserTrack.Line("Wait, stop.", 9_500);
  /**
   * A short first sentence (quick first audio), then one of about ten seconds with no comma, so
   * the chunker sends it as one TTS segment and no sentence gap falls near the backchannel.
   */
  private static final String LONG_REPLY = "Tomorrow looks lovely. The morning starts bright and sunny"
      + " with a gentle breeze from the west and the afternoon stays warm and dry until the evening"
      + " when a few soft clouds drift in over the hills near the coast.";
  private static final String SHORT_REPLY = "Okay, I will stop.";
  private static final Map<String, String> PLACEHOLDER_KEYS = Map.of(
      "ASSEMBLYAI_API_KEY", "placeholder-assemblyai-key",
      "OPENAI_API_KEY", "placeholder-openai-key",
      "ELEVENLABS_API_KEY", "placeholder-elevenlabs-key",
      "ELEVENLABS_VOICE_ID", "placeholder-voice");

  private final List<AutoCloseable> running = new ArrayList<>();

  /** Ends every process this test started, newest first, even when one of them fails to end. */
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

  private <T extends AutoCloseable> T track(T process) {
    running.add(process);
    return process;
  }

  @Test
  void answersIgnoresABackchannelAndFallsSilentWhenInterrupted() throws Exception {
    VirtualAudio.require();
    assertThat(JAR).as("the product jar; build it with mvn package").isRegularFile();
    FileUtils.deleteDirectory(WORK.toFile());
    Files.createDirectories(WORK);
    UserTrack user = UserTrack.compose(List.of(QUESTION, BACKCHANNEL, INTERRUPTION), 500);
    user.writeScript(WORK.resolve("script.json"), STREAM_OFFSET_MS);

    LiveSession session = run(user, serve(WORK.resolve("script.json")));
    new LiveSessionVerdicts(session).check();
  }

  private Map<String, String> serve(Path script) throws Exception {
    RunningProcess serve = track(RunningProcess.start("serve",
        turntable("serve", "--script", script.toAbsolutePath().toString(),
            "--reply", LONG_REPLY, "--reply", SHORT_REPLY),
        Map.of(), WORK));
    int ready = serve.awaitLine("ready"::equals, 0, Duration.ofSeconds(30), "serve's \"ready\" line");
    Map<String, String> env = new LinkedHashMap<>(PLACEHOLDER_KEYS);
    for (String line : serve.lines().subList(0, ready)) {
      assertThat(line).as("serve printed this before \"ready\"").contains("=");
      env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    assertThat(env).containsKeys("ASSEMBLYAI_STREAMING_URL", "OPENAI_BASE_URL", "ELEVENLABS_BASE_URL");
    return env;
  }

  private LiveSession run(UserTrack user, Map<String, String> env) throws Exception {
    // Both monitors record before the agent starts, so they hold all it plays and all it hears.
    MonitorRecording mic = track(MonitorRecording.start("vmic.monitor"));
    MonitorRecording speaker = track(MonitorRecording.start("vspeaker.monitor"));
    mic.awaitMore(Duration.ofMillis(20), Duration.ofSeconds(5));
    speaker.awaitMore(Duration.ofMillis(20), Duration.ofSeconds(5));
    PulseEvents pulse = track(PulseEvents.start(WORK));
    Path fixtureDir = WORK.resolve("fixture").toAbsolutePath();
    RunningProcess agent = track(RunningProcess.start("agent",
        // No echo path here, and mic.wav is compared with what was played into the mic: echo
        // cancellation (on by default) would filter it. EchoCancellationAudioIT covers it.
        turntable("agent", "--aec", "off", "--record", fixtureDir.toString(), "-v",
            "--buffer-ms", Integer.toString(LINE_BUFFER_MS)),
        env, WORK));
    int listening = agent.awaitLine(line -> line.startsWith("[listening]"), 0, Duration.ofSeconds(30),
        "the agent's \"[listening]\" line");
    speak(user, pulse.recordStreamOpenedBefore(agent.lineNanos(listening)));
    int answered = agent.awaitLine(("agent: " + SHORT_REPLY)::equals, listening + 1, Duration.ofSeconds(20),
        "the agent to answer the interruption with \"" + SHORT_REPLY + "\"");
    agent.awaitLine("[listening]"::equals, answered + 1, Duration.ofSeconds(20),
        "the agent to finish speaking \"" + SHORT_REPLY + "\"");
    speaker.awaitMore(Duration.ofMillis(300), Duration.ofSeconds(5)); // the last audio reaches the recording
    Recording micRecording = mic.stop();
    Recording speakerRecording = speaker.stop();
    agent.stop(); // SIGTERM, as Ctrl-C: the agent closes its recording
    Pcm.writeWav(WORK.resolve("mic-recording.wav"), micRecording.samples());
    Pcm.writeWav(WORK.resolve("speaker-recording.wav"), speakerRecording.samples());
    Fixture fixture = FixtureReader.read(fixtureDir);
    return new LiveSession(user, STREAM_OFFSET_MS, LINE_BUFFER_MS, micRecording, speakerRecording, fixture);
  }

  /** Plays the user's track into the microphone so that it starts STREAM_OFFSET_MS into the agent's stream. */
  private void speak(UserTrack user, long streamStartNanos) throws Exception {
    long streamMs = (System.nanoTime() - streamStartNanos) / 1_000_000;
    long leadMs = STREAM_OFFSET_MS - streamMs - PAPLAY_START_MS;
    assertThat(leadMs).as("the agent took %d ms from opening its microphone to listening; the script puts the"
        + " user's track at %d ms of its stream, so raise STREAM_OFFSET_MS", streamMs, STREAM_OFFSET_MS)
        .isNotNegative();
    short[] track = user.samples();
    short[] played = new short[Pcm.samplesFor(leadMs) + track.length];
    System.arraycopy(track, 0, played, played.length - track.length, track.length);
    Path wav = WORK.resolve("played.wav").toAbsolutePath();
    Pcm.writeWav(wav, played);
    RunningProcess paplay = track(RunningProcess.start("paplay", List.of("paplay", "-d", "vmic", wav.toString()),
        Map.of(), WORK));
    long playMs = Math.round(Pcm.millis(played.length));
    assertThat(paplay.awaitExit(Duration.ofMillis(playMs + 10_000), "paplay to play the user's track"))
        .as("paplay's exit code; %s", paplay.describe()).isZero();
  }

  private static List<String> turntable(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toRealPath().toString()));
    command.addAll(List.of(arguments));
    return command;
  }
}
