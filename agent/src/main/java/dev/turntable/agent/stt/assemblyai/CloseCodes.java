package dev.turntable.agent.stt.assemblyai;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What AssemblyAI's WebSocket close codes mean, in words a user can act on, and which of them a
 * reconnect can fix. Codes follow AssemblyAI's v3 documentation; the 4000–4104 range is the retired
 * v2 scheme, still mapped by the official SDKs.
 */
public final class CloseCodes {
  /** Java-WebSocket's code for "the connection was never established". */
  public static final int NEVER_CONNECTED = -1;

  public static final int NORMAL = 1000;
  public static final int GOING_AWAY = 1001;
  public static final int ABNORMAL = 1006;
  public static final int UNAUTHORIZED = 1008;
  public static final int INTERNAL_ERROR = 1011;
  public static final int SERVICE_RESTART = 1012;
  public static final int TRY_AGAIN_LATER = 1013;
  public static final int SERVER_ERROR = 3005;
  public static final int INVALID_MESSAGE = 3006;
  public static final int INVALID_AUDIO = 3007;
  public static final int SESSION_EXPIRED = 3008;
  public static final int TOO_MANY_SESSIONS = 3009;

  /** How Java-WebSocket reports a non-101 answer to the upgrade request (close code 1002). */
  private static final Pattern HANDSHAKE_STATUS =
      Pattern.compile("Invalid status code received: (\\d{3})");

  private static final Map<Integer, String> LEGACY =
      Map.ofEntries(
          Map.entry(4000, "bad sample rate: sample_rate must be a positive integer"),
          Map.entry(4001, "not authorized: check ASSEMBLYAI_API_KEY"),
          Map.entry(4002, "insufficient funds: add credit to the AssemblyAI account"),
          Map.entry(4003, "free-tier account: streaming needs a paid account"),
          Map.entry(4004, "the session id does not exist"),
          Map.entry(4008, "session expired"),
          Map.entry(4010, "the session was already closed"),
          Map.entry(4029, "rate limited: audio sent faster than real time"),
          Map.entry(4030, "the session id is already in use"),
          Map.entry(4031, "session idle for too long"),
          Map.entry(4032, "audio too short"),
          Map.entry(4033, "audio too long"),
          Map.entry(4034, "audio too small to transcode"),
          Map.entry(4100, "the server received invalid JSON"),
          Map.entry(4101, "the server received a message with an invalid schema"),
          Map.entry(4102, "too many concurrent streams for this account"),
          Map.entry(4103, "the session was reconnected elsewhere; this connection is void"),
          Map.entry(4104, "reconnect attempts exhausted (temporary server condition)"));

  private CloseCodes() {}

  /** The code to report, the explanation, and whether reconnecting can help. */
  record Diagnosis(int code, String message, boolean retryable) {}

  /** A clear message for a close code and the reason the server gave with it. */
  public static String describe(int code, String reason) {
    return diagnose(code, reason).message();
  }

  /** Whether a fresh connection can succeed after this close: drops and server-side trouble. */
  public static boolean isRetryable(int code) {
    return switch (code) {
      case NEVER_CONNECTED,
          GOING_AWAY,
          ABNORMAL,
          INTERNAL_ERROR,
          SERVICE_RESTART,
          TRY_AGAIN_LATER,
          SERVER_ERROR,
          TOO_MANY_SESSIONS ->
          true;
      default -> false;
    };
  }

  /** Explains an upgrade request answered with an HTTP status instead of 101. */
  public static String describeHandshakeRejection(int httpStatus) {
    String why =
        switch (httpStatus) {
          case 401, 403 ->
              "the API key or temporary token is missing, wrong or expired; check"
                  + " ASSEMBLYAI_API_KEY (the bare key, no 'Bearer ' prefix)";
          case 404 ->
              "there is no streaming endpoint at this URL; check the url (default "
                  + AssemblyAiOptions.DEFAULT_URL
                  + ")";
          case 429 -> "too many requests or sessions; wait and retry";
          default ->
              httpStatus >= 500
                  ? "the server had an error; retrying may help"
                  : "the request was refused";
        };
    return "AssemblyAI rejected the WebSocket upgrade with HTTP " + httpStatus + ": " + why;
  }

  static Diagnosis diagnose(int code, String reason) {
    if (code == 1002 && reason != null) {
      Matcher status = HANDSHAKE_STATUS.matcher(reason);
      if (status.find()) {
        int http = Integer.parseInt(status.group(1));
        boolean retryable = http == 429 || http >= 500;
        return new Diagnosis(http, describeHandshakeRejection(http), retryable);
      }
    }
    String detail = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
    Meaning meaning = explain(code);
    String message =
        meaning == null
            ? "AssemblyAI closed the session: unexpected close code " + code + detail
            : meaning.headline() + " (close code " + code + detail + ")" + meaning.advice();
    return new Diagnosis(code, message, isRetryable(code));
  }

  /** A headline and the advice that follows the code, or null for a code nobody documents. */
  private record Meaning(String headline, String advice) {}

  private static Meaning explain(int code) {
    return switch (code) {
      case NEVER_CONNECTED -> new Meaning("Could not connect to AssemblyAI", "");
      case NORMAL -> new Meaning("AssemblyAI closed the session normally", "");
      case GOING_AWAY, SERVICE_RESTART -> new Meaning("AssemblyAI is going away or restarting", "");
      case ABNORMAL ->
          new Meaning("The connection to AssemblyAI dropped without a close frame", "");
      case UNAUTHORIZED ->
          new Meaning(
              "AssemblyAI refused the session as unauthorized",
              ": the API key or token is missing, wrong or expired, or the account is disabled or"
                  + " out of balance. Check ASSEMBLYAI_API_KEY (the bare key, no 'Bearer '"
                  + " prefix)");
      case INTERNAL_ERROR -> new Meaning("AssemblyAI hit an internal error", "");
      case TRY_AGAIN_LATER ->
          new Meaning("AssemblyAI is temporarily unable to serve the session", "");
      case SERVER_ERROR ->
          new Meaning("AssemblyAI had a server error and cancelled the session", "");
      case INVALID_MESSAGE ->
          new Meaning(
              "AssemblyAI rejected a message from this client",
              ": an unknown type, invalid JSON or a bad field; this is a client bug");
      case INVALID_AUDIO ->
          new Meaning(
              "AssemblyAI rejected the audio",
              ": each frame must hold 50–1000 ms (1,600–32,000 bytes at 16 kHz pcm_s16le) and audio"
                  + " must not be sent faster than real time");
      case SESSION_EXPIRED ->
          new Meaning(
              "The AssemblyAI session expired",
              ": sessions last at most 3 hours, or the temporary token's"
                  + " max_session_duration_seconds; start a new session");
      case TOO_MANY_SESSIONS ->
          new Meaning(
              "AssemblyAI refused the session",
              ": too many concurrent sessions for this account; close other sessions or raise the"
                  + " limit");
      default ->
          LEGACY.containsKey(code)
              ? new Meaning(
                  "AssemblyAI closed the session with a legacy v2 code", ": " + LEGACY.get(code))
              : null;
    };
  }
}
