package dev.faultline.scenarios;

/** A knob that does not exist or a value it does not take; the message is one sentence. */
public final class KnobException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public KnobException(String message) {
    super(message);
  }
}
