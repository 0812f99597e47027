package dev.turntable.harness.mockstt;

import java.time.Duration;
import java.util.Collection;
import java.util.function.ToLongFunction;

/** Percentiles of release precision over many {@link Release}s, for benchmarks and reports. */
public record ReleaseStatistics(
    int count,
    long audioGapP50Ms,
    long audioGapP99Ms,
    long audioGapMaxMs,
    Duration latenessP50,
    Duration latenessP99,
    Duration latenessMax) {

  public static ReleaseStatistics of(Collection<Release> releases) {
    long[] gaps = sorted(releases, Release::audioGapMs);
    long[] lateness = sorted(releases, Release::latenessNanos);
    return new ReleaseStatistics(
        releases.size(),
        percentile(gaps, 50),
        percentile(gaps, 99),
        percentile(gaps, 100),
        Duration.ofNanos(percentile(lateness, 50)),
        Duration.ofNanos(percentile(lateness, 99)),
        Duration.ofNanos(percentile(lateness, 100)));
  }

  /** Nearest-rank percentile of sorted values; 0 when there are none. */
  public static long percentile(long[] sortedValues, double percent) {
    if (sortedValues.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sortedValues.length);
    return sortedValues[Math.max(0, Math.min(sortedValues.length - 1, rank - 1))];
  }

  private static long[] sorted(Collection<Release> releases, ToLongFunction<Release> value) {
    return releases.stream().mapToLong(value).sorted().toArray();
  }

  @Override
  public String toString() {
    return String.format(
        "%d releases; audio gap p50 %d ms, p99 %d ms, max %d ms;"
            + " lateness p50 %.3f ms, p99 %.3f ms, max %.3f ms",
        count, audioGapP50Ms, audioGapP99Ms, audioGapMaxMs,
        latenessP50.toNanos() / 1e6, latenessP99.toNanos() / 1e6, latenessMax.toNanos() / 1e6);
  }
}
