package dev.turntable.harness.check;

import dev.turntable.agent.turn.InterruptionRule;

/**
 * One turn heard while the agent was speaking (or in the grace window), and what the agent did.
 *
 * @param arrivedMs when the turn reached the agent, session time
 * @param stopLatencyMs accepted only: the interrupting Turn's arrival → speaker silent, from the
 *     played audio when there is some (else from the speaker's stop report); NaN otherwise
 * @param talkOverMs accepted only: agent audio that kept playing after the user started speaking,
 *     beyond the reaction window; 0 when it stopped in time, NaN when not accepted
 */
public record BargeInMeasure(
    int turnOrder,
    String text,
    boolean accepted,
    InterruptionRule rule,
    long audioMs,
    double arrivedMs,
    double stopLatencyMs,
    double talkOverMs) {}
