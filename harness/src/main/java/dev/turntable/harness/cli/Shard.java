package dev.turntable.harness.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One of {@code count} slices of a corpus, for CI runners that each evaluate a part: item k of the
 * sorted corpus belongs to shard {@code (k mod count) + 1}, so every item is in exactly one shard
 * and shards differ in size by at most one. {@code index} counts from 1, as CI matrices do.
 */
record Shard(int index, int count) {
  static final Shard ALL = new Shard(1, 1);

  Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/4; got " + index + "/" + count);
    }
  }

  /** Parses {@code i/n}, e.g. {@code 2/4}. */
  static Shard parse(String text) {
    String[] parts = text.strip().split("/");
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException("--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/4; got " + text);
  }

  /** This shard's items of {@code sorted} (the caller sorts, so every runner agrees). */
  <T> List<T> select(List<T> sorted) {
    List<T> mine = new ArrayList<>();
    for (int k = index - 1; k < sorted.size(); k += count) {
      mine.add(sorted.get(k));
    }
    return mine;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
