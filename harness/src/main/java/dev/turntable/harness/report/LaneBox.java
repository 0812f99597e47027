package dev.turntable.harness.report;

/** The vertical band of the timeline one lane draws in. */
record LaneBox(String name, double top, double height) {
  double bottom() {
    return top + height;
  }

  double middle() {
    return top + height / 2;
  }
}
