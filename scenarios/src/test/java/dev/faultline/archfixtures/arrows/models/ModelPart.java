package dev.faultline.archfixtures.arrows.models;

/** A class of the fixture models module. */
public final class ModelPart {}
