package org.unimoj.data.world.derived;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;

/** Lookups on one scene that the builders share. */
final class SceneFacts {

    final ImageScene scene;
    final Set<SceneRelation> relations;

    SceneFacts(ImageScene scene) {
        this.scene = scene;
        this.relations = scene.relationSet();
    }

    List<Integer> ofClass(String cls) {
        List<Integer> out = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            if (o.className().equals(cls)) {
                out.add(o.id());
            }
        }
        return out;
    }

    List<Integer> ofClasses(Set<String> classes) {
        List<Integer> out = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            if (classes.contains(o.className())) {
                out.add(o.id());
            }
        }
        return out;
    }

    /** Objects of {@code cls} with every attribute of {@code attrs}. */
    List<Integer> matching(String cls, Map<String, String> attrs) {
        List<Integer> out = new ArrayList<>();
        for (int i : ofClass(cls)) {
            SceneObject o = scene.objects().get(i);
            if (attrs.entrySet().stream().allMatch(e -> e.getValue().equals(o.attribute(e.getKey())))) {
                out.add(i);
            }
        }
        return out;
    }

    boolean holds(int s, String predicate, int o) {
        return s != o && relations.contains(new SceneRelation(s, predicate, o));
    }

    /** Whether {@code predicate} holds between any object of class {@code a} and any of class {@code b}. */
    boolean anyBetweenClasses(String a, String predicate, String b) {
        for (int s : ofClass(a)) {
            for (int o : ofClass(b)) {
                if (holds(s, predicate, o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The objects {@code x} with {@code predicate(x, object)}. */
    List<Integer> subjectsOf(String predicate, int object) {
        List<Integer> out = new ArrayList<>();
        for (SceneRelation r : scene.relations()) {
            if (r.object() == object && r.predicate().equals(predicate)) {
                out.add(r.subject());
            }
        }
        return out;
    }

    /** The objects {@code x} with {@code predicate(subject, x)}. */
    List<Integer> objectsOf(int subject, String predicate) {
        List<Integer> out = new ArrayList<>();
        for (SceneRelation r : scene.relations()) {
            if (r.subject() == subject && r.predicate().equals(predicate)) {
                out.add(r.object());
            }
        }
        return out;
    }

    boolean present(String cls) {
        return !ofClass(cls).isEmpty();
    }

    String cls(int id) {
        return scene.objects().get(id).className();
    }
}
