package dev.turntable.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {
  /** Kept under target/ so the sample can be opened in a browser after the build. */
  private static final Path DIR = Path.of("target", "sample-report");

  private static String page;

  @BeforeAll
  static void writeReport() throws Exception {
    Path index =
        HtmlReport.write(
            DIR,
            "Replay of <two> sessions",
            List.of(SyntheticSession.passing(), SyntheticSession.failingWithHostileText()));
    assertThat(index).isEqualTo(DIR.resolve("index.html")).isRegularFile();
    page = Files.readString(index, StandardCharsets.UTF_8);
  }

  @Test
  void summarisesEverySessionAtTheTop() {
    String summary =
        page.substring(page.indexOf("<table class=\"summary\""), page.indexOf("</table>"));
    assertThat(summary)
        .contains(
            "<a href=\"#session-1\">weather-interrupted</a>",
            "<a href=\"#session-2\">llm-fails</a>")
        .contains("<td class=\"num\">1050</td><td class=\"num\">1200</td>") // p50, p99
        .contains("<td class=\"num\">1 / 1</td>") // accepted / suppressed
        .contains("verdict pass", "verdict fail", "4×");
    assertThat(page).contains("2 sessions, 1 passed, 1 failed");
  }

  @Test
  void listsEachTurnWithItsLatencySplit() {
    assertThat(page)
        .contains(
            "<td class=\"num\">1</td><td>What&#39;s the weather like in Paris today?</td><td"
                + " class=\"num strong\">1050</td><td class=\"num\">300</td><td"
                + " class=\"num\">5</td><td class=\"num\">395</td><td class=\"num\">545</td><td"
                + " class=\"num\">150</td><td class=\"num\">50</td><td class=\"num\">5</td>");
    // the failing session's turn never got audio: its latency is missing, not zero
    assertThat(page).contains("<td class=\"num strong\">–</td>");
  }

  @Test
  void listsBargeInsWithRuleStopLatencyAndTalkOver() {
    assertThat(page)
        .contains(
            "<td class=\"num\">2</td><td class=\"suppressed\">suppressed</td>"
                + "<td>backchannel only</td><td>Mhm.</td><td class=\"num\">5.60 s</td>"
                + "<td class=\"num\">–</td><td class=\"num\">–</td>")
        .contains(
            "<td class=\"num\">3</td><td class=\"accepted\">accepted</td>"
                + "<td>always interrupt word</td><td>wait</td><td class=\"num\">7.55 s</td>"
                + "<td class=\"num\">30</td><td class=\"num\">0</td>");
  }

  @Test
  void showsVerdictsErrorsAndDifferences() {
    assertThat(page).contains("<h3>Verdict: <span class=\"verdict pass\">pass</span></h3>");
    assertThat(page).contains("<h3>Verdict: <span class=\"verdict fail\">fail</span></h3>");
    assertThat(page)
        .contains(
            "<pre class=\"differences\">speech #1:\n    - recorded: reply 1 says: "
                + "&quot;Hi &lt;there&gt;&quot;\n    + replayed: (nothing)</pre>");
    assertThat(page).contains("1.80 s — llm: HTTP 500 &lt;b&gt;boom&lt;/b&gt;");
  }

  @Test
  void escapesUserTextAndRunsNoScript() {
    assertThat(page).doesNotContain("<script", "<b>boom", "<two>");
    assertThat(page)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
    assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  void eachTimelineIsWellFormedSvgWithEveryLane() throws Exception {
    List<String> svgs = svgElements(page);
    assertThat(svgs).hasSize(2);
    Document first = parse(svgs.get(0));
    assertThat(first.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(withClass(first, "path", "wave mic")).hasSize(1);
    assertThat(withClass(first, "path", "wave agent")).hasSize(1);
    assertThat(withClass(first, "g", "turn")).hasSize(2);
    assertThat(withClass(first, "g", "partial")).hasSize(4);
    assertThat(withClass(first, "g", "latency")).hasSize(2);
    assertThat(withClass(first, "g", "barge accepted"))
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.getTextContent())
                    .contains("ALWAYS_INTERRUPT_WORD", "stop latency 30 ms"));
    assertThat(withClass(first, "g", "barge suppressed"))
        .singleElement()
        .satisfies(g -> assertThat(g.getTextContent()).contains("BACKCHANNEL_ONLY", "Mhm."));
    assertThat(withClass(first, "g", "change")).hasSize(8);
    assertThat(withClass(first, "rect", "reply stopped"))
        .singleElement()
        .satisfies(r -> assertThat(r.getTextContent()).contains("heard: \"It's sunny"));
    Document second = parse(svgs.get(1));
    assertThat(withClass(second, "g", "error")).hasSize(1);
    assertThat(withClass(second, "g", "turn"))
        .singleElement()
        .satisfies(g -> assertThat(g.getTextContent()).contains("<script>alert('x')</script>"));
  }

  private static List<String> svgElements(String html) {
    Matcher m = Pattern.compile("<svg[ >].*?</svg>", Pattern.DOTALL).matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<Element> withClass(Document doc, String tag, String cssClass) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (element.getAttribute("class").equals(cssClass)) {
        found.add(element);
      }
    }
    return found;
  }
}
