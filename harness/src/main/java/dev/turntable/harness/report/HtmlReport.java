package dev.turntable.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A static, self-contained HTML report of one or more sessions: one {@code index.html} with inline
 * CSS and SVG, no scripts and nothing fetched, so it can be attached to a CI run or mailed. The
 * output depends only on its input (no timestamps), so two reports of the same sessions are equal.
 */
public final class HtmlReport {
  public static final String FILE_NAME = "index.html";
  /** The media type of {@link #timelineSvg}, e.g. to attach it to a Cucumber scenario. */
  public static final String SVG_MEDIA_TYPE = TimelineSvg.MEDIA_TYPE;

  private HtmlReport() {}

  /**
   * Writes {@code dir/index.html} (creating {@code dir}), replacing any earlier report there.
   *
   * @return the path of the written index.html
   */
  public static Path write(Path dir, String title, List<ReportSession> sessions)
      throws IOException {
    Files.createDirectories(dir);
    Path index = dir.resolve(FILE_NAME);
    Files.writeString(index, render(title, sessions), StandardCharsets.UTF_8);
    return index;
  }

  /**
   * One session's timeline as a standalone SVG document: the same drawing as in the page, with the
   * report's stylesheet inside so it renders alone.
   */
  public static String timelineSvg(ReportSession session) {
    return TimelineSvg.standalone(session);
  }

  /** The whole page as a string. */
  public static String render(String title, List<ReportSession> sessions) {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    page.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    page.append("<title>").append(Html.escape(title)).append("</title>");
    page.append("<style>").append(ReportStyle.CSS).append("</style></head><body>\n");
    page.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    if (sessions.isEmpty()) {
      page.append("<p class=\"none\">No sessions.</p>");
    } else {
      page.append(SummaryTable.html(sessions)).append('\n');
    }
    for (int i = 0; i < sessions.size(); i++) {
      page.append(SessionSection.html(sessions.get(i), i)).append('\n');
    }
    return page.append("</body></html>\n").toString();
  }
}
