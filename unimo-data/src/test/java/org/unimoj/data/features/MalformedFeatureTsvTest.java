package org.unimoj.data.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;

/**
 * Every kind of broken feature line gives an error naming file, line and field (policy fail) or a
 * quarantined record with the reason and exact counts (policy skip); never a silent acceptance.
 */
class MalformedFeatureTsvTest {

    @TempDir
    Path dir;

    static final Random R = new Random(11);
    static final RegionFeatures A = FeatureFixtures.random(R, "1", 3, 6, 4);
    static final RegionFeatures B = FeatureFixtures.random(R, "2", 2, 6, 4);
    static final RegionFeatures C = FeatureFixtures.random(R, "3", 4, 6, 4);

    static String line(RegionFeatures f) {
        String s = new String(FeatureTsvWriter.encode(f), StandardCharsets.US_ASCII);
        return s.substring(0, s.length() - 1);
    }

    static String[] fields(RegionFeatures f) {
        return line(f).split("\t", -1);
    }

    static String join(String[] f) {
        return String.join("\t", f);
    }

    static String with(RegionFeatures f, int column, String value) {
        String[] x = fields(f);
        x[column] = value;
        return join(x);
    }

    static String b64(float... v) {
        return Base64.getEncoder().encodeToString(FeatureTsvWriter.littleEndian(v));
    }

    /** A bad middle line: line 2 is at fault. */
    static String file(String middle) {
        return line(A) + "\n" + middle + "\n" + line(C) + "\n";
    }

