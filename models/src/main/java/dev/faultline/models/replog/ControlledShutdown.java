package dev.faultline.models.replog;

import dev.faultline.sim.Message;

/**
 * The signal an operator sends a broker to stop it cleanly (Kafka's SIGTERM): the broker asks its
 * controller to move its leaderships away first, and stops once the controller says it may.
 */
public record ControlledShutdown() implements Message {}
