package dev.turntable.harness.testcontainers;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The container tests' preconditions and their image. Without a Docker engine a test is skipped
 * with the reason, or fails when {@code TURNTABLE_REQUIRE_DOCKER=true} (CI): a broken Docker setup
 * never passes as skipped. (Testcontainers' {@code disabledWithoutDocker} cannot tell the two
 * apart: it turns every setup failure into a skip.) Call {@link #image()} in the test method, not
 * in {@code @BeforeAll}, so that a skip is reported as one.
 */
final class Docker {
  static final String REQUIRE_ENV = "TURNTABLE_REQUIRE_DOCKER";
  /** The base image to build FROM; offline CI builds one locally (.ci/docker.sh). */
  static final String BASE_IMAGE_ENV = "TURNTABLE_BASE_IMAGE";
  private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile");
  private static final Path JAR = Path.of("target", "turntable.jar");
  private static final DockerImageName IMAGE = TurntableContainer.DEFAULT_IMAGE.withTag("it");

  private static DockerImageName built;

  private Docker() {}

  /** The image built from this tree's Dockerfile and jar, once per test JVM. */
  static synchronized DockerImageName image() {
    require();
    if (built == null) {
      ImageFromDockerfile image =
          new ImageFromDockerfile(IMAGE.asCanonicalNameString(), false)
              .withFileFromPath("Dockerfile", DOCKERFILE)
              .withFileFromPath("turntable.jar", JAR);
      String base = System.getenv(BASE_IMAGE_ENV);
      if (base != null && !base.isBlank()) {
        image.withBuildArg("BASE_IMAGE", base);
      }
      long started = System.nanoTime();
      String name = image.get();
      System.out.printf("built %s from %s in %.1f s%n", name, base == null ? "the Dockerfile's base" : base,
          (System.nanoTime() - started) / 1e9);
      built = DockerImageName.parse(name);
    }
    return built;
  }

  static void require() {
    if (!Files.isRegularFile(JAR)) {
      fail(JAR + " is missing: the container tests run after `package` (mvn -B verify)");
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      return;
    }
    String message = "no Docker engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + "). Start one;"
        + " on a machine with no image registry, as root: eval \"$(.ci/docker.sh)\"";
    if (Boolean.parseBoolean(System.getenv(REQUIRE_ENV))) {
      fail(message + " (" + REQUIRE_ENV + "=true, so this fails instead of skipping)");
    }
    Assumptions.abort(message + " (set " + REQUIRE_ENV + "=true to fail instead of skipping)");
  }
}
