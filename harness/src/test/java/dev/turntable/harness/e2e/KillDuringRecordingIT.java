package dev.turntable.harness.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.SharedResources;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.fixture.SttFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code kill -9} while recording: {@code turntable agent --record} runs against {@code turntable
 * serve}, both as separate processes with no audio device (a WAV as microphone, no speaker), and is
 * SIGKILLed while it speaks its reply. What it wrote is a readable fixture holding everything up
 * to the last flush (at most a second old), and no fake key reached the fixture, either process's
 * output, or the HTML report of replaying it.
 */
@ResourceLock(SharedResources.CORE_1)
class KillDuringRecordingIT {
  private static final Path JAR = Path.of("target", "turntable.jar");
  private static final String REPLY = "Tomorrow looks lovely. The morning starts bright and sunny"
      + " with a gentle breeze from the west, and the afternoon stays warm and dry until the evening,"
      + " when a few soft clouds drift in over the hills near the coast and the wind turns north.";
  private static final Map<String, String> FAKE_KEYS = Map.of(
      "ASSEMBLYAI_API_KEY", "aai-fake-kill9-7d6c5b4a3f",
      "OPENAI_API_KEY", "sk-fake-kill9-openai-0a1b2c3d",
      "ELEVENLABS_API_KEY", "xi-fake-kill9-elevenlabs-9e8f");
  // Not a secret: the voice is part of the TTS request's path, which a fixture's mapping must match.
  private static final String VOICE_ID = "voice-fake-kill9";
  private static final Duration FLUSHED_WITHIN = Duration.ofSeconds(10);

  @TempDir Path work;
  private final List<RunningProcess> running = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    running.forEach(RunningProcess::close);
  }

  @Test
  void aRecordingKilledMidReplyIsReadableUpToItsLastFlush() throws Exception {
    assertThat(JAR).as("the product jar; build it with mvn package").isRegularFile();
    Path mic = work.resolve("question.wav");
    Pcm.writeWav(mic, murmur(4_000));
    Path script = work.resolve("script.json");
    Files.writeString(script, "{\"utterances\": [{\"text\": \"What's the weather like tomorrow?\","
        + " \"start_ms\": 500, \"end_ms\": 2200}]}");
    Map<String, String> env = serve(script);
    Path fixtureDir = work.resolve("fixture");

    RunningProcess agent = start("agent", env, "agent", "--record", fixtureDir.toString(),
        "--input-wav", mic.toString(), "--no-speaker", "-v");
    int listening = agent.awaitLine(l -> l.startsWith("[listening]"), 0, Duration.ofSeconds(30),
        "the agent's \"[listening]\" line");
    agent.awaitLine(l -> l.startsWith("agent: "), listening + 1, Duration.ofSeconds(30),
        "the agent to start speaking its reply");
    long flushedAudioMs = awaitFlushed(fixtureDir.resolve("agent.jsonl"), "TtsFirstAudio");
    long sttAudioMsBeforeKill = lastAudioMs(fixtureDir.resolve("stt.jsonl"));
    assertThat(agent.kill()).as("exit code after SIGKILL").isEqualTo(137);

    Fixture fixture = FixtureReader.read(fixtureDir);
    assertThat(fixture.agentEvents()).extracting(AgentEventLine::event)
        .anyMatch(AgentEvent.UserTurnEnded.class::isInstance)
        .anyMatch(AgentEvent.TtsFirstAudio.class::isInstance)
        .noneMatch(AgentEvent.PlaybackDrained.class::isInstance); // killed before the reply ended
    assertThat(fixture.sttFrames().get(fixture.sttFrames().size() - 1).audioMs())
        .isGreaterThanOrEqualTo(Math.max(flushedAudioMs, sttAudioMsBeforeKill));
    assertThat(fixture.micPcmBytes() / 32).as("ms of mic audio in mic.wav")
        .isGreaterThanOrEqualTo(sttAudioMsBeforeKill);

    Path report = work.resolve("report");
    RunningProcess replay = start("replay", Map.of(), "replay", fixtureDir.toString(), "--report", report.toString());
    assertThat(replay.awaitExit(Duration.ofSeconds(120), "the replay of the killed recording"))
        .as("replay exit code (0 pass, 1 a check failed, never 2: the fixture is readable); %s", replay.describe())
        .isIn(0, 1);
    assertThat(report.resolve("index.html")).isRegularFile();
    assertNoFakeKeyIn(fixtureDir, report, work); // work holds every process's stdout and stderr
    assertNoFakeKeyInLines(agent.lines());
    running.forEach(p -> assertNoFakeKeyInLines(p.lines()));
  }

  /** Starts serve with the script and the fake AssemblyAI key; returns the agent's environment. */
  private Map<String, String> serve(Path script) throws Exception {
    RunningProcess serve = start("serve", Map.of(), "serve", "--script", script.toString(), "--reply", REPLY,
        "--api-key", FAKE_KEYS.get("ASSEMBLYAI_API_KEY"));
    int ready = serve.awaitLine("ready"::equals, 0, Duration.ofSeconds(60), "serve's \"ready\" line");
    Map<String, String> env = new LinkedHashMap<>(FAKE_KEYS);
    env.put("ELEVENLABS_VOICE_ID", VOICE_ID);
    for (String line : serve.lines().subList(0, ready)) {
      env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    return env;
  }

  private RunningProcess start(String name, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toRealPath().toString()));
    command.addAll(List.of(args));
    RunningProcess process = RunningProcess.start(name, command, env, work);
    running.add(process);
    return process;
  }

  /**
   * Polls a fixture file until a line with {@code type} has been flushed to disk; returns that
   * line's audio_ms. The flusher writes every second, so this bounds how old the fixture can be.
   */
  private static long awaitFlushed(Path jsonl, String type) throws Exception {
    long deadline = System.nanoTime() + FLUSHED_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(jsonl)) {
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
          if (line.contains("\"type\":\"" + type + "\"")) {
            return Long.parseLong(line.replaceAll(".*\"audio_ms\":(\\d+).*", "$1"));
          }
        }
      }
      Thread.sleep(50); // polling a file another process writes; no assertion on this time
    }
    throw new AssertionError("timed out after " + FLUSHED_WITHIN + " waiting for " + type + " in " + jsonl);
  }

  private static long lastAudioMs(Path jsonl) throws IOException {
    List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    return lines.isEmpty() ? 0 : Long.parseLong(lines.get(lines.size() - 1).replaceAll(".*\"audio_ms\":(\\d+).*", "$1"));
  }

  private static void assertNoFakeKeyIn(Path... dirs) throws IOException {
    for (Path dir : dirs) {
      List<Path> files;
      try (Stream<Path> all = Files.walk(dir)) {
        files = all.filter(Files::isRegularFile).toList();
      }
      for (Path file : files) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        FAKE_KEYS.forEach((name, key) -> assertThat(text).as("%s in %s", name, file).doesNotContain(key));
      }
    }
  }

  private static void assertNoFakeKeyInLines(List<String> lines) {
    String text = String.join("\n", lines);
    FAKE_KEYS.forEach((name, key) -> assertThat(text).as("%s in a process's stdout", name).doesNotContain(key));
  }

  /** A quiet, non-silent signal: the scripted mock transcribes by audio position, not content. */
  private static short[] murmur(int millis) {
    short[] samples = new short[Pcm.samplesFor(millis)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (800 * Math.sin(2 * Math.PI * 220 * i / 16_000.0));
    }
    return samples;
  }
}
