package dev.turntable.harness.check;

import dev.turntable.agent.turn.InterruptionRule;

/**
 * One turn heard while the agent was speaking (or in the grace window), and what the agent did.
 *
 * @param stopLatencyMs accepted only: the interrupting Turn's arrival → speaker silent; NaN otherwise
 * @param talkOverMs accepted only: agent audio that kept playing after the user started speaking,
 *     beyond the reaction window; 0 when it stopped in time, NaN when not accepted
 */
public record BargeInMeasure(
    int turnOrder,
    String text,
    boolean accepted,
    InterruptionRule rule,
    long audioMs,
    double stopLatencyMs,
    double talkOverMs) {}
