package dev.turntable.harness.check;

/**
 * How fast the agent answered one user turn. Every figure is in milliseconds; a stage that did not
 * happen (e.g. no audio because the LLM failed) is {@code NaN}.
 *
 * @param responseLatencyMs user's end of speech (last word's end, audio time) → first agent audio
 *     at the speaker (audio time)
 * @param sttMs last word's end → end-of-turn message arrival (audio time)
 * @param agentBeforeLlmMs end-of-turn arrival → LLM request sent
 * @param llmFirstTokenMs LLM request → first token
 * @param llmFirstSegmentMs LLM request → first speakable segment sent to TTS
 * @param ttsFirstAudioMs TTS request → first audio byte
 * @param playbackStartMs first audio byte → audio audible at the speaker
 * @param agentOverheadMs the agent's own work on its loop for this reply: end-of-turn message's
 *     arrival → LLM request sent, plus each segment's first audio's arrival → written to the
 *     speaker (from {@code AgentWork} events; 0 on virtual time, NaN in timelines without them)
 */
public record TurnMeasure(
    int turnOrder,
    String text,
    double responseLatencyMs,
    double sttMs,
    double agentBeforeLlmMs,
    double llmFirstTokenMs,
    double llmFirstSegmentMs,
    double ttsFirstAudioMs,
    double playbackStartMs,
    double agentOverheadMs) {}
