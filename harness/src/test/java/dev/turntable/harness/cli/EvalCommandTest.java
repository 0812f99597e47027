package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code turntable eval} on virtual-time replays of bundled fixtures whose answers are known: the guide's
 * policy drops a bare "yes" (MIN_WORDS = 2), Turntable's default takes it, and both ignore "mhm"
 * and stop for "wait, stop".
 */
class EvalCommandTest {
  private static final Path FIXTURES = Path.of("..", "fixtures");
  private static final List<String> KNOWN = List.of(
      "bare-yes-while-speaking", "backchannel-while-speaking", "barge-in-wait-stop");

  private record Run(int code, String out, String err) {}

  private static Run eval(String... options) {
    List<String> args = new ArrayList<>(List.of("eval"));
    KNOWN.forEach(name -> args.add(FIXTURES.resolve(name).toString()));
    args.addAll(List.of(options));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TurntableCommand.commandLine()
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = cli.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void scoresThePoliciesSideBySideAndWritesJson(@TempDir Path temp) throws Exception {
    Path json = temp.resolve("eval.json");

    Run run = eval("--min-words", "1", "--jobs", "2", "--json", json.toString());

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("3 fixtures, 6 labelled turns: 2 should interrupt, 1 should not, 3 ordinary")
        .containsPattern("missed interruptions\\s+1/2 \\(50.0%\\)\\s+0/2 \\(0.0%\\)\\s+0/2 \\(0.0%\\)")
        .containsPattern("false interruptions\\s+0/1 \\(0.0%\\)\\s+0/1 \\(0.0%\\)\\s+0/1 \\(0.0%\\)")
        .contains("guide      bare-yes-while-speaking turn 1 \"Yes.\": expected interrupt, ignored (too_short)"
            + " → missed interruption");
    JsonNode tree = new ObjectMapper().readTree(json.toFile());
    assertThat(tree.path("variants")).extracting(v -> v.path("name").asText())
        .containsExactly("guide", "default", "yours");
    assertThat(tree.at("/variants/2/policy/minWords").asInt()).isEqualTo(1);
    assertThat(tree.at("/variants/0/missedInterruptions/count").asInt()).isEqualTo(1);
    assertThat(tree.at("/variants/0/byRule/TOO_SHORT/missed_interruption").asInt()).isEqualTo(1);
  }

  @Test
  void failsWhenTheUsersPolicyIsWorseThanTheLimit() {
    Run run = eval("--always-interrupt", "", "--max-missed-interruptions", "10%");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL yours: missed interruptions 1/2 (50.0%) is worse than the limit 10.0%");
  }

  @Test
  void theDefaultPassesTheSameLimit() {
    Run run = eval("--max-missed-interruptions", "10%", "--max-false-interruptions", "0");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
  }

  @Test
  void shardsSplitTheCorpusWithoutOverlap() {
    String first = eval("--shard", "1/2").out();
    String second = eval("--shard", "2/2").out();

    assertThat(first).contains("shard 1/2: 2 of the corpus's fixtures");
    assertThat(second).contains("shard 2/2: 1 of the corpus's fixtures");
  }

  @Test
  void aBadPolicyFileIsNamedWithItsLine(@TempDir Path temp) throws Exception {
    Path policy = temp.resolve("policy.json");
    Files.writeString(policy, "{\n  \"minWords\": 2,\n  \"minWordz\": 3\n}\n");

    Run run = eval("--policy", policy.toString());

    assertThat(run.code()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(run.err()).contains("policy.json:3: ").contains("minWordz");
  }
}
