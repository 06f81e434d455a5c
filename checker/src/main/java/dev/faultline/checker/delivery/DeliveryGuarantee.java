package dev.faultline.checker.delivery;

/**
 * What a run delivered, judged from loss (a lost write, or an unseen acknowledged send in a
 * partition read to its end) and duplication (one value at several offsets).
 */
public enum DeliveryGuarantee {
  /** No acknowledged send lost and no value duplicated. */
  EXACTLY_ONCE("exactly-once"),
  /** No acknowledged send lost, but some value appears at several offsets. */
  AT_LEAST_ONCE("at-least-once"),
  /** Some acknowledged send lost, but no value appears twice. */
  AT_MOST_ONCE("at-most-once"),
  /** Both loss and duplication. */
  NONE("none");

  private final String label;

  DeliveryGuarantee(String label) {
    this.label = label;
  }

  /** The name used in reports, such as {@code at-least-once}. */
  public String label() {
    return label;
  }

  static DeliveryGuarantee of(boolean lost, boolean duplicated) {
    if (lost) {
      return duplicated ? NONE : AT_MOST_ONCE;
    }
    return duplicated ? AT_LEAST_ONCE : EXACTLY_ONCE;
  }
}
