package dev.turntable.harness.report;

/**
 * One session's timeline as a standalone SVG document, the same drawing as in {@link HtmlReport},
 * with the report's stylesheet inside so it renders alone (e.g. attached to a Cucumber report).
 */
final class TimelineSvg {
  static final String MEDIA_TYPE = "image/svg+xml";

  private TimelineSvg() {}

  static String standalone(ReportSession session) {
    String svg = SvgTimeline.render(session);
    int afterOpenTag = svg.indexOf('>') + 1;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + svg.substring(0, afterOpenTag)
        + "<style><![CDATA[" + ReportStyle.CSS + "]]></style>"
        + svg.substring(afterOpenTag);
  }
}
