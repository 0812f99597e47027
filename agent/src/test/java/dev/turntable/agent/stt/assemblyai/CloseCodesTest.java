package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloseCodesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1000 | closed the session normally",
        "1008 | check ASSEMBLYAI_API_KEY",
        "3005 | server error",
        "3006 | client bug",
        "3007 | 50–1000 ms",
        "3007 | faster than real time",
        "3008 | session expired",
        "3009 | too many concurrent sessions",
        "1013 | temporarily unable",
        "1006 | dropped without a close frame",
        "4001 | not authorized: check ASSEMBLYAI_API_KEY",
        "4029 | audio sent faster than real time",
        "4104 | reconnect attempts exhausted",
        "-1 | Could not connect"
      })
  void everyKnownCodeHasAClearMessage(int code, String expected) {
    assertThat(CloseCodes.describe(code, "the reason"))
        .containsIgnoringCase(expected)
        .contains("close code " + code + ": the reason");
  }

  @Test
  void anUnknownCodeIsReportedAsUnexpected() {
    assertThat(CloseCodes.describe(4242, "boom")).endsWith("unexpected close code 4242: boom");
    assertThat(CloseCodes.describe(4999, null)).endsWith("unexpected close code 4999");
  }

  @Test
  void onlyFailuresThatARetryCanFixAreRetryable() {
    assertThat(List.of(-1, 1006, 1011, 1013, 3005, 3009)).allMatch(CloseCodes::isRetryable);
    assertThat(List.of(1000, 1008, 3006, 3007, 3008, 4001)).noneMatch(CloseCodes::isRetryable);
  }

  @Test
  void anHttpRejectionOfTheUpgradeIsExplainedByItsStatus() {
    String javaWebSocketReason =
        "Invalid status code received: 401 Status line: HTTP/1.1 401 Unauthorized";

    CloseCodes.Diagnosis diagnosis = CloseCodes.diagnose(1002, javaWebSocketReason);

    assertThat(diagnosis.code()).isEqualTo(401);
    assertThat(diagnosis.retryable()).isFalse();
    assertThat(diagnosis.message())
        .contains("rejected the WebSocket upgrade with HTTP 401")
        .contains("ASSEMBLYAI_API_KEY");
    assertThat(CloseCodes.diagnose(1002, "Invalid status code received: 503 x").retryable())
        .isTrue();
    assertThat(CloseCodes.describeHandshakeRejection(404)).contains("check the url");
  }
}
