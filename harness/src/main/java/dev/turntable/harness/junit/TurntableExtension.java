package dev.turntable.harness.junit;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.agent.config.Environment;
import dev.turntable.harness.replay.LiveRerecord;
import dev.turntable.harness.replay.RecordMode;
import dev.turntable.harness.replay.ReplayResult;
import dev.turntable.harness.replay.ReplayClock;
import dev.turntable.harness.replay.ReplayOptions;
import java.nio.file.Files;
import org.apache.commons.io.file.PathUtils;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that replays fixtures through the mocks against the real agent and hands the
 * result to the test. See {@link Replay}.
 */
public final class TurntableExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(Replay.class)
        && parameter.getParameter().getType().isAssignableFrom(ReplayResult.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Replay replay = parameter.findAnnotation(Replay.class).orElseThrow();
    Path dir = locate(replay.value());
    try {
      if (RecordMode.from(System.getenv()) == RecordMode.RECORD) {
        rerecord(dir);
      }
      Fixture fixture = FixtureReader.read(dir);
      ReplayOptions options = replay.clock() == ReplayClock.VIRTUAL
          ? ReplayOptions.virtual()
          : ReplayOptions.wire(replay.speed());
      return FixtureReplay.run(fixture, options);
    } catch (Exception e) {
      throw new ParameterResolutionException("replaying " + dir + " failed: " + e.getMessage(), e);
    }
  }

  /** Records the fixture again against the real services, then swaps it in. */
  private static void rerecord(Path dir) throws Exception {
    Path fresh = dir.resolveSibling(dir.getFileName() + ".recording");
    if (Files.exists(fresh)) {
      PathUtils.deleteDirectory(fresh);
    }
    LiveRerecord.run(FixtureReader.read(dir), Environment.load(), fresh, "junit");
    Path conversation = dir.resolve(dev.turntable.harness.replay.FixtureSynthesizer.SCRIPT_FILE);
    if (Files.exists(conversation)) {
      Files.copy(conversation, fresh.resolve(conversation.getFileName()));
    }
    PathUtils.deleteDirectory(dir);
    Files.move(fresh, dir);
  }

  static Path locate(String path) {
    try {
      return FixtureReader.locate(path);
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException(e.getMessage());
    }
  }
}
