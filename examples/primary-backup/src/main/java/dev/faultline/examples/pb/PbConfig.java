package dev.faultline.examples.pb;

import java.util.List;

/**
 * The store's configuration.
 *
 * @param primary the primary's node name
 * @param backups the backups' node names
 * @param retryMicros how often the primary resends what a backup has not answered
 * @param asyncReplication the bug flag: acknowledge a write at once and replicate it later
 */
public record PbConfig(
    String primary, List<String> backups, long retryMicros, boolean asyncReplication) {
  public PbConfig {
    backups = List.copyOf(backups);
  }
}
