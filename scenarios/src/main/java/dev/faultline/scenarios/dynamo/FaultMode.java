package dev.faultline.scenarios.dynamo;

import java.util.Arrays;
import java.util.List;

/** The {@code fault} knob: the generator's schedule, or one fault forced on purpose. */
enum FaultMode {
  GENERATED("generated"),
  REPLICA_CRASH("replica-crash"),
  PARTITION("partition"),
  CONCURRENT_WRITES("concurrent-writes"),
  CLOCK_SKEW("clock-skew");

  private final String label;

  FaultMode(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static List<String> labels() {
    return Arrays.stream(values()).map(FaultMode::label).toList();
  }

  static FaultMode of(String label) {
    for (FaultMode m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown fault mode " + label);
  }
}
