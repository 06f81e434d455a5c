package dev.faultline.sim.fault;

import dev.faultline.sim.RandomStream;
import java.util.ArrayList;
import java.util.List;

/** Draws a partition of a random shape over concrete nodes. */
final class PartitionDraws {
  private PartitionDraws() {}

  static Fault.Partition draw(RandomStream random, List<String> nodes) {
    List<String> shuffled = new ArrayList<>(nodes);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String tmp = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, tmp);
    }
    int n = shuffled.size();
    List<PartitionShape> shapes =
        new ArrayList<>(
            List.of(PartitionShape.ISOLATE, PartitionShape.HALVES, PartitionShape.ONE_WAY));
    if (n >= 3) {
      shapes.add(PartitionShape.BRIDGE);
    }
    if (n >= 5) {
      shapes.add(PartitionShape.MAJORITIES_RING);
    }
    PartitionShape shape = shapes.get(random.nextInt(shapes.size()));
    return switch (shape) {
      case ISOLATE, ONE_WAY ->
          new Fault.Partition(shape, List.of(shuffled.subList(0, 1), shuffled.subList(1, n)));
      case HALVES -> {
        int cut = n / 2; // the smaller side first: a minority and a majority
        yield new Fault.Partition(
            shape,
            List.of(shuffled.subList(0, Math.max(1, cut)), shuffled.subList(Math.max(1, cut), n)));
      }
      case BRIDGE -> {
        int left = (n - 1) / 2;
        yield new Fault.Partition(
            shape,
            List.of(
                shuffled.subList(0, left),
                shuffled.subList(left, left + 1),
                shuffled.subList(left + 1, n)));
      }
      case MAJORITIES_RING -> new Fault.Partition(shape, List.of(shuffled));
    };
  }
}
