package dev.turntable.harness.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Testcontainers lines are lines of a test that runs, so they cannot drift. */
class ReadmeContainerSnippetTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path TEST = Path.of("src", "test", "java", "dev", "turntable", "harness",
      "testcontainers", "TurntableContainerIT.java");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(try \\(TurntableContainer.*?)```", Pattern.DOTALL);

  @Test
  void everyLineOfTheReadmeSnippetIsInTheContainerTest() throws IOException {
    Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
    assertThat(block.find()).as("a ```java block starting with try (TurntableContainer in README.md").isTrue();
    String test = Files.readString(TEST);

    assertThat(block.group(1).lines().map(String::strip).filter(line -> !line.isEmpty()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(test).contains(line));
  }
}
