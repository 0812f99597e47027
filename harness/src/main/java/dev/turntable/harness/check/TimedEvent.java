package dev.turntable.harness.check;

import dev.turntable.agent.conversation.AgentEvent;

/**
 * An agent event placed in both times of a session: {@code atMs} on the agent's clock since the
 * conversation started, and {@code audioMs}, how much microphone audio had been sent to STT when it
 * happened. Audio time is what stays the same when a session is replayed faster.
 */
public record TimedEvent(double atMs, long audioMs, AgentEvent event) {}
