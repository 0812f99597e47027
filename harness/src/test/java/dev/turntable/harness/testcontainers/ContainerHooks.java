package dev.turntable.harness.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;

/** Glue for the {@code @container} scenarios: the image they name is the one built from this tree. */
public final class ContainerHooks {
  @Before("@container")
  public void buildTheImage() {
    // Skips the scenario (or fails it in CI) when there is no Docker engine.
    assertThat(Docker.image().asCanonicalNameString()).isEqualTo("turntable/turntable:it");
  }
}
