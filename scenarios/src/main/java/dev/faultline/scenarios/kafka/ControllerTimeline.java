package dev.faultline.scenarios.kafka;

import dev.faultline.scenarios.Knobs;

/**
 * When {@code kafka-controller}'s three experiments strike, fixed before the run from the knobs:
 * the active controller crashes at {@code controllerCrash}, a broker crashes at {@code
 * brokerCrash}, another is told to shut down cleanly at {@code shutdownSignal}. Each window is long
 * enough for the slowest mode to finish: a session timeout to notice, and in ZooKeeper mode the
 * ensemble's time to read (a new controller) or write (a broker's partitions) every state znode.
 * Fixed times keep the run replayable from its printed schedule.
 */
record ControllerTimeline(
    long controllerCrash,
    long controllerRestart,
    long brokerCrash,
    long brokerRestart,
    long shutdownSignal,
    long shutdownExit,
    long end) {

  static ControllerTimeline of(Knobs k) {
    int partitions = k.getInt("partitions");
    boolean zk = k.get("controller").equals("zk");
    long session = KafkaKnobs.micros(k, "broker.session.timeout.ms");
    long zkSession = KafkaKnobs.micros(k, "zookeeper.session.timeout.ms");
    long settle = 5_000_000 / k.getLong("time-scale");
    long load = zk ? k.getLong("zk-read-us") * (long) partitions : 0;
    long write = zk ? k.getLong("zk-write-us") * (long) partitions : 0;
    long fetch = KafkaKnobs.micros(k, "controller.quorum.fetch.timeout.ms");
    long notice = zk ? zkSession : Math.max(session, 3 * fetch);
    long ready = settle + (zk ? zkSession / 4 + load : 0);
    long controllerCrash = ready;
    long controllerRestart = controllerCrash + notice + load + write + settle;
    long brokerCrash = controllerRestart + settle;
    long brokerRestart = brokerCrash + (zk ? zkSession : session) + write + settle;
    long shutdownSignal = brokerRestart + settle + write;
    long shutdownExit =
        shutdownSignal + 2 * k.getLong("broker.heartbeat.interval.ms") * 1000 + write + settle;
    return new ControllerTimeline(
        controllerCrash,
        controllerRestart,
        brokerCrash,
        brokerRestart,
        shutdownSignal,
        shutdownExit,
        shutdownExit + settle);
  }
}
