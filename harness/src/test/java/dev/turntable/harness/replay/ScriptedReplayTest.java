package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.fixture.AgentEventLine;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first bundled conversation scripts, run without a recording, earn their expected labels. (The
 * corpus's later scripts were timed against espeak-ng's durations when they were recorded; their
 * recordings, not their scripts, are what replays judge.)
 */
class ScriptedReplayTest {
  static Stream<Path> scripts() {
    return Stream.of("question-answer", "backchannel-while-speaking", "barge-in-wait-stop")
        .map(name -> Path.of("..", "fixtures", name, FixtureSynthesizer.SCRIPT_FILE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void aScriptOnVirtualTimeMeetsItsExpectations(Path file) throws Exception {
    ConversationScript script = ConversationScript.load(file);

    ReplayResult result = ScriptedReplay.run(script, ReplayOptions.virtual());

    assertThat(result.verdict().failures()).as(AgentEventLine.jsonl(result.timeline().events())).isEmpty();
    assertThat(ScriptedReplay.run(script, ReplayOptions.virtual()).timeline().events())
        .as("a second run")
        .isEqualTo(result.timeline().events());
  }
}
