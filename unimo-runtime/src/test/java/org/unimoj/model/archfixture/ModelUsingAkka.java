package org.unimoj.model.archfixture;

import akka.actor.typed.ActorRef;

/** Deliberately wrong, for ArchitectureTest only: a model class that knows Akka. */
public final class ModelUsingAkka {
    public ActorRef<String> ref;
}
