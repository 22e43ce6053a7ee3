package org.unimoj.api.text;

import java.util.List;
import java.util.Objects;

/**
 * The scene graph of a sentence: its objects, their attributes and the relations between them,
 * each tied to the tokens that express it. Objects are referred to by their index in
 * {@link #objects()}.
 *
 * @param tokens     the sentence's tokens that the spans index
 * @param objects    the entities (head nouns, lemmatised)
 * @param attributes properties of objects
 * @param relations  subject-predicate-object triples between objects
 */
public record SceneGraph(List<String> tokens, List<Entity> objects, List<Attribute> attributes, List<Relation> relations) {

    public SceneGraph {
        tokens = List.copyOf(tokens);
        objects = List.copyOf(objects);
        attributes = List.copyOf(attributes);
        relations = List.copyOf(relations);
        for (Attribute a : attributes) {
            checkObject(a.object(), objects.size());
        }
        for (Relation r : relations) {
            checkObject(r.subject(), objects.size());
            checkObject(r.object(), objects.size());
        }
    }

    private static void checkObject(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("object index " + index + " out of range (" + size + " objects)");
        }
    }

    /**
     * An object of the scene.
     *
     * @param name  the lemma of its head noun ("dog", not "dogs")
     * @param count how many the sentence says there are (1 for "a dog", 2 for "two dogs"; 0 if unstated plural)
     * @param span  the tokens of its head noun
     */
    public record Entity(String name, int count, Span span) {
        public Entity {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A property ("red", "wooden", "small") of object {@code object}. */
    public record Attribute(int object, String value, Span span) {
        public Attribute {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A relation ("on top of", "holding") from {@code subject} to {@code object}. */
    public record Relation(int subject, String predicate, int object, Span span) {
        public Relation {
            Objects.requireNonNull(predicate, "predicate");
        }
    }
}
