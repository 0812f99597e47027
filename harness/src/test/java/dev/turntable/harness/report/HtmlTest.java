package dev.turntable.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesMarkupInTranscripts() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void dropsCharactersXmlForbidsAndKeepsUnicode() {
    assertThat(Html.escape("a\u0000b\u0007c\r\nd “é” ✓")).isEqualTo("abc\n\nd “é” ✓");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void showsMissingMeasuresAsADash() {
    assertThat(Html.millis(Double.NaN)).isEqualTo("–");
    assertThat(Html.millis(850.6)).isEqualTo("851");
    assertThat(Html.seconds(1250)).isEqualTo("1.25 s");
  }

  @Test
  void writesSpeedsAsPeopleDo() {
    assertThat(Html.speed(1)).isEqualTo("1×");
    assertThat(Html.speed(4)).isEqualTo("4×");
    assertThat(Html.speed(2.5)).isEqualTo("2.5×");
  }

  @Test
  void truncatesWithAnEllipsis() {
    assertThat(Html.truncate("hello world", 20)).isEqualTo("hello world");
    assertThat(Html.truncate("hello world", 7)).isEqualTo("hello…");
    assertThat(Html.truncate("hello", 1)).isEmpty();
  }
}
