package dev.faultline.archfixtures.arrows.scenarios;

/** A class of the fixture scenarios module. */
public final class ScenarioPart {}
