package dev.faultline.archfixtures.arrows.sim;

/** A class of the fixture sim module. */
public final class SimPart {}
