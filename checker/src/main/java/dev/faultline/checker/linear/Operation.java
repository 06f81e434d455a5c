package dev.faultline.checker.linear;

import dev.faultline.checker.history.Op;

/**
 * An invocation paired with its completion, as the checker sees it.
 *
 * @param id the position of this operation among the checked ones, in invoke order
 * @param process the client process
 * @param f the function
 * @param key the key, or null
 * @param value the argument for functions that change the state, the result for reads (the
 *     completion's value when it has one, else the invoke's)
 * @param outcome what is known of its effect
 * @param invoke the invoke entry
 * @param completion the completion entry, or null when there is none
 * @param invokeIndex the invoke's position in the history
 * @param completionIndex the completion's position in the history, or -1 when the operation is open
 */
public record Operation(
    int id,
    long process,
    String f,
    Object key,
    Object value,
    Outcome outcome,
    Op invoke,
    Op completion,
    int invokeIndex,
    int completionIndex) {

  /** Whether the operation has no return: it may be linearized at any time after its invoke. */
  public boolean isOpen() {
    return outcome == Outcome.UNKNOWN;
  }

  /** A short description such as {@code process 3: cas [1 4] failed (etcd_002.log:17)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("process ").append(process).append(": ").append(f);
    if (key != null) {
      sb.append(' ').append(Models.show(key));
    }
    if (value != null) {
      sb.append(' ').append(Models.show(value));
    }
    sb.append(
        switch (outcome) {
          case OK -> "";
          case FAILED -> " failed";
          case UNKNOWN -> " (outcome unknown)";
        });
    String where = invoke.source();
    if (where != null) {
      sb.append(" (").append(where);
      if (completion != null && completion.source() != null) {
        // "file:12-14" rather than "file:12-file:14" when both lines are in one file.
        String end = completion.source();
        String file = where.substring(0, where.lastIndexOf(':') + 1);
        sb.append('-')
            .append(!file.isEmpty() && end.startsWith(file) ? end.substring(file.length()) : end);
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