    static Stream<Arguments> badMiddleLines() {
        String[] b = fields(B);
        float[] feats = B.features().clone();
        feats[5] = Float.NaN;
        float[] infFeats = B.features().clone();
        infFeats[0] = Float.POSITIVE_INFINITY;
        float[] outside = B.boxes().clone();
        outside[2] = B.imageWidth() + 50;
        float[] flipped = B.boxes().clone();
        flipped[0] = flipped[2] + 1;
        float[] badProbs = B.classProbs().clone();
        badProbs[0] += 0.5f;
        float[] negProbs = B.classProbs().clone();
        negProbs[1] = -0.2f;
        negProbs[0] += 0.2f;
        String fullLine = line(B);
        return Stream.of(
                Arguments.of("truncated line", fullLine.substring(0, fullLine.length() - 7), "cls_prob", "not a multiple of 4 (truncated?)"),
                Arguments.of("truncated before the last field", join(java.util.Arrays.copyOf(b, 5)), "line", "5 tab-separated fields; expected 7"),
                Arguments.of("an extra field", line(B) + "\textra", "line", "8 tab-separated fields"),
                Arguments.of("bad base64 character", with(B, 5, "!" + b[5].substring(1)), "features", "invalid base64 character '!' at position 1"),
                Arguments.of("base64 of a partial float", with(B, 5, b[5].substring(0, b[5].length() - 4) + "AAA="), "features", "not a whole number of float32"),
                Arguments.of("num_boxes larger than the boxes", with(B, 3, "3"), "boxes", "expected num_boxes 3 x 4 = 12"),
                Arguments.of("features of another dimension", with(B, 5, b64(new float[2 * 5])), "features", "expected num_boxes 2 x dim 6 = 12"),
                Arguments.of("features not a multiple of the boxes", with(B, 5, b64(new float[7])), "features", "not a multiple of num_boxes 2"),
                Arguments.of("class probabilities of another length", with(B, 6, b64(new float[2 * 5])), "cls_prob", "expected num_boxes 2 x classes 4"),
                Arguments.of("NaN feature", with(B, 5, b64(feats)), "features", "region 0, value 5 is NaN"),
                Arguments.of("infinite feature", with(B, 5, b64(infFeats)), "features", "region 0, value 0 is Infinity"),
                Arguments.of("box outside the image", with(B, 4, b64(outside)), "boxes", "lies outside the"),
                Arguments.of("box with x1 > x2", with(B, 4, b64(flipped)), "boxes", "x1 > x2"),
                Arguments.of("probabilities that do not sum to 1", with(B, 6, b64(badProbs)), "cls_prob", "sum to"),
                Arguments.of("negative probability", with(B, 6, b64(negProbs)), "cls_prob", "is not a probability"),
                Arguments.of("negative width", with(B, 1, "-5"), "image_w", "'-5' is not a non-negative integer"),
                Arguments.of("width not a number", with(B, 1, "64O"), "image_w", "not a non-negative integer"),
                Arguments.of("zero boxes", with(B, 3, "0"), "num_boxes", "0 regions"),
                Arguments.of("empty id", with(B, 0, ""), "image_id", "empty"),
                Arguments.of("byte-order mark inside an id", with(B, 0, "\uFEFF2"), "image_id", "byte-order mark"),
                Arguments.of("duplicate id", with(B, 0, "1"), "image_id", "duplicate image id '1'"),
                Arguments.of("empty line", "", "line", "empty line"),
                Arguments.of("a CR alone ends a line", line(B) + "\r" + line(B), "line", "tab-separated fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMiddleLines")
    void failPolicyNamesFileLineAndField(String name, String middle, String field, String reason) throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.writeString(f, file(middle), StandardCharsets.UTF_8);
        try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast())) {
            DataError e = assertThrows(DataError.class, r::readAll);
            assertEquals(f, e.file());
            assertEquals(2, e.line(), e.getMessage());
            assertEquals(field, e.field(), e.getMessage());
            assertTrue(e.getMessage().contains(reason), e.getMessage());
            assertTrue(e.getMessage().startsWith(f + ":2: field '" + field + "': "), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMiddleLines")
    void skipPolicyQuarantinesTheRecordWithItsReason(String name, String middle, String field, String reason) throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.writeString(f, file(middle), StandardCharsets.UTF_8);
        Path q = dir.resolve("q.jsonl");
        List<RegionFeatures> read;
        try (Quarantine quarantine = Quarantine.toFile(q); FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.skipTo(quarantine))) {
            read = r.readAll();
            assertEquals(3, r.counts().read());
            assertEquals(2, r.counts().accepted());
            assertEquals(1, r.counts().quarantined());
        }
        assertEquals(List.of("1", "3"), read.stream().map(RegionFeatures::imageId).toList());
        List<String> qlines = Files.readAllLines(q);
        assertEquals(1, qlines.size());
        JsonNode n = Json.MAPPER.readTree(qlines.get(0));
        assertEquals(2, n.get("line").asInt());
        assertEquals(field, n.get("field").asText());
        assertTrue(n.get("reason").asText().contains(reason), n.toString());
        assertEquals(f.toString(), n.get("file").asText());
    }

