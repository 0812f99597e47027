package dev.turntable.harness.report;

/**
 * Writes SVG elements into one buffer. Styling is by CSS class (the page's stylesheet applies to
 * inline SVG), so elements stay short; every text and tooltip is escaped here.
 */
final class Svg {
  private final StringBuilder out = new StringBuilder(8192);

  /** A coordinate with at most one decimal and no exponent, as SVG wants it. */
  static String num(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
  }

  Svg raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Opens a group whose tooltip is {@code title} (null for none). */
  Svg group(String cssClass, String title) {
    out.append("<g class=\"").append(cssClass).append("\">");
    return title(title);
  }

  Svg endGroup() {
    out.append("</g>");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String cssClass, String title) {
    out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y));
    out.append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"").append(num(h));
    return close(cssClass, title, "rect");
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass, String title) {
    out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1));
    out.append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2));
    return close(cssClass, title, "line");
  }

  Svg path(String d, String cssClass, String title) {
    out.append("<path d=\"").append(d);
    return close(cssClass, title, "path");
  }

  Svg text(double x, double y, String text, String cssClass) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y));
    out.append("\" class=\"").append(cssClass).append("\">");
    out.append(Html.escape(text)).append("</text>");
    return this;
  }

  private Svg close(String cssClass, String title, String element) {
    out.append("\" class=\"").append(cssClass).append('"');
    if (title == null) {
      out.append("/>");
      return this;
    }
    out.append('>');
    title(title);
    out.append("</").append(element).append('>');
    return this;
  }

  private Svg title(String title) {
    if (title != null) {
      out.append("<title>").append(Html.escape(title)).append("</title>");
    }
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
