package org.unimoj.api.archfixture;

/** Deliberately wrong, for ArchitectureTest only: the API reaching up into the model module. */
public final class ApiUsingModel {
    public Object reach() {
        return new org.unimoj.model.archfixture.ModelUsingAkka();
    }
}
