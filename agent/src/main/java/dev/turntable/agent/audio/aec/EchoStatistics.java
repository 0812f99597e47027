package dev.turntable.agent.audio.aec;

/**
 * What the canceller reports about itself (WebRTC's AEC3 statistics).
 *
 * @param echoReturnLossDb how much quieter the echo is in the microphone than in the speaker feed
 * @param echoReturnLossEnhancementDb how much quieter the canceller made the echo
 * @param delayMs the echo path delay the canceller has found, -1 before it found one
 * @param residualEchoLikelihood 0–1, how likely echo is left in the cleaned audio
 * @param frames 10 ms frames processed so far
 */
public record EchoStatistics(
    double echoReturnLossDb,
    double echoReturnLossEnhancementDb,
    int delayMs,
    double residualEchoLikelihood,
    long frames) {}
