package dev.faultline.scenarios.dynamo;

import dev.faultline.models.ring.store.ClientOp;
import dev.faultline.sim.fault.FaultSchedule;
import java.util.List;
import java.util.stream.Collectors;

/** A client's operation with the client's name: what explanations print. */
record Op(String client, ClientOp op) {

  /** E.g. {@code c2 write k1 2000007 ok [1.204113s, 1.206529s] via n3}. */
  String describe() {
    StringBuilder sb = new StringBuilder(client).append(op.write() ? " write " : " read ");
    sb.append(op.key());
    if (op.write()) {
      sb.append(' ').append(op.value());
    } else if (op.status() != null && op.status().name().equals("OK")) {
      sb.append(" -> ").append(readText(op.read()));
    }
    sb.append(' ')
        .append(
            op.status() == null
                ? "timed out"
                : op.status().name().toLowerCase(java.util.Locale.ROOT))
        .append(" [")
        .append(FaultSchedule.formatTime(op.invokeMicros()))
        .append(", ")
        .append(FaultSchedule.formatTime(op.completeMicros()))
        .append("] via ")
        .append(op.coordinator());
    return sb.toString();
  }

  static String readText(List<Long> values) {
    if (values.isEmpty()) {
      return "nil";
    }
    if (values.size() == 1) {
      return values.get(0).toString();
    }
    return values.stream().map(String::valueOf).collect(Collectors.joining(" ", "siblings [", "]"));
  }
}
