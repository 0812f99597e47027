package dev.turntable.harness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "step library in your own project" snippet is exactly the consumer project the
 * Maven Invoker plugin builds against the installed artifact (src/it/consumer), and its inline
 * scenario example is one of the project's own scenarios, so neither can drift.
 */
class ReadmeConsumerSnippetTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path CONSUMER = Path.of("src", "it", "consumer");
  private static final String SECTION = "### The step library in your own project";
  private static final Pattern BLOCK = Pattern.compile("```(xml|java|gherkin)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern VERSION = Pattern.compile("<version>[^<]*</version>");

  @Test
  void theReadmeSnippetIsTheConsumerProject() throws IOException {
    List<String> blocks = blocks(section(Files.readString(README)));
    assertThat(blocks).as("dependencies, runner and feature in the README section").hasSize(3);

    String pom = Files.readString(CONSUMER.resolve("pom.xml"));
    String dependencies =
        pom.substring(pom.indexOf("<!-- README: dependencies -->") + "<!-- README: dependencies -->".length(),
            pom.indexOf("<!-- README: end -->"));
    assertThat(versionless(blocks.get(0))).isEqualTo(versionless(dependencies));
    assertThat(blocks.get(1).strip())
        .isEqualTo(Files.readString(
            CONSUMER.resolve("src/test/java/com/example/voice/VoiceAgentScenariosTest.java")).strip());
    assertThat(blocks.get(2).strip())
        .isEqualTo(Files.readString(CONSUMER.resolve("src/test/resources/features/backchannel.feature")).strip());
  }

  @Test
  void theReadmeVersionsAreTheBuildsVersions() throws IOException {
    String snippet = blocks(section(Files.readString(README))).get(0);
    String parent = Files.readString(Path.of("..", "pom.xml"));
    assertThat(snippet).contains("<version>" + property(parent, "version") + "</version>");
    assertThat(snippet).contains("<version>" + property(parent, "cucumber.version") + "</version>");
  }

  @Test
  void theInlineExampleIsOneOfTheScenarios() throws IOException {
    String readme = Files.readString(README);
    String example = blocks(readme.substring(readme.indexOf("### Gherkin scenarios"), readme.indexOf(SECTION))).get(0);
    String feature = Files.readString(Path.of("..", "features", "barge-in", "backchannels.feature"));
    assertThat(indentless(feature)).contains(indentless(example));
  }

  private static String section(String readme) {
    int start = readme.indexOf(SECTION);
    assertThat(start).as("README section \"%s\"", SECTION).isNotNegative();
    int end = readme.indexOf("\n#", start + SECTION.length());
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(2));
    }
    return blocks;
  }

  private static String versionless(String xml) {
    return indentless(VERSION.matcher(xml).replaceAll("<version/>"));
  }

  private static String indentless(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }

  /** {@code <name>value</name>} in a pom; "version" is the project's own (the first one). */
  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
    assertThat(m.find()).as("<%s> in the parent pom", name).isTrue();
    return m.group(1);
  }
}
