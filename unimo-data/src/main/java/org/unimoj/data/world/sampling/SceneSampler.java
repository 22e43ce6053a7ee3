package org.unimoj.data.world.sampling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.unimoj.data.scene.Box;
import org.unimoj.data.scene.BoxGeometry;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;

/**
 * Lays out one scene: a setting, 2-8 objects with attributes, ground objects side by side on a
 * ground line, and dependent objects placed where their relation puts them (a rider on its
 * mount, a cup on a table, a hat on a head, a cat under a table...). The stated relations
 * ("riding", "holding"...) come from those placements; the spatial ones are then derived from the
 * final boxes by {@link BoxGeometry}, so every relation of the scene is consistent with its boxes.
 */
public final class SceneSampler {

    private static final int[][] IMAGE_SIZES = {{640, 480}, {640, 427}, {500, 375}, {480, 640}, {612, 612}, {640, 360}};
    private static final Map<String, Double> SIZE_FACTOR = Map.of("tiny", 0.6, "small", 0.8, "large", 1.25, "huge", 1.5);

    private final Ontology ontology;

    public SceneSampler(Ontology ontology) {
        this.ontology = ontology;
    }

    /** A placed object while the scene is built. */
    private static final class Obj {
        final String cls;
        final Map<String, String> attrs;
        double x1, y1, x2, y2;
        boolean hasRider;
        int held;
        final Map<String, Boolean> wears = new HashMap<>();

        Obj(String cls, Map<String, String> attrs) {
            this.cls = cls;
            this.attrs = attrs;
        }

        double w() {
            return x2 - x1;
        }

        double h() {
            return y2 - y1;
        }

        double cx() {
            return (x1 + x2) / 2;
        }

        void place(double cx, double bottom, double w, double h) {
            x1 = cx - w / 2;
            x2 = cx + w / 2;
            y2 = bottom;
            y1 = bottom - h;
        }
    }

    private final class Build {
        final SplittableRandom r;
        final Ontology.Setting setting;
        final int width, height;
        final List<Obj> objs = new ArrayList<>();
        final List<int[]> stated = new ArrayList<>();
        final List<String> statedPredicates = new ArrayList<>();

        Build(SplittableRandom r) {
            this.r = r;
            List<Ontology.Setting> settings = ontology.settings();
            this.setting = settings.get(r.nextInt(settings.size()));
            int[] size = IMAGE_SIZES[r.nextInt(IMAGE_SIZES.length)];
            this.width = size[0];
            this.height = size[1];
        }

        double u(double a, double b) {
            return a + (b - a) * r.nextDouble();
        }

        /** A centre x that keeps a box of width {@code w} inside the image. */
        double insideX(double cx, double w) {
            return Math.max(w / 2, Math.min(width - w / 2, cx));
        }

        <T> T pick(List<T> xs) {
            return xs.get(r.nextInt(xs.size()));
        }

        Obj create(String cls) {
            Ontology.ClassSpec s = ontology.spec(cls);
            Map<String, String> attrs = new LinkedHashMap<>();
            if (!s.colours().isEmpty()) {
                attrs.put("colour", pick(s.colours()));
            }
            if (!s.sizes().isEmpty() && r.nextDouble() < (s.sizes().size() == 2 ? 0.35 : 0.45)) {
                attrs.put("size", pick(s.sizes()));
            }
            if (!s.materials().isEmpty() && r.nextDouble() < s.materialP()) {
                attrs.put("material", pick(s.materials()));
            }
            if (!s.patterns().isEmpty() && r.nextDouble() < s.patternP()) {
                attrs.put("pattern", pick(s.patterns()));
            }
            Obj o = new Obj(cls, attrs);
            objs.add(o);
            return o;
        }

        /** Usual width and height in pixels, scaled by the size attribute and a little jitter. */
        double[] dims(Obj o, double scale) {
            Ontology.ClassSpec s = ontology.spec(o.cls);
            double f = SIZE_FACTOR.getOrDefault(o.attrs.getOrDefault("size", ""), 1.0) * u(0.88, 1.12) * scale;
            return new double[] {s.width() * height * f, s.height() * height * f};
        }

