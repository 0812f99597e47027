package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptLoaderTest {

  @Test
  void readsEveryDocumentedField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("booking.json");
    Files.writeString(file, """
        {
          "description": "A caller books a table",
          "utterances": [
            {"text": "Hello there.", "start_ms": 500, "end_ms": 1400},
            {"text": "I'd like to book a table", "start_ms": 2500, "end_ms": 4200}
          ],
          "min_turn_silence": 160,
          "max_turn_silence": 2400,
          "speech_started_delay_ms": 50,
          "early_partial_after_ms": 0,
          "word_confidence": 0.9,
          "language_code": "es"
        }
        """);

    Script script = Script.load(file);

    assertThat(script.utterances()).containsExactly(
        new Utterance("Hello there.", 500, 1400),
        new Utterance("I'd like to book a table", 2500, 4200));
    assertThat(script.minTurnSilenceMs()).contains(160);
    assertThat(script.maxTurnSilenceMs()).contains(2400);
    assertThat(script.speechStartedDelayMs()).isEqualTo(50);
    assertThat(script.earlyPartialAfterMs()).isZero();
    assertThat(script.wordConfidence()).isEqualTo(0.9);
    assertThat(script.languageCode()).isEqualTo("es");
  }

  @Test
  void theExampleInTheFormatDocumentLoads() throws Exception {
    String doc = Files.readString(Path.of("docs/mock-stt-script.md"));
    int start = doc.indexOf("```json\n") + "```json\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));

    Script script = ScriptLoader.parse("docs/mock-stt-script.md", example);

    assertThat(script.utterances()).hasSize(2);
    assertThat(script.minTurnSilenceMs()).contains(160);
  }

  @Test
  void defaultsApplyWhenOnlyUtterancesAreGiven() {
    Script script = ScriptLoader.parse("s.json",
        "{\"utterances\":[{\"text\":\"Hi.\",\"start_ms\":0,\"end_ms\":300}]}");

    assertThat(script.minTurnSilenceMs()).isEmpty();
    assertThat(script.speechStartedDelayMs()).isEqualTo(Script.DEFAULT_SPEECH_STARTED_DELAY_MS);
    assertThat(script.earlyPartialAfterMs()).isEqualTo(750);
  }

  @Test
  void namesTheFileAndTheFieldOfEveryProblem() {
    assertThatThrownBy(() -> ScriptLoader.parse("s.json", "{\"utterances\": [\n  {,}]}"))
        .hasMessageStartingWith("s.json: line 2, column").hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> ScriptLoader.parse("s.json",
        "{\"utterances\":[{\"text\":\"Hi\",\"start\":0,\"end_ms\":300}]}"))
        .hasMessageStartingWith("s.json: unknown field \"start\" in utterances[0]");
    assertThatThrownBy(() -> ScriptLoader.parse("s.json",
        "{\"utterances\":[{\"text\":\"Hi\",\"start_ms\":500,\"end_ms\":300}]}"))
        .hasMessageStartingWith("s.json: utterances[0]: end_ms must be after start_ms");
    assertThatThrownBy(() -> ScriptLoader.parse("s.json",
        "{\"utterances\":[{\"text\":\"A\",\"start_ms\":0,\"end_ms\":900},"
            + "{\"text\":\"B\",\"start_ms\":800,\"end_ms\":1200}]}"))
        .hasMessageStartingWith("s.json: utterances[1] starts at 800 ms, before utterances[0]");
    assertThatThrownBy(() -> ScriptLoader.parse("s.json", "{\"utterances\":[]}"))
        .hasMessageContaining("non-empty array");
    assertThatThrownBy(() -> ScriptLoader.parse("s.json",
        "{\"utterances\":[{\"text\":\"Hi\",\"start_ms\":0.5,\"end_ms\":300}]}"))
        .hasMessageContaining("utterances[0].start_ms must be a whole number");
  }
}
