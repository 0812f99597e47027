package dev.turntable.harness.report;

import java.util.List;

/** A plain HTML table: escaped header and cells; numeric columns are right-aligned by class. */
final class HtmlTable {
  private final StringBuilder out = new StringBuilder();

  HtmlTable(String cssClass, List<String> headers) {
    out.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
    for (String header : headers) {
      out.append("<th>").append(Html.escape(header)).append("</th>");
    }
    out.append("</tr></thead><tbody>");
  }

  /** A row of cells; a cell given as {@link Cell} keeps its class and markup. */
  HtmlTable row(List<Cell> cells) {
    out.append("<tr>");
    for (Cell cell : cells) {
      out.append("<td");
      if (!cell.cssClass().isEmpty()) {
        out.append(" class=\"").append(cell.cssClass()).append('"');
      }
      out.append('>').append(cell.html()).append("</td>");
    }
    out.append("</tr>");
    return this;
  }

  String html() {
    return out + "</tbody></table>";
  }

  /** One cell's markup (already escaped) and CSS class. */
  record Cell(String html, String cssClass) {
    static Cell text(String text) {
      return new Cell(Html.escape(text), "");
    }

    static Cell number(String formatted) {
      return new Cell(Html.escape(formatted), "num");
    }

    static Cell markup(String html, String cssClass) {
      return new Cell(html, cssClass);
    }
  }
}
