package dev.faultline.checker.format;

import dev.faultline.checker.history.Op;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a reader found in a file: the operations, the fields of each operation beyond the ones an
 * {@link Op} holds (by operation index; only operations that have some), and the Faultline header,
 * if the file has one.
 */
record Parsed(List<Op> ops, SortedMap<Integer, Map<String, Object>> extras, HistoryHeader header) {}
