package dev.faultline.models.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.models.replog.GroupMessage.Assignment;
import dev.faultline.models.replog.GroupMessage.JoinedMember;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignorsTest {
  private static final List<Integer> SIX = List.of(0, 1, 2, 3, 4, 5);

  private static JoinedMember member(String id, Integer... owned) {
    return new JoinedMember(id, null, List.of(owned));
  }

  @Test
  void rangeGivesConsecutiveRangesAndTheRemainderToTheFirstMembers() {
    List<Assignment> a =
        Assignors.range(List.of(member("c"), member("a"), member("b"), member("d")), SIX);
    assertEquals(
        List.of(
            new Assignment("a", List.of(0, 1)),
            new Assignment("b", List.of(2, 3)),
            new Assignment("c", List.of(4)),
            new Assignment("d", List.of(5))),
        a);
  }

  @Test
  void cooperativeStickyKeepsOwnedPartitionsAndHoldsBackThoseThatMustMove() {
    // a owned everything; b joins. a keeps three; the three that go to b wait for a to revoke them.
    List<Assignment> first =
        Assignors.cooperativeSticky(List.of(member("a", 0, 1, 2, 3, 4, 5), member("b")), SIX);
    assertEquals(
        List.of(new Assignment("a", List.of(0, 1, 2)), new Assignment("b", List.of())), first);
    // a rejoins owning only what it kept: now b gets the rest.
    List<Assignment> second =
        Assignors.cooperativeSticky(List.of(member("a", 0, 1, 2), member("b")), SIX);
    assertEquals(
        List.of(new Assignment("a", List.of(0, 1, 2)), new Assignment("b", List.of(3, 4, 5))),
        second);
  }

  @Test
  void cooperativeStickyGivesAGoneMembersPartitionsToTheOthersAtOnce() {
    List<Assignment> a =
        Assignors.cooperativeSticky(List.of(member("a", 0, 1), member("c", 4, 5)), SIX);
    assertEquals(
        List.of(new Assignment("a", List.of(0, 1, 2)), new Assignment("c", List.of(3, 4, 5))), a);
  }
}