        void relate(Obj s, String predicate, Obj o) {
            stated.add(new int[] {objs.indexOf(s), objs.indexOf(o)});
            statedPredicates.add(predicate);
        }
    }

    public ImageScene sample(SplittableRandom r, String imageId, String split, String fileName) {
        Build b = new Build(r);
        int n = 2 + r.nextInt(7);
        int anchors = Math.max(1, Math.min(n, 1 + r.nextInt(3)));
        layoutAnchors(b, anchors);
        int guard = 0;
        while (b.objs.size() < n && guard++ < 60) {
            addDependent(b);
        }
        if (r.nextDouble() < 0.3) {
            addLooking(b);
        }
        return finish(b, imageId, split, fileName);
    }

    private void layoutAnchors(Build b, int count) {
        List<Obj> anchors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String cls = !anchors.isEmpty() && b.r.nextDouble() < 0.3 ? anchors.get(b.r.nextInt(anchors.size())).cls : b.pick(b.setting.anchors());
            anchors.add(b.create(cls));
        }
        double[][] d = new double[count][];
        double total = 0;
        double[] gaps = new double[count];
        for (int i = 0; i < count; i++) {
            d[i] = b.dims(anchors.get(i), 1.0);
            d[i][0] = Math.min(d[i][0], 0.9 * b.width);
            d[i][1] = Math.min(d[i][1], 0.85 * b.height);
            gaps[i] = i == 0 ? 0 : b.u(0.0, 0.12) * b.width;
            total += d[i][0] + gaps[i];
        }
        double scale = total > 0.96 * b.width ? 0.96 * b.width / total : 1.0;
        double x = b.u(0, b.width - total * scale);
        double ground = b.u(0.82, 0.98) * b.height;
        for (int i = 0; i < count; i++) {
            x += gaps[i] * scale;
            double w = d[i][0] * scale, h = d[i][1] * scale;
            anchors.get(i).place(x + w / 2, ground - b.u(0, 0.04) * b.height, w, h);
            x += w;
        }
    }

    private List<Obj> of(Build b, java.util.function.Predicate<Obj> p) {
        List<Obj> out = new ArrayList<>();
        for (Obj o : b.objs) {
            if (p.test(o)) {
                out.add(o);
            }
        }
        return out;
    }

    private boolean isPerson(Obj o) {
        return o.cls.equals("man") || o.cls.equals("woman") || o.cls.equals("boy") || o.cls.equals("girl");
    }

    private String smallOf(Build b, java.util.Collection<String> allowed) {
        List<String> inSetting = new ArrayList<>();
        for (String s : b.setting.smalls()) {
            if (allowed.contains(s)) {
                inSetting.add(s);
            }
        }
        if (!inSetting.isEmpty() && b.r.nextDouble() < 0.85) {
            return b.pick(inSetting);
        }
        return b.pick(new ArrayList<>(allowed));
    }

    private void addDependent(Build b) {
        Ontology o = ontology;
        int kind = b.r.nextInt(13);
        switch (kind) {
            case 0: case 1: { // wearing
                List<Obj> people = of(b, p -> isPerson(p) && p.wears.size() < 3);
                if (people.isEmpty()) return;
                Obj p = b.pick(people);
                List<String> free = new ArrayList<>();
                for (String c : List.of("hat", "shirt", "jacket", "scarf")) {
                    if (!p.wears.containsKey(c) && !(c.equals("jacket") && p.wears.containsKey("shirt")) && !(c.equals("shirt") && p.wears.containsKey("jacket"))) {
                        free.add(c);
                    }
                }
                if (free.isEmpty()) return;
                String c = b.pick(free);
                Obj item = b.create(c);
                p.wears.put(c, true);
                switch (c) {
                    case "hat": item.place(p.cx(), p.y1 + 0.1 * p.h(), 0.45 * p.w(), 0.13 * p.h()); break;
                    case "shirt": item.place(p.cx(), p.y1 + 0.5 * p.h(), 0.8 * p.w(), 0.32 * p.h()); break;
                    case "jacket": item.place(p.cx(), p.y1 + 0.56 * p.h(), 0.92 * p.w(), 0.4 * p.h()); break;
                    default: item.place(p.cx(), p.y1 + 0.24 * p.h(), 0.5 * p.w(), 0.08 * p.h()); break;
                }
                b.relate(p, "wearing", item);
                return;
            }
            case 2: case 3: { // holding
                List<Obj> people = of(b, p -> isPerson(p) && p.held < 2 && !p.hasRider);
                if (people.isEmpty()) return;
                Obj p = b.pick(people);
                String c = smallOf(b, o.objects("holding"));
                Obj item = b.create(c);
                double[] d = b.dims(item, Math.max(0.6, p.h() / (0.58 * b.height)));
                boolean right = p.held == 0 ? b.r.nextBoolean() : true;
                if (c.equals("umbrella")) {
                    item.place(p.cx(), p.y1 + 0.08 * p.h(), d[0], d[1]);
                } else if (c.equals("surfboard") || c.equals("skateboard")) {
                    double w = d[1] * 1.5, h = Math.min(d[0], 0.9 * p.h());
                    item.place(right ? p.x2 + 0.3 * w : p.x1 - 0.3 * w, p.y2 - 0.02 * p.h(), w, h);
                } else {
                    item.place(right ? p.x2 - 0.1 * d[0] : p.x1 + 0.1 * d[0], p.y1 + 0.55 * p.h() + d[1] / 2, d[0], d[1]);
                }
                p.held++;
                b.relate(p, "holding", item);
                return;
            }
            case 4: { // riding: a new rider on a mount, or a board under a person
                List<Obj> mounts = of(b, m -> !m.hasRider && (m.cls.equals("horse") || m.cls.equals("elephant") || m.cls.equals("bicycle")
                        || m.cls.equals("motorcycle")));
                if (!mounts.isEmpty()) {
                    Obj m = b.pick(mounts);
                    Obj rider = b.create(b.pick(List.of("man", "woman", "boy", "girl")));
                    double[] d = b.dims(rider, 1.0);
                    rider.place(m.cx() + b.u(-0.1, 0.1) * m.w(), m.y1 + 0.45 * m.h(), 0.75 * d[0], Math.min(0.75 * d[1], 0.95 * m.y1 + 0.45 * m.h()));
                    m.hasRider = true;
                    rider.hasRider = true;
                    b.relate(rider, "riding", m);
                    return;
                }
                List<Obj> people = of(b, p -> isPerson(p) && !p.hasRider && p.held == 0);
                if (people.isEmpty()) return;
                Obj p = b.pick(people);
                Obj board = b.create(b.setting.name().equals("beach") ? "surfboard" : "skateboard");
                double[] d = b.dims(board, 1.0);
                board.place(p.cx(), Math.min(b.height, p.y2 + 0.6 * d[1]), Math.max(d[0], 1.1 * p.w()), d[1]);
                p.hasRider = true;
                b.relate(p, "riding", board);
                return;
            }
            case 5: { // sitting on furniture
                List<Obj> seats = of(b, s -> List.of("chair", "bench", "couch", "bed").contains(s.cls));
                if (seats.isEmpty()) return;
                Obj s = b.pick(seats);
                Obj sitter = b.create(b.pick(List.of("man", "woman", "boy", "girl", "dog", "cat")));
                double[] d = b.dims(sitter, 1.0);
                sitter.place(s.x1 + b.u(0.3, 0.7) * s.w(), s.y1 + 0.5 * s.h(), Math.min(0.8 * d[0], 0.9 * s.w()), 0.72 * d[1]);
                b.relate(sitter, "sitting on", s);
                return;
            }
            case 6: case 7: { // something on top of a support
                List<Obj> supports = of(b, s -> ontology.spec(s.cls).placement() == Ontology.Placement.SUPPORT);
                if (supports.isEmpty()) {
                    addFree(b);
                    return;
                }
                Obj s = b.pick(supports);
                List<String> items = List.of("cup", "bottle", "bowl", "plate", "vase", "pizza", "cake", "sandwich", "apple", "banana", "donut", "book",
                        "laptop", "phone", "bag", "cat", "ball");
                Obj item = b.create(smallOf(b, items));
                double[] d = b.dims(item, 1.0);
                double w = Math.min(d[0], 0.6 * s.w()), h = Math.min(d[1], 0.8 * s.h());
                item.place(s.x1 + b.u(0.2, 0.8) * s.w(), s.y1 + b.u(0.0, Math.min(0.15 * s.h(), 0.6 * h)), w, h);
                return;
            }
            case 8: { // something under a table, desk, bench or chair
                List<Obj> tops = of(b, s -> List.of("table", "desk", "bench", "chair", "bed").contains(s.cls));
                if (tops.isEmpty()) {
                    addFree(b);
                    return;
                }
                Obj s = b.pick(tops);
                Obj item = b.create(b.pick(List.of("cat", "dog", "ball", "bag")));
                double[] d = b.dims(item, 1.0);
                double w = Math.min(d[0], 0.7 * s.w()), h = Math.min(d[1], 0.5 * s.h());
                item.place(s.x1 + b.u(0.3, 0.7) * s.w(), s.y2 - b.u(0, 0.1) * s.h(), w, h);
                return;
            }
            case 9: { // eating
                List<Obj> eaters = of(b, e -> ontology.subjects("eating").contains(e.cls));
                if (eaters.isEmpty()) return;
                Obj e = b.pick(eaters);
                Obj food = b.create(smallOf(b, ontology.objects("eating")));
                double[] d = b.dims(food, 1.0);
                if (isPerson(e)) {
                    food.place(e.cx() + b.u(-0.3, 0.3) * e.w(), e.y1 + 0.3 * e.h(), d[0], d[1]);
                } else {
                    boolean right = b.r.nextBoolean();
                    food.place(right ? e.x2 : e.x1, e.y1 + 0.4 * e.h(), d[0], d[1]);
                }
                b.relate(e, "eating", food);
                return;
            }
            case 10: { // playing with, chasing, walking
                int which = b.r.nextInt(3);
                String pred = which == 0 ? "playing with" : which == 1 ? "chasing" : "walking";
                List<Obj> subjects = of(b, e -> ontology.subjects(pred).contains(e.cls) && !e.hasRider);
                if (subjects.isEmpty()) return;
                Obj s = b.pick(subjects);
                List<String> allowed = new ArrayList<>(ontology.objects(pred));
                allowed.remove(s.cls);
                Obj t = b.create(which == 2 ? b.pick(allowed) : smallOf(b, allowed));
                double[] d = b.dims(t, 1.0);
                boolean right = b.r.nextBoolean();
                if (t.cls.equals("kite")) {
                    t.place(s.cx() + b.u(-0.2, 0.2) * b.width, b.u(0.05, 0.3) * b.height + d[1], d[0], d[1]);
                } else {
                    double gap = (which == 1 ? b.u(0.03, 0.15) : b.u(0.0, 0.03)) * b.width;
                    if (right && s.x2 + gap + d[0] > b.width || !right && s.x1 - gap - d[0] < 0) {
                        right = !right;
                    }
                    double cx = right ? s.x2 + gap + d[0] / 2 : s.x1 - gap - d[0] / 2;
                    t.place(b.insideX(cx, d[0]), s.y2 - b.u(0, 0.02) * b.height, d[0], d[1]);
                }
                b.relate(s, pred, t);
                return;
            }
            case 11: { // in the sky
                String c = b.pick(List.of("bird", "kite", "airplane"));
                Obj t = b.create(c);
                double[] d = b.dims(t, c.equals("airplane") ? 0.6 : 1.0);
                t.place(b.u(0.1, 0.9) * b.width, b.u(0.05, 0.35) * b.height + d[1], d[0], d[1]);
                return;
            }
            default:
                if (b.r.nextBoolean()) {
                    addNextTo(b);
                } else {
                    addFree(b);
                }
        }
    }

    /** A new ground object beside an existing one. */
    private void addNextTo(Build b) {
        List<Obj> grounded = of(b, o -> ontology.spec(o.cls).placement() == Ontology.Placement.GROUND || ontology.spec(o.cls).placement() == Ontology.Placement.SUPPORT);
        if (grounded.isEmpty()) {
            addFree(b);
            return;
        }
        Obj a = b.pick(grounded);
        Obj t = b.create(b.pick(b.setting.anchors()));
        double[] d = b.dims(t, 1.0);
        double w = Math.min(d[0], 0.6 * b.width), h = Math.min(d[1], 0.85 * b.height);
        double gap = b.u(0.0, 0.04) * b.width;
        boolean fitsRight = a.x2 + gap + w <= b.width, fitsLeft = a.x1 - gap - w >= 0;
        boolean right = fitsRight && (!fitsLeft || b.r.nextBoolean());
        double cx = right ? a.x2 + gap + w / 2 : a.x1 - gap - w / 2;
        t.place(b.insideX(cx, w), a.y2 - b.u(-0.02, 0.02) * a.h(), w, Math.min(h, a.y2));
    }

    /** A new small object on the ground somewhere. */
    private void addFree(Build b) {
        Obj t = b.create(b.pick(b.setting.smalls()));
        double[] d = b.dims(t, 1.0);
        if (t.cls.equals("bird") && b.r.nextBoolean()) {
            t.place(b.insideX(b.u(0.05, 0.95) * b.width, d[0]), b.u(0.05, 0.35) * b.height + d[1], d[0], d[1]);
        } else {
            t.place(b.insideX(b.u(0.05, 0.95) * b.width, d[0]), b.u(0.85, 0.99) * b.height, d[0], d[1]);
        }
    }

    private void addLooking(Build b) {
        List<Obj> lookers = of(b, o -> ontology.subjects("looking at").contains(o.cls));
        if (lookers.isEmpty()) {
            return;
        }
        Obj s = b.pick(lookers);
        List<Obj> targets = new ArrayList<>();
        for (Obj o : b.objs) {
            if (o != s && !attached(b, s, o) && !o.cls.equals(s.cls)) {
                targets.add(o);
            }
        }
        if (!targets.isEmpty()) {
            b.relate(s, "looking at", b.pick(targets));
        }
    }

    private boolean attached(Build b, Obj s, Obj o) {
        int si = b.objs.indexOf(s), oi = b.objs.indexOf(o);
        for (int[] r : b.stated) {
            if (r[0] == si && r[1] == oi || r[0] == oi && r[1] == si) {
                return true;
            }
        }
        return false;
    }

    private ImageScene finish(Build b, String imageId, String split, String fileName) {
        List<SceneObject> objects = new ArrayList<>();
        for (int i = 0; i < b.objs.size(); i++) {
            Obj o = b.objs.get(i);
            objects.add(new SceneObject(i, o.cls, o.attrs, clip(o, b.width, b.height)));
        }
        List<SceneRelation> relations = new ArrayList<>();
        for (int i = 0; i < b.stated.size(); i++) {
            relations.add(new SceneRelation(b.stated.get(i)[0], b.statedPredicates.get(i), b.stated.get(i)[1]));
        }
        relations.addAll(BoxGeometry.allRelations(objects, b.width, b.height));
        return new ImageScene(imageId, split, fileName, b.width, b.height, b.setting.name(), objects, relations, List.of(), List.of());
    }

    /** Rounds to pixels inside the image, at least 2 pixels each way. */
    private static Box clip(Obj o, int w, int h) {
        int x1 = (int) Math.round(Math.max(0, Math.min(w - 2, o.x1)));
        int y1 = (int) Math.round(Math.max(0, Math.min(h - 2, o.y1)));
        int x2 = (int) Math.round(Math.max(x1 + 2, Math.min(w, o.x2)));
        int y2 = (int) Math.round(Math.max(y1 + 2, Math.min(h, o.y2)));
        return new Box(x1, y1, Math.min(w, x2), Math.min(h, y2));
    }
}
