package dev.faultline.models.producer;

import dev.faultline.models.replog.GroupMessage.Assignment;
import dev.faultline.models.replog.GroupMessage.JoinedMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The group leader's assignment strategies ({@code partition.assignment.strategy}) over one topic's
 * partitions, restated from Kafka's {@code RangeAssignor} and {@code CooperativeStickyAssignor}.
 */
public final class Assignors {
  private Assignors() {}

  /**
   * {@code range} (eager): members in member id order take consecutive ranges; the first {@code n %
   * m} members take one partition more (Kafka's {@code RangeAssignor}, one topic).
   */
  public static List<Assignment> range(List<JoinedMember> members, List<Integer> partitions) {
    List<JoinedMember> sorted = sorted(members);
    int m = sorted.size();
    int n = partitions.size();
    List<Assignment> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < m; i++) {
      int count = n / m + (i < n % m ? 1 : 0);
      out.add(new Assignment(sorted.get(i).memberId(), partitions.subList(next, next + count)));
      next += count;
    }
    return out;
  }

  /**
   * {@code cooperative-sticky}: a balanced assignment that keeps each member's owned partitions as
   * far as its quota allows (the sticky part), then hands the rest to the members with fewest. A
   * partition that would move from one member to another is left out this round: its owner revokes
   * it and rejoins, and the next rebalance assigns it (the cooperative protocol, KIP-429).
   */
  public static List<Assignment> cooperativeSticky(
      List<JoinedMember> members, List<Integer> partitions) {
    List<JoinedMember> sorted = sorted(members);
    int m = sorted.size();
    int n = partitions.size();
    int floor = n / m;
    int extra = n % m;
    Map<String, List<Integer>> target = new TreeMap<>();
    Map<Integer, String> owner = new TreeMap<>();
    List<Integer> free = new ArrayList<>(partitions);
    for (JoinedMember jm : sorted) {
      List<Integer> mine = new ArrayList<>();
      for (int p : jm.owned()) {
        if (free.contains(p) && !owner.containsKey(p)) {
          owner.put(p, jm.memberId());
        }
      }
      target.put(jm.memberId(), mine);
    }
    // Keep owned partitions up to the quota: floor, or floor + 1 while extra slots remain.
    int extraLeft = extra;
    for (JoinedMember jm : sorted) {
      List<Integer> mine = target.get(jm.memberId());
      int quota = floor + (extraLeft > 0 ? 1 : 0);
      for (int p : jm.owned()) {
        if (jm.memberId().equals(owner.get(p)) && mine.size() < quota && free.remove((Integer) p)) {
          mine.add(p);
        }
      }
      if (mine.size() > floor) {
        extraLeft--;
      }
    }
    for (int p : List.copyOf(free)) {
      String least = null;
      for (JoinedMember jm : sorted) {
        List<Integer> mine = target.get(jm.memberId());
        if (least == null || mine.size() < target.get(least).size()) {
          least = jm.memberId();
        }
      }
      target.get(least).add(p);
    }
    List<Assignment> out = new ArrayList<>();
    for (JoinedMember jm : sorted) {
      List<Integer> mine = new ArrayList<>();
      for (int p : target.get(jm.memberId())) {
        String was = owner.get(p);
        if (was == null || was.equals(jm.memberId())) {
          mine.add(p); // a partition changing hands waits for its owner to revoke it
        }
      }
      mine.sort(Integer::compare);
      out.add(new Assignment(jm.memberId(), mine));
    }
    return out;
  }

  private static List<JoinedMember> sorted(List<JoinedMember> members) {
    List<JoinedMember> sorted = new ArrayList<>(members);
    sorted.sort((a, b) -> a.memberId().compareTo(b.memberId()));
    return sorted;
  }
}