    @Test
    void emptyFileIsAnErrorUnderEitherPolicy() throws IOException {
        Path f = dir.resolve("empty.tsv");
        Files.write(f, new byte[0]);
        DataError e = assertThrows(DataError.class, () -> FeatureTsvReader.open(f, ReadOptions.failFast()).readAll());
        assertTrue(e.getMessage().equals(f + ": empty file: no records"), e.getMessage());
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl"))) {
            assertThrows(DataError.class, () -> FeatureTsvReader.open(f, ReadOptions.skipTo(q)).readAll());
        }
        Path headerOnly = dir.resolve("header.tsv");
        Files.writeString(headerOnly, "image_id\timage_w\timage_h\tnum_boxes\tboxes\tfeatures\n");
        assertThrows(DataError.class, () -> FeatureTsvReader.open(headerOnly, ReadOptions.failFast()).readAll());
        assertThrows(DataError.class, () -> FeatureStore.open(f));
    }

    @Test
    void allRecordsBadUnderSkipIsNotAnEmptyFile() throws IOException {
        Path f = dir.resolve("allbad.tsv");
        Files.writeString(f, "x\ty\n");
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl")); FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.skipTo(q))) {
            assertTrue(r.readAll().isEmpty());
            assertEquals(1, r.counts().quarantined());
        }
    }

    @Test
    void missingFileIsAnError() {
        DataError e = assertThrows(DataError.class, () -> FeatureTsvReader.open(dir.resolve("nope.tsv"), ReadOptions.failFast()));
        assertTrue(e.getMessage().endsWith("nope.tsv: no such file"), e.getMessage());
    }

    @Test
    void byteOrderMarkIsRemovedAndReported() throws IOException {
        Path f = dir.resolve("bom.tsv");
        byte[] body = (line(A) + "\n" + line(B) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(f, withBom);
        try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast())) {
            List<RegionFeatures> read = r.readAll();
            assertEquals("1", read.get(0).imageId());
            assertArrayEquals(A.features(), read.get(0).features());
            assertTrue(r.counts().notes().stream().anyMatch(n -> n.contains("byte-order mark")), r.counts().toString());
        }
        try (FeatureStore s = FeatureStore.open(f)) {
            assertArrayEquals(A.features(), s.get("1").features());
        }
    }

    @Test
    void crlfLineEndsAreRemovedAndReported() throws IOException {
        Path f = dir.resolve("crlf.tsv");
        Files.writeString(f, line(A) + "\r\n" + line(B) + "\r\n" + line(C) + "\r\n");
        try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast())) {
            List<RegionFeatures> read = r.readAll();
            assertEquals(3, read.size());
            assertArrayEquals(C.classProbs(), read.get(2).classProbs());
            assertTrue(r.counts().notes().stream().anyMatch(n -> n.contains("3 line(s)") && n.contains("CRLF")), r.counts().toString());
        }
        try (FeatureStore s = FeatureStore.open(f)) {
            assertArrayEquals(B.classProbs(), s.get("2").classProbs());
        }
    }

    @Test
    void lastLineWithoutLineEndIsReadAndReported() throws IOException {
        Path f = dir.resolve("noeol.tsv");
        Files.writeString(f, line(A) + "\n" + line(B));
        try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast())) {
            assertEquals(2, r.readAll().size());
            assertTrue(r.counts().notes().stream().anyMatch(n -> n.contains("no line end")), r.counts().toString());
        }
    }

    @Test
    void storeReportsBadRecordsWithFileLineAndField() throws IOException {
        Path f = dir.resolve("bad.tsv");
        float[] feats = B.features().clone();
        feats[2] = Float.NaN;
        Files.writeString(f, file(with(B, 5, b64(feats))));
        try (FeatureStore s = FeatureStore.open(f)) {
            DataError e = assertThrows(DataError.class, () -> s.get("2"));
            assertEquals(2, e.line());
            assertEquals("features", e.field());
            assertEquals(4, s.get("3").numBoxes());
        }
        Path dup = dir.resolve("dup.tsv");
        Files.writeString(dup, file(with(B, 0, "3")));
        DataError e = assertThrows(DataError.class, () -> FeatureStore.open(dup));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("duplicate image id '3' (first at line 2)"), e.getMessage());
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl"));
             FeatureStore s = FeatureStore.open(dup, ReadOptions.skipTo(q), FeatureChecks.defaults())) {
            assertEquals(2, s.size());
            assertEquals(1, q.count());
        }
    }

    @Test
    void fixedDimensionIsEnforced() throws IOException {
        Path f = dir.resolve("dim.tsv");
        Files.writeString(f, line(A) + "\n");
        try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast(), null, FeatureChecks.defaults().withFeatureDim(2048))) {
            DataError e = assertThrows(DataError.class, r::readAll);
            assertTrue(e.getMessage().contains("dim 2048"), e.getMessage());
        }
        List<String> ok = new ArrayList<>();
        try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast(), FeatureTsvLayout.BOTTOM_UP_WITH_CLASS_PROBS,
                FeatureChecks.defaults().withFeatureDim(6).withNumClasses(4))) {
            r.forEachRemaining(x -> ok.add(x.imageId()));
        }
        assertEquals(List.of("1"), ok);
    }
}
