package dev.turntable.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
  @Test
  void aShortSessionFitsThePage() {
    TimeAxis axis = new TimeAxis(76, 12_000);
    assertThat(axis.x(0)).isEqualTo(76);
    assertThat(axis.x(12_000)).isEqualTo(76 + TimeAxis.FIT_WIDTH);
    assertThat(axis.stepMs()).isEqualTo(1000);
    assertThat(axis.label(3000)).isEqualTo("3 s");
  }

  @Test
  void aLongSessionGetsWiderToStayReadable() {
    TimeAxis axis = new TimeAxis(0, 90_000);
    assertThat(axis.px(1000)).isEqualTo(TimeAxis.MIN_PX_PER_SECOND);
    assertThat(axis.right()).isGreaterThan(TimeAxis.FIT_WIDTH);
  }

  @Test
  void aVeryLongSessionStopsGrowingButKeepsItsTicksApart() {
    TimeAxis axis = new TimeAxis(0, 3_600_000);
    assertThat(axis.right()).isEqualTo(TimeAxis.MAX_WIDTH);
    List<Double> ticks = axis.ticksMs();
    assertThat(axis.px(ticks.get(1) - ticks.get(0))).isGreaterThanOrEqualTo(64);
    assertThat(axis.label(90_000)).isEqualTo("1:30");
  }

  @Test
  void subSecondStepsGetDecimals() {
    TimeAxis axis = new TimeAxis(0, 1500);
    assertThat(axis.stepMs()).isLessThan(1000);
    assertThat(axis.label(500)).isIn("0.5 s", "0.50 s");
  }
}
