package org.unimoj.data.scene;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The spatial rules on boxes drawn by hand in a 400 x 300 image. */
class BoxGeometryTest {

    static boolean h(String p, Box a, Box b) {
        return BoxGeometry.holds(p, a, b, 400, 300);
    }

    @Test
    void leftRightAboveBelow() {
        Box a = new Box(10, 100, 60, 200), b = new Box(60, 120, 120, 220);
        assertTrue(h(BoxGeometry.LEFT_OF, a, b), "touching edges still left of");
        assertTrue(h(BoxGeometry.RIGHT_OF, b, a));
        assertFalse(h(BoxGeometry.LEFT_OF, a, new Box(59, 0, 80, 10)), "overlapping by a pixel is not left of");
        Box sky = new Box(30, 0, 90, 40);
        assertTrue(h(BoxGeometry.ABOVE, sky, a));
        assertTrue(h(BoxGeometry.BELOW, a, sky));
        assertFalse(h(BoxGeometry.ABOVE, new Box(200, 0, 250, 40), a), "above needs horizontal overlap");
    }

    @Test
    void onTopOfAndUnder() {
        Box table = new Box(100, 150, 300, 250);
        Box cup = new Box(150, 120, 170, 160);
        assertTrue(h(BoxGeometry.ON_TOP_OF, cup, table));
        assertFalse(h(BoxGeometry.ABOVE, cup, table), "resting on the table is not above it");
        assertFalse(h(BoxGeometry.ON_TOP_OF, new Box(150, 100, 170, 140), table), "floating over it");
        assertFalse(h(BoxGeometry.ON_TOP_OF, new Box(150, 120, 170, 200), table), "bottom below the top 30%");
        assertFalse(h(BoxGeometry.ON_TOP_OF, new Box(290, 120, 340, 160), table), "centre outside the table");
        Box cat = new Box(180, 200, 240, 250);
        assertTrue(h(BoxGeometry.UNDER, cat, table));
        assertFalse(h(BoxGeometry.UNDER, new Box(180, 170, 240, 250), table), "top inside the top 30%");
        assertFalse(h(BoxGeometry.UNDER, table, cat), "the bigger one is not under");
    }

    @Test
    void nextTo() {
        Box a = new Box(10, 100, 60, 200);
        assertTrue(h(BoxGeometry.NEXT_TO, a, new Box(70, 120, 120, 210)), "gap 10 <= 5% of 400");
        assertFalse(h(BoxGeometry.NEXT_TO, a, new Box(90, 120, 140, 210)), "gap 30 > 20");
        assertFalse(h(BoxGeometry.NEXT_TO, a, new Box(70, 180, 120, 290)), "too little vertical overlap");
        assertFalse(h(BoxGeometry.NEXT_TO, a, new Box(30, 100, 80, 200)), "overlapping too much");
        assertTrue(h(BoxGeometry.NEXT_TO, new Box(70, 120, 120, 210), a), "symmetric");
    }
}
