package dev.turntable.harness.eval;

import java.util.List;

/** A corpus scored under each policy variant, in the order the variants were given. */
public record EvalResult(List<String> fixtures, List<VariantScore> variants) {
  public EvalResult {
    fixtures = List.copyOf(fixtures);
    variants = List.copyOf(variants);
  }

  public VariantScore variant(String name) {
    return variants.stream()
        .filter(v -> v.variant().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no variant named " + name));
  }
}
