/**
 * The Testcontainers module for {@code turntable serve}: {@link
 * dev.turntable.harness.testcontainers.TurntableContainer} runs the mocks in Docker, and {@link
 * dev.turntable.harness.testcontainers.ContainerReplay} replays a fixture through it with the agent
 * in this JVM. Both are public; add {@code org.testcontainers:testcontainers} to use them.
 */
package dev.turntable.harness.testcontainers;
