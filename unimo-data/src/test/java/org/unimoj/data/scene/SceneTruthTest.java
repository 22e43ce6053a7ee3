package org.unimoj.data.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;

/** The truth of sentences in a hand-made scene, decided by hand. */
class SceneTruthTest {

    // A 640x480 park: a man (0) riding a brown horse (1); two dogs (2, 3), one white and one black; a red ball (4) under a wooden bench (5).
    static final List<SceneObject> OBJECTS = List.of(
            new SceneObject(0, "man", Map.of("size", "large"), new Box(100, 60, 180, 260)),
            new SceneObject(1, "horse", Map.of("colour", "brown"), new Box(60, 150, 300, 400)),
            new SceneObject(2, "dog", Map.of("colour", "white"), new Box(330, 330, 420, 400)),
            new SceneObject(3, "dog", Map.of("colour", "black"), new Box(430, 330, 520, 400)),
            new SceneObject(4, "ball", Map.of("colour", "red"), new Box(560, 370, 590, 400)),
            new SceneObject(5, "bench", Map.of("colour", "green", "material", "wooden"), new Box(530, 300, 630, 410)));

    static ImageScene scene() {
        List<SceneRelation> rel = new ArrayList<>(List.of(new SceneRelation(0, "riding", 1)));
        rel.addAll(BoxGeometry.allRelations(OBJECTS, 640, 480));
        return new ImageScene("1", "train", "x.jpg", 640, 480, "park", OBJECTS, rel, List.of(), List.of());
    }

    static final SceneTruth T = SceneTruth.world();

    /** Builds a graph from entity specs "name/count[/adj...]" and relations "s predicate o". */
    static SceneGraph graph(List<String> entities, List<Object[]> relations) {
        List<SceneGraph.Entity> es = new ArrayList<>();
        List<SceneGraph.Attribute> as = new ArrayList<>();
        int i = 0;
        for (String e : entities) {
            String[] p = e.split("/");
            es.add(new SceneGraph.Entity(p[0], Integer.parseInt(p[1]), new Span(i, i + 1)));
            for (int k = 2; k < p.length; k++) {
                as.add(new SceneGraph.Attribute(es.size() - 1, p[k], new Span(i, i + 1)));
            }
            i++;
        }
        List<SceneGraph.Relation> rs = new ArrayList<>();
        for (Object[] r : relations) {
            rs.add(new SceneGraph.Relation((Integer) r[0], (String) r[1], (Integer) r[2], new Span(0, 1)));
        }
        return new SceneGraph(List.of("x", "x", "x", "x"), es, as, rs);
    }

    static Truth eval(List<String> entities, Object[]... relations) {
        return T.evaluate(scene(), graph(entities, List.of(relations)));
    }

    @Test
    void geometryOfTheHandMadeScene() {
        ImageScene s = scene();
        assertTrue(s.relationSet().contains(new SceneRelation(4, BoxGeometry.UNDER, 5)), "the ball is under the bench");
        assertTrue(s.relationSet().contains(new SceneRelation(2, BoxGeometry.NEXT_TO, 3)), "the dogs are next to each other");
        assertTrue(s.relationSet().contains(new SceneRelation(2, BoxGeometry.LEFT_OF, 3)));
        assertTrue(s.relationSet().contains(new SceneRelation(3, BoxGeometry.RIGHT_OF, 2)));
        assertFalse(s.relationSet().contains(new SceneRelation(5, BoxGeometry.ON_TOP_OF, 4)), "under is not the inverse of on top of");
    }

    @Test
    void existenceAttributesAndSynonyms() {
        assertEquals(Truth.TRUE, eval(List.of("horse/1/brown")));
        assertEquals(Truth.TRUE, eval(List.of("guy/1/big")), "synonyms of class and value");
        assertEquals(Truth.TRUE, eval(List.of("animal/1")), "hypernym");
        assertEquals(Truth.FALSE, eval(List.of("horse/1/white")));
        assertEquals(Truth.FALSE, eval(List.of("giraffe/1")));
        assertEquals(Truth.FALSE, eval(List.of("horse/1/brown/white")), "two colours at once");
        assertEquals(Truth.FALSE, eval(List.of("bench/1/metal")));
    }

    @Test
    void countsAreExactForNumeralsAndAtLeastTwoOtherwise() {
        assertEquals(Truth.TRUE, eval(List.of("dog/2")));
        assertEquals(Truth.FALSE, eval(List.of("dog/3")));
        assertEquals(Truth.TRUE, eval(List.of("dog/0")), "dogs");
        assertEquals(Truth.FALSE, eval(List.of("dog/0/white")), "only one white dog");
        assertEquals(Truth.TRUE, eval(List.of("animal/3")), "a horse and two dogs");
        assertEquals(Truth.FALSE, eval(List.of("person/2")));
    }

    @Test
    void relationsAreExistentialForSingularsAndDistributiveForGroups() {
        assertEquals(Truth.TRUE, eval(List.of("man/1", "horse/1"), new Object[] {0, "riding", 1}));
        assertEquals(Truth.FALSE, eval(List.of("horse/1", "man/1"), new Object[] {0, "riding", 1}), "roles swapped");
        assertEquals(Truth.TRUE, eval(List.of("dog/1/white", "dog/1/black"), new Object[] {0, BoxGeometry.LEFT_OF, 1}));
        assertEquals(Truth.FALSE, eval(List.of("dog/1/black", "dog/1/white"), new Object[] {0, BoxGeometry.LEFT_OF, 1}));
        assertEquals(Truth.TRUE, eval(List.of("dog/1", "dog/1"), new Object[] {0, BoxGeometry.LEFT_OF, 1}), "some dog left of another dog");
        assertEquals(Truth.FALSE, eval(List.of("dog/1", "dog/1"), new Object[] {0, BoxGeometry.NEXT_TO, 0}), "a thing and itself");
        assertEquals(Truth.TRUE, eval(List.of("dog/2", "horse/1"), new Object[] {0, BoxGeometry.RIGHT_OF, 1}), "both dogs right of the horse");
        assertEquals(Truth.FALSE, eval(List.of("dog/2", "ball/1"), new Object[] {0, BoxGeometry.NEXT_TO, 1}), "not both dogs next to the ball");
        assertEquals(Truth.TRUE, eval(List.of("ball/1/red", "bench/1/wooden"), new Object[] {0, BoxGeometry.UNDER, 1}));
        assertEquals(Truth.FALSE, eval(List.of("man/1", "horse/1"), new Object[] {0, "holding", 1}), "closed world");
    }

    @Test
    void whatNoImageShowsIsUnknownUnlessTheRestIsFalse() {
        assertEquals(Truth.UNKNOWN, eval(List.of("horse/1/hungry")));
        assertEquals(Truth.FALSE, eval(List.of("zebra/1/hungry")));
        assertEquals(Truth.UNKNOWN, eval(List.of("man/1", "horse/1"), new Object[] {0, "waiting for", 1}));
        assertEquals(Truth.FALSE, eval(List.of("man/1", "horse/1/white"), new Object[] {0, "waiting for", 1}));
        assertEquals(Truth.UNKNOWN, eval(List.of("unicorn/1")), "a word outside the world");
    }
}
