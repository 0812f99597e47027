package dev.turntable.harness.brokenpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.harness.SharedResources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Proof that the barge-in scenarios can fail: run against a policy with no backchannel words and
 * no words that always interrupt, the scenarios that rely on those words fail, each with a message
 * that names the turn, its time, the rule that decided and the one expected, a hint, the nearest
 * event and the timeline. Scenarios that set those words themselves still pass.
 */
@ResourceLock(SharedResources.CORE_2)
class BrokenPolicyIT {
  private static final Path REPORT = Path.of("target", "broken-policy", "report.json");

  @Test
  void bargeInFeaturesFailWithActionableMessages() throws Exception {
    byte status =
        dev.turntable.harness.cucumber.CucumberRun.run(
            List.of("dev.turntable.harness.cucumber", "dev.turntable.harness.brokenpolicy"),
            List.of("json:" + REPORT.toAbsolutePath()),
            List.of(Path.of("../features/barge-in")));
    assertThat(status).as("Cucumber's exit status").isNotZero();

    Map<String, String> failures = failures(new ObjectMapper().readTree(REPORT.toFile()));
    assertThat(failures)
        .containsKeys(
            "\"Mhm\" in the middle of an answer is ignored",
            "\"Wait, stop\" silences the agent and is answered",
            "\"Uh-huh\" while the agent answers is dropped and the agent keeps talking",
            "Two backchannel words in a row are still a backchannel",
            "A single \"Stop.\" interrupts although it is one word",
            "A backchannel just after the agent finished falls in the grace window")
        .doesNotContainKeys(
            "A team's own backchannel words",
            "Without words that always interrupt, a bare \"No.\" is too short",
            "A stricter minimum keeps two-word remarks from interrupting");
    failures.forEach((scenario, message) ->
        assertThat(message)
            .as("the failure of \"%s\"", scenario)
            .containsPattern("turn \\d+ \"[^\"]+\" at \\d+\\.\\d\\d s")
            .containsPattern("by rule \"(too short|substantive)\"|rule: (too short|substantive)")
            .contains("hint: ", "nearest event: ", "timeline of "));
  }

  /** Scenario name → the error message of its failed step, from Cucumber's JSON report. */
  private static Map<String, String> failures(JsonNode report) {
    Map<String, String> failures = new LinkedHashMap<>();
    for (JsonNode feature : report) {
      for (JsonNode scenario : feature.path("elements")) {
        for (JsonNode step : scenario.path("steps")) {
          if (step.path("result").path("status").asText().equals("failed")) {
            failures.put(scenario.path("name").asText(), step.path("result").path("error_message").asText());
          }
        }
      }
    }
    return failures;
  }
}
