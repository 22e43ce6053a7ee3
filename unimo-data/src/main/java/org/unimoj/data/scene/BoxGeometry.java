package org.unimoj.data.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * The spatial relations that two boxes imply; the world's definition of "left of", "on top of"
 * and the rest, so that a spatial statement about an image is exactly decidable. With boxes
 * {@code a}, {@code b} (pixels, y down) in a W x H image:
 * <ul>
 *   <li>{@code left of(a, b)}: {@code a.x2 <= b.x1}; {@code right of(a, b)} = {@code left of(b, a)};</li>
 *   <li>{@code above(a, b)}: {@code a.y2 <= b.y1} and the boxes overlap horizontally;
 *       {@code below(a, b)} = {@code above(b, a)};</li>
 *   <li>{@code on top of(a, b)}: a's centre x lies within b, a's top is above b's top, a's bottom
 *       lies in the top 30% of b ({@code b.y1 <= a.y2 <= b.y1 + 0.3 b.h}), and a is smaller than b;</li>
 *   <li>{@code under(a, b)}: a's centre x lies within b, a's top is below the top 30% of b
 *       ({@code a.y1 >= b.y1 + 0.3 b.h}), a's bottom at most 5% of H below b's bottom, and a is
 *       smaller than b;</li>
 *   <li>{@code next to(a, b)} (symmetric): the boxes overlap vertically by at least half the
 *       smaller height, and the horizontal gap between them is at most 5% of W, overlapping by at
 *       most 10% of the narrower width.</li>
 * </ul>
 */
public final class BoxGeometry {

    public static final String LEFT_OF = "left of";
    public static final String RIGHT_OF = "right of";
    public static final String ABOVE = "above";
    public static final String BELOW = "below";
    public static final String ON_TOP_OF = "on top of";
    public static final String UNDER = "under";
    public static final String NEXT_TO = "next to";

    /** The spatial predicates, in a fixed order. */
    public static final List<String> PREDICATES = List.of(LEFT_OF, RIGHT_OF, ABOVE, BELOW, ON_TOP_OF, UNDER, NEXT_TO);

    private BoxGeometry() {}

    public static boolean isSpatial(String predicate) {
        return PREDICATES.contains(predicate);
    }

    /** Whether {@code predicate(a, b)} holds in a {@code w x h} image. */
    public static boolean holds(String predicate, Box a, Box b, int w, int h) {
        switch (predicate) {
            case LEFT_OF: return a.x2() <= b.x1();
            case RIGHT_OF: return b.x2() <= a.x1();
            case ABOVE: return a.y2() <= b.y1() && horizontalOverlap(a, b) > 0;
            case BELOW: return b.y2() <= a.y1() && horizontalOverlap(a, b) > 0;
            case ON_TOP_OF: return onTopOf(a, b);
            case UNDER: return under(a, b, h);
            case NEXT_TO: return nextTo(a, b, w);
            default: throw new IllegalArgumentException("not a spatial predicate: " + predicate);
        }
    }

    static int horizontalOverlap(Box a, Box b) {
        return Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
    }

    static int verticalOverlap(Box a, Box b) {
        return Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
    }

    private static boolean centreWithin(Box a, Box b) {
        int c2 = a.centerX2();
        return c2 >= 2 * b.x1() && c2 <= 2 * b.x2();
    }

    private static boolean onTopOf(Box a, Box b) {
        return centreWithin(a, b) && a.y1() < b.y1() && a.y2() >= b.y1() && a.y2() <= b.y1() + 0.3 * b.height() && a.area() < b.area();
    }

    private static boolean under(Box a, Box b, int h) {
        return centreWithin(a, b) && a.y1() >= b.y1() + 0.3 * b.height() && a.y2() <= b.y2() + 0.05 * h && a.area() < b.area();
    }

    private static boolean nextTo(Box a, Box b, int w) {
        int minH = Math.min(a.height(), b.height());
        if (verticalOverlap(a, b) < 0.5 * minH) {
            return false;
        }
        int gap = Math.max(b.x1() - a.x2(), a.x1() - b.x2());
        int minW = Math.min(a.width(), b.width());
        return gap <= 0.05 * w && gap >= -0.1 * minW;
    }

    /** Every spatial relation among {@code objects}, ordered by subject, object, then predicate order. */
    public static List<SceneRelation> allRelations(List<SceneObject> objects, int w, int h) {
        List<SceneRelation> out = new ArrayList<>();
        for (SceneObject a : objects) {
            for (SceneObject b : objects) {
                if (a.id() == b.id()) {
                    continue;
                }
                for (String p : PREDICATES) {
                    if (holds(p, a.box(), b.box(), w, h)) {
                        out.add(new SceneRelation(a.id(), p, b.id()));
                    }
                }
            }
        }
        return out;
    }
}
