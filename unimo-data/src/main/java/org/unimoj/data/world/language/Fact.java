package org.unimoj.data.world.language;

/** A relation to state between two mentions; the predicate is canonical. */
public record Fact(Mention subject, String predicate, Mention object) {}
