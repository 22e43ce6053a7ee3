package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;

class ExampleCodecTest {

    private static final int PER_VARIANT = 300;
    /** Characters ids are drawn from: ASCII, Latin-1, CJK, and an astral character (a surrogate pair). */
    private static final String[] CHARS = {"a", "Z", "0", "_", "-", " ", "é", "ß", "中", "文", "😀", "\u0000"};

    // ---- round trips

    @Test
    void everyVariantRoundTripsBitExact() throws IOException {
        SplittableRandom r = new SplittableRandom(20210801L);
        int[] seen = new int[3];
        for (int i = 0; i < PER_VARIANT; i++) {
            for (PretrainExample e : List.of(text(r), image(r), pair(r))) {
                byte[] bytes = encode(e);
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
                assertExample(e, ExampleCodec.read(in), "example " + i);
                assertEquals(0, in.available(), "example " + i + " left bytes unread");
                seen[e instanceof PretrainExample.Text ? 0 : e instanceof PretrainExample.Image ? 1 : 2]++;
            }
        }
        assertArrayEquals(new int[] {PER_VARIANT, PER_VARIANT, PER_VARIANT}, seen);
    }

    @Test
    void edgeCasesRoundTrip() throws IOException {
        RegionFeatures noBoxes = new RegionFeatures("", 1, 1, 0, 1, new float[0], new float[0], 0, null);
        RegionFeatures noBoxesWithClasses = new RegionFeatures("无", 3, 4, 0, 7, new float[0], new float[0], 1601, new float[0]);
        float[] odd = {-0f, 0f, Float.NaN, Float.intBitsToFloat(0x7fc12345), Float.intBitsToFloat(0xffc00001), Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE, 1e-40f};
        RegionFeatures oddFloats = new RegionFeatures("odd", 640, 480, 2, 5, Arrays.copyOf(odd, 8), odd, 3, Arrays.copyOfRange(odd, 4, 10));
        List<PretrainExample> cases = List.of(
                new PretrainExample.Text("", new int[0]),
                new PretrainExample.Text("t", new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}),
                new PretrainExample.Image(noBoxes),
                new PretrainExample.Image(noBoxesWithClasses),
                new PretrainExample.Image(oddFloats),
                PretrainExample.Pair.plain("", noBoxes, new int[0]),
                new PretrainExample.Pair("p", oddFloats, new int[] {5}, List.of(new int[0]), List.of(new int[0], new int[] {7}),
                        List.of(noBoxes, oddFloats), List.of(new int[0])));
        for (PretrainExample e : cases) {
            assertExample(e, decode(encode(e)), e.getClass().getSimpleName());
        }
        // the bits themselves, not just equal-as-floats: writeFloat would have turned both NaNs into 0x7fc00000
        RegionFeatures back = ((PretrainExample.Image) decode(encode(new PretrainExample.Image(oddFloats)))).image();
        assertEquals(0x7fc12345, Float.floatToRawIntBits(back.features()[3]));
        assertEquals(0x80000000, Float.floatToRawIntBits(back.features()[0]));
    }

    @Test
    void stringsLongerThanWriteUtfAllowsAndArraysLongerThanOneChunkRoundTrip() throws IOException {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            id.append(i % 3 == 0 ? "中" : i % 3 == 1 ? "😀" : "x");
        }
        assertTrue(id.toString().getBytes(StandardCharsets.UTF_8).length > 65_535);
        SplittableRandom r = new SplittableRandom(7);
        int boxes = 37;
        int dim = 2048;
        int classes = 1601;
        RegionFeatures big = new RegionFeatures(id.toString(), 800, 600, boxes, dim, floats(r, boxes * 4), floats(r, boxes * dim), classes,
                floats(r, boxes * classes));
        int[] ids = new int[100_003];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.nextInt();
        }
        PretrainExample.Pair e = new PretrainExample.Pair(id.toString(), big, ids, List.of(ids), List.of(), List.of(big), List.of());
        assertExample(e, decode(encode(e)), "big pair");
    }

    @Test
    void examplesWrittenOneAfterAnotherAreReadBackInOrder() throws IOException {
        SplittableRandom r = new SplittableRandom(42);
        List<PretrainExample> sent = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (int i = 0; i < 500; i++) {
            PretrainExample e = switch (r.nextInt(3)) {
                case 0 -> text(r);
                case 1 -> image(r);
                default -> pair(r);
            };
            sent.add(e);
            ExampleCodec.write(out, e);
        }
        out.flush();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        for (int i = 0; i < sent.size(); i++) {
            assertExample(sent.get(i), ExampleCodec.read(in), "stream position " + i);
        }
        assertEquals(0, in.available());
        EOFException end = assertThrows(EOFException.class, () -> ExampleCodec.read(in));
        assertEquals("stream truncated while reading example tag", end.getMessage());
    }

    @Test
    void filledAndEmptySlotsRoundTripInOneStream() throws IOException {
        SplittableRandom r = new SplittableRandom(99);
        List<Slot<PretrainExample>> sent = new ArrayList<>();
        long[] edges = {0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L};
        for (int i = 0; i < 400; i++) {
            long index = i < edges.length ? edges[i] : r.nextLong();
            if (r.nextBoolean()) {
                PretrainExample e = switch (r.nextInt(3)) {
                    case 0 -> text(r);
                    case 1 -> image(r);
                    default -> pair(r);
                };
                sent.add(new Slot.Filled<>(index, e));
            } else {
                sent.add(new Slot.Empty<>(index, i == 7 ? "" : "augmenter crashed on " + string(r) + ": ünïcödé 失败"));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Slot<PretrainExample> s : sent) {
            ExampleCodec.writeSlot(out, s);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        int filled = 0;
        for (int i = 0; i < sent.size(); i++) {
            Slot<PretrainExample> want = sent.get(i);
            Slot<PretrainExample> got = ExampleCodec.readSlot(in);
            assertEquals(want.index(), got.index(), "slot " + i + " index");
            if (want instanceof Slot.Filled<PretrainExample> f) {
                Slot.Filled<?> g = assertInstanceOf(Slot.Filled.class, got);
                assertExample(f.value(), (PretrainExample) g.value(), "slot " + i);
                filled++;
            } else {
                assertEquals(((Slot.Empty<PretrainExample>) want).reason(), assertInstanceOf(Slot.Empty.class, got).reason(), "slot " + i);
            }
        }
        assertEquals(0, in.available());
        assertTrue(filled > 100 && filled < 300, "both kinds were exercised: " + filled + " filled");
    }

    // ---- bad input

    @Test
    void everyTruncationOfAStreamIsAnEofNamingWhatWasBeingRead() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        RegionFeatures img = regions(r, "img");
        PretrainExample.Pair e = new PretrainExample.Pair("cap", img, new int[] {1, 2, 3}, List.of(new int[] {4}), List.of(new int[] {5, 6}),
                List.of(img), List.of(new int[] {7}));
        byte[] whole = encode(e);
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            EOFException x = assertThrows(EOFException.class, () -> decode(part), "cut at " + cut);
            assertTrue(x.getMessage().startsWith("stream truncated while reading "), x.getMessage());
        }
        // tag, "cap" (length + 3 bytes), then the image as an Image example writes it without its tag
        int idsStart = 1 + 4 + 3 + encode(new PretrainExample.Image(img)).length - 1;
        EOFException x = assertThrows(EOFException.class, () -> decode(Arrays.copyOf(whole, idsStart + 4 + 5)));
        assertEquals("stream truncated while reading pair cap ids", x.getMessage());
        EOFException slot = assertThrows(EOFException.class, () -> ExampleCodec.readSlot(in(new byte[] {ExampleCodec.EMPTY, 0, 0})));
        assertEquals("stream truncated while reading empty slot index", slot.getMessage());
    }

    @Test
    void unknownTagsAreRejectedNamingTheTag() {
        IOException e = assertThrows(IOException.class, () -> decode(new byte[] {9, 0, 0, 0, 0}));
        assertEquals("pre-training example: unknown tag 9 (expected 1 text, 2 image or 3 pair)", e.getMessage());
        IOException s = assertThrows(IOException.class, () -> ExampleCodec.readSlot(in(new byte[] {-1})));
        assertEquals("slot: unknown tag -1 (expected 4 filled or 5 empty)", s.getMessage());
        // a filled slot whose example has a bad tag
        IOException inner = assertThrows(IOException.class, () -> ExampleCodec.readSlot(in(new byte[] {ExampleCodec.FILLED, 0, 0, 0, 0, 0, 0, 0, 3, 0})));
        assertTrue(inner.getMessage().startsWith("pre-training example: unknown tag 0"), inner.getMessage());
    }

    @Test
    void impossibleCountsAndSizesAreRejectedBeforeAllocating() throws IOException {
        // text "a" whose ids array claims -1 elements
        IOException neg = assertThrows(IOException.class, () -> decode(bytes(out -> {
            out.writeByte(ExampleCodec.TEXT);
            out.writeInt(1);
            out.writeByte('a');
            out.writeInt(-1);
        })));
        assertEquals("text a ids length: negative count -1", neg.getMessage());
        // a string of -5 bytes
        IOException negString = assertThrows(IOException.class, () -> decode(bytes(out -> {
            out.writeByte(ExampleCodec.TEXT);
            out.writeInt(-5);
        })));
        assertEquals("text id length: negative count -5", negString.getMessage());
        // a billion ids announced, eight bytes sent: fails at the end of the stream, not with an OutOfMemoryError
        EOFException huge = assertThrows(EOFException.class, () -> decode(bytes(out -> {
            out.writeByte(ExampleCodec.TEXT);
            out.writeInt(1);
            out.writeByte('a');
            out.writeInt(1_000_000_000);
            out.writeLong(0);
        })));
        assertEquals("stream truncated while reading text a ids", huge.getMessage());
        // region sizes whose product does not fit an array, a negative size, and a size the record refuses
        assertEquals("image i boxes: 4294967296 elements cannot be held in an array",
                assertThrows(IOException.class, () -> decode(image(1 << 30, 1, 0, 1))).getMessage());
        assertEquals("image i: negative size (boxes=-2 dim=1 classes=0)",
                assertThrows(IOException.class, () -> decode(image(-2, 1, 0, 1))).getMessage());
        IOException refused = assertThrows(IOException.class, () -> decode(image(0, 0, 0, 1)));
        assertTrue(refused.getMessage().startsWith("image: invalid region features: image i: bad sizes"), refused.getMessage());
        IOException width = assertThrows(IOException.class, () -> decode(image(0, 1, 0, 0)));
        assertTrue(width.getMessage().startsWith("image: invalid region features: image i: size must be positive"), width.getMessage());
        // a pair with a negative number of related images
        RegionFeatures img = new RegionFeatures("i", 1, 1, 0, 1, new float[0], new float[0], 0, null);
        byte[] pair = encode(PretrainExample.Pair.plain("c", img, new int[0]));
        // layout from the end: positives(4) negatives(4) related images(4) related texts(4)
        java.nio.ByteBuffer.wrap(pair).putInt(pair.length - 8, -3);
        assertEquals("pair c related images: negative count -3", assertThrows(IOException.class, () -> decode(pair)).getMessage());
    }

    @Test
    void invalidUtf8IsRejectedAndUnpairedSurrogatesAreNotWritten() {
        IOException bad = assertThrows(IOException.class, () -> decode(bytes(out -> {
            out.writeByte(ExampleCodec.TEXT);
            out.writeInt(2);
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28});
            out.writeInt(0);
        })));
        assertEquals("text id: 2 bytes are not valid UTF-8", bad.getMessage());
        // a lone surrogate would come back as '?': refuse to write it rather than corrupt the id
        IOException lone = assertThrows(IOException.class, () -> encode(new PretrainExample.Text("x\uD800y", new int[0])));
        assertTrue(lone.getMessage().startsWith("text id 'x\uD800y' is not valid Unicode"), lone.getMessage());
    }

    // ---- deep comparison

    private static void assertExample(PretrainExample want, PretrainExample got, String where) {
        assertEquals(want.getClass(), got.getClass(), where + ": variant");
        if (want instanceof PretrainExample.Text t) {
            PretrainExample.Text g = (PretrainExample.Text) got;
            assertEquals(t.id(), g.id(), where + ": id");
            assertArrayEquals(t.ids(), g.ids(), where + ": ids");
        } else if (want instanceof PretrainExample.Image i) {
            assertRegions(i.image(), ((PretrainExample.Image) got).image(), where + ": image");
        } else {
            PretrainExample.Pair p = (PretrainExample.Pair) want;
            PretrainExample.Pair g = (PretrainExample.Pair) got;
            assertEquals(p.captionId(), g.captionId(), where + ": caption id");
            assertRegions(p.image(), g.image(), where + ": image");
            assertArrayEquals(p.ids(), g.ids(), where + ": ids");
            assertIntsList(p.positives(), g.positives(), where + ": positives");
            assertIntsList(p.negatives(), g.negatives(), where + ": negatives");
            assertEquals(p.relatedImages().size(), g.relatedImages().size(), where + ": related image count");
            for (int k = 0; k < p.relatedImages().size(); k++) {
                assertRegions(p.relatedImages().get(k), g.relatedImages().get(k), where + ": related image " + k);
            }
            assertIntsList(p.relatedTexts(), g.relatedTexts(), where + ": related texts");
        }
    }

    private static void assertRegions(RegionFeatures want, RegionFeatures got, String where) {
        assertEquals(want.imageId(), got.imageId(), where + " id");
        assertEquals(want.imageWidth(), got.imageWidth(), where + " width");
        assertEquals(want.imageHeight(), got.imageHeight(), where + " height");
        assertEquals(want.numBoxes(), got.numBoxes(), where + " boxes");
        assertEquals(want.featureDim(), got.featureDim(), where + " dim");
        assertEquals(want.numClasses(), got.numClasses(), where + " classes");
        assertArrayEquals(bits(want.boxes()), bits(got.boxes()), where + " box floats");
        assertArrayEquals(bits(want.features()), bits(got.features()), where + " feature floats");
        assertArrayEquals(bits(want.classProbs()), bits(got.classProbs()), where + " class probability floats");
    }

    private static void assertIntsList(List<int[]> want, List<int[]> got, String where) {
        assertEquals(want.size(), got.size(), where + " count");
        for (int k = 0; k < want.size(); k++) {
            assertArrayEquals(want.get(k), got.get(k), where + " " + k);
        }
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }

    // ---- random examples

    private static PretrainExample.Text text(SplittableRandom r) {
        return new PretrainExample.Text(string(r), ints(r));
    }

    private static PretrainExample.Image image(SplittableRandom r) {
        return new PretrainExample.Image(regions(r, string(r)));
    }

    private static PretrainExample.Pair pair(SplittableRandom r) {
        List<RegionFeatures> related = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            related.add(regions(r, string(r)));
        }
        return new PretrainExample.Pair(string(r), regions(r, string(r)), ints(r), intsList(r), intsList(r), related, intsList(r));
    }

    /** Sometimes without class probabilities (null or 0 classes), sometimes with; sometimes no boxes at all. */
    private static RegionFeatures regions(SplittableRandom r, String id) {
        int boxes = r.nextInt(5) == 0 ? 0 : r.nextInt(1, 8);
        int dim = r.nextInt(1, 9);
        int w = r.nextInt(1, 2000);
        int h = r.nextInt(1, 2000);
        return switch (r.nextInt(3)) {
            case 0 -> new RegionFeatures(id, w, h, boxes, dim, floats(r, boxes * 4), floats(r, boxes * dim), 0, null);
            case 1 -> RegionFeatures.of(id, w, h, dim, floats(r, boxes * 4), floats(r, boxes * dim));
            default -> {
                int classes = r.nextInt(1, 6);
                yield new RegionFeatures(id, w, h, boxes, dim, floats(r, boxes * 4), floats(r, boxes * dim), classes, floats(r, boxes * classes));
            }
        };
    }

    private static String string(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        for (int n = r.nextInt(12); n > 0; n--) {
            s.append(CHARS[r.nextInt(CHARS.length)]);
        }
        return s.toString();
    }

    private static int[] ints(SplittableRandom r) {
        int[] a = new int[r.nextInt(6) == 0 ? 0 : r.nextInt(1, 40)];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextBoolean() ? r.nextInt(30_000) : r.nextInt();
        }
        return a;
    }

    private static List<int[]> intsList(SplittableRandom r) {
        List<int[]> list = new ArrayList<>();
        for (int k = r.nextInt(5); k > 0; k--) {
            list.add(ints(r));
        }
        return list;
    }

    private static float[] floats(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (r.nextInt(12)) {
                case 0 -> -0f;
                case 1 -> Float.NaN;
                case 2 -> Float.intBitsToFloat(0x7fc00000 | r.nextInt(1, 1 << 22)); // quiet NaN with a payload
                case 3 -> r.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                case 4 -> Float.intBitsToFloat(r.nextInt(1, 1 << 23)); // subnormal
                default -> (float) ((r.nextDouble() - 0.5) * 1000);
            };
        }
        return a;
    }

    // ---- streams

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        w.write(out);
        out.flush();
        return b.toByteArray();
    }

    private static byte[] encode(PretrainExample e) throws IOException {
        return bytes(out -> ExampleCodec.write(out, e));
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static PretrainExample decode(byte[] bytes) throws IOException {
        return ExampleCodec.read(in(bytes));
    }

    /** An image example with id "i", the given sizes and a valid width unless {@code width} is 0; arrays as long as sizes say. */
    private static byte[] image(int boxes, int dim, int classes, int width) throws IOException {
        return bytes(out -> {
            out.writeByte(ExampleCodec.IMAGE);
            out.writeInt(1);
            out.writeByte('i');
            out.writeInt(width);
            out.writeInt(1);
            out.writeInt(boxes);
            out.writeInt(dim);
            out.writeInt(classes);
            if (boxes >= 0 && (long) boxes * Math.max(dim, 4) < 1000) {
                out.write(new byte[4 * (boxes * 4 + boxes * dim + boxes * classes)]);
            }
        });
    }
}
