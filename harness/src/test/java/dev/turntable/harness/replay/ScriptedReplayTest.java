package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.fixture.AgentJsonl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bundled conversation script, run without a recording, earns its expected labels. */
class ScriptedReplayTest {
  static Stream<Path> scripts() throws Exception {
    try (Stream<Path> dirs = Files.list(Path.of("..", "fixtures"))) {
      return dirs.map(d -> d.resolve(FixtureSynthesizer.SCRIPT_FILE)).filter(Files::exists).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void aScriptOnVirtualTimeMeetsItsExpectations(Path file) throws Exception {
    ConversationScript script = ConversationScript.load(file);

    ReplayResult result = ScriptedReplay.run(script, ReplayOptions.virtual());

    assertThat(result.verdict().failures()).as(AgentJsonl.format(result.timeline().events())).isEmpty();
    assertThat(ScriptedReplay.run(script, ReplayOptions.virtual()).timeline().events())
        .as("a second run")
        .isEqualTo(result.timeline().events());
  }
}
